#pragma once
#include "core/LabelMap.h"

#include <string>
#include <vector>

namespace lumen::io {

// Reads a label map (NIfTI/NRRD/MHA, any integer type: atlases are often int16) onto `image`'s
// grid: exactly when its voxel centres are the image's in another axis order or direction (as
// dcm2niix, nnU-Net and MONAI store them), by nearest neighbour with a warning otherwise. Throws
// IoError when the label map does not overlap the image or its values are not labels.
// A 3D Slicer .seg.nrrd brings its segments' names and colours (SlicerSegmentation). Otherwise
// label names and colours come from a sidecar when one lies beside the file, as atlases ship:
// mricron's `<file>.txt` ("value name ...") and `<file>.lut` (256 R, then G, then B bytes), or an
// ITK-SNAP label description `<file>.txt` (value R G B A visible mesh "name").
class LabelMapReader {
public:
    static core::LabelMap read(const std::string& path, const core::ImageGeometry& image,
                               std::vector<std::string>* warnings = nullptr);
    // `labels` (read from `path`, on any grid) placed on `image`'s grid as read() does.
    static core::LabelMap placeOnGrid(const core::LabelMap& labels, const core::ImageGeometry& image,
                                      const std::string& path, std::vector<std::string>* warnings);
    // The sidecar table for `path`, empty when there is none. Malformed lines are skipped.
    static core::LabelTable readSidecarTable(const std::string& path);
    // Where that text sidecar lies: "aal.nii.gz" → "aal.nii.txt" (what writeItkSnapLabels writes to).
    static std::string sidecarTextPath(const std::string& labelMap);
    // One such text file (ITK-SNAP or mricron), with mricron's colours from `lut` when given.
    static core::LabelTable readLabelDescription(const std::string& textFile, const std::string& lut = "");
};

}  // namespace lumen::io
