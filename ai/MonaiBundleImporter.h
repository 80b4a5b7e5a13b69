#pragma once
#include "ai/ModelManifest.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lumen::ai {

// Converts a MONAI bundle (configs/metadata.json with network_data_format, configs/inference.json
// or .yaml, models/model.ts) into a Lumen package. What translates exactly, and how, is listed in
// docs/model-package.md with the model zoo's coverage; anything else (a transform Lumen lacks, a
// Python expression in a value that matters, a bundle script) fails with the full list of what
// could not be translated: never a silent half-import.
class MonaiBundleImporter {
public:
    struct Translation {
        std::optional<ModelManifest> manifest;  // set when nothing stood in the way
        std::vector<std::string> problems;      // steps that cannot be translated
        std::vector<std::string> notes;         // translated, with a difference worth knowing
    };
    // The configs alone (no network needed): what `import` would make of them.
    static Translation check(const std::filesystem::path& bundleDir);
    static ModelManifest translate(const std::filesystem::path& bundleDir);  // throws ModelError
    // translate + copy models/model.ts to OUT/model.pt + write OUT/model.json; OUT must not exist.
    static ModelManifest import(const std::filesystem::path& bundleDir, const std::filesystem::path& out);
};

}  // namespace lumen::ai
