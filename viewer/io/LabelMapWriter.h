#pragma once
#include "core/Annotation.h"

#include <string>

namespace lumen::io {

// Writes a label map for other tools, by extension: a 3D Slicer .seg.nrrd (names and colours
// inside), or NIfTI/NRRD/MHA with two sidecars — Lumen's JSON label table (names, colours,
// codes, provenance) and an ITK-SNAP label description (<file>.txt, which ITK-SNAP and
// LabelMapReader read). Each file is written atomically. Throws IoError.
class LabelMapWriter {
public:
    static void write(const core::AnnotationSet& set, const std::string& path);
    static bool isSlicerPath(const std::string& path);  // ends in .seg.nrrd
};

}  // namespace lumen::io
