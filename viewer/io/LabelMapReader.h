#pragma once
#include "core/LabelMap.h"

#include <string>

namespace lumen::io {

// Reads a label map (NIfTI/NRRD/MHA, any integer type: atlases are often int16) that must lie
// on `image`'s grid. Throws IoError when the grid differs or values are not labels.
class LabelMapReader {
public:
    static core::LabelMap read(const std::string& path, const core::ImageGeometry& image);
};

}  // namespace lumen::io
