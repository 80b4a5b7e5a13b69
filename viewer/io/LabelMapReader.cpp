#include "io/LabelMapReader.h"

#include "io/ImageFileReader.h"
#include "io/IoError.h"

namespace lumen::io {

core::LabelMap LabelMapReader::read(const std::string& path, const core::ImageGeometry& image) {
    const core::Volume raw = ImageFileReader::read(path);
    if (!raw.geometry().isApprox(image, 1e-3)) throw IoError(path, "the label map's grid does not match the image's");
    if (raw.timePoints() != 1) throw IoError(path, "a label map has one time point");
    if (raw.pixelType() == core::PixelType::UInt8 || raw.pixelType() == core::PixelType::UInt16)
        return core::LabelMap::fromVolume(raw.withRescale({}));
    if (!core::isInteger(raw.pixelType())) throw IoError(path, "a label map holds integers");
    core::LabelMap labels(image, core::PixelType::UInt16);
    for (std::size_t i = 0; i < raw.voxelsPerFrame(); ++i) {
        const double v = raw.storedValue(i);
        if (v < 0 || v > 65535) throw IoError(path, "label values must be between 0 and 65535");
        labels.set(i, std::uint16_t(v));
    }
    return labels;
}

}  // namespace lumen::io
