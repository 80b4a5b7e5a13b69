#pragma once
#include "core/LabelMap.h"

#include <string>

namespace lumen::io {

// Reads a label map (NIfTI/NRRD/MHA, any integer type: atlases are often int16) that must lie
// on `image`'s grid. Throws IoError when the grid differs or values are not labels.
// Label names and colours come from a sidecar when one lies beside the file, as atlases ship:
// mricron's `<file>.txt` ("value name ...") and `<file>.lut` (256 R, then G, then B bytes), or an
// ITK-SNAP label description `<file>.txt` (value R G B A visible mesh "name").
class LabelMapReader {
public:
    static core::LabelMap read(const std::string& path, const core::ImageGeometry& image);
    // The sidecar table for `path`, empty when there is none. Malformed lines are skipped.
    static core::LabelTable readSidecarTable(const std::string& path);
};

}  // namespace lumen::io
