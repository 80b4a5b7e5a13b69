#pragma once
#include "ai/ModelManifest.h"

#include <filesystem>
#include <string>
#include <vector>

namespace lumen::ai {

// Converts a MONAI bundle (configs/metadata.json with network_data_format, configs/inference.json,
// models/model.ts) into a Lumen package. Translated: LoadImage, EnsureChannelFirst / AddChannel,
// Orientation, Spacing, ScaleIntensityRange, ScaleIntensityRangePercentiles, NormalizeIntensity,
// CropForeground, SlidingWindowInferer (roi_size, sw_batch_size, overlap, mode), Activations,
// AsDiscrete (argmax / threshold), KeepLargestConnectedComponent; type-only and output steps
// (EnsureType, ToTensor, CastToType, Invert, SaveImage, CopyItems) need no translation. "@name"
// references are resolved. Anything else (another transform, a "$" expression in a value that
// matters, a YAML config) fails with the full list of what could not be translated: never a
// silent half-import.
class MonaiBundleImporter {
public:
    static ModelManifest translate(const std::filesystem::path& bundleDir);  // throws ModelError
    // translate + copy models/model.ts to OUT/model.pt + write OUT/model.json; OUT must not exist.
    static ModelManifest import(const std::filesystem::path& bundleDir, const std::filesystem::path& out);
};

}  // namespace lumen::ai
