#pragma once
#include "core/Annotation.h"
#include "io/ImageStack.h"

#include <string>
#include <vector>

namespace lumen::io {

// DICOM Segmentation objects (binary segments, DCMTK's dcmseg), tied to their source series.
// Debian 12's DCMTK 3.6.7 predates the LABELMAP segmentation type, so every label becomes a
// binary segment: segment numbers 1..n follow the label values in ascending order.
class DicomSegmentation {
public:
    // The regular stack of a DICOM series folder (the one with the most slices, as the viewer
    // opens it). Throws IoError when there is none or it needs resampling (gantry tilt).
    static ImageStack sourceStack(const std::string& seriesPath);

    // Writes `set.labels` (on `source`'s grid) as a SEG referencing every source image: one frame
    // per segment and slice holding it, segment labels, CIELab colours, coded property types,
    // and the algorithm (MANUAL; AUTOMATIC or SEMIAUTOMATIC with the model's name and version
    // from the provenance). Atomic. Throws IoError.
    static void write(const core::AnnotationSet& set, const ImageStack& source, const std::string& path);

    // Reads a binary SEG onto `source`'s grid: each frame's position must be a slice of that
    // grid, with its orientation, spacing and frame of reference, else IoError (nothing is
    // returned half-read). Labels: values = segment numbers, names and colours from the SEG.
    // `overlaps` counts voxels claimed by more than one segment (the higher number wins).
    static core::AnnotationSet read(const std::string& path, const ImageStack& source, std::size_t* overlaps = nullptr);
};

}  // namespace lumen::io
