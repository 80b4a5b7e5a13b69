#pragma once
// Builders shared by the AI tests: TorchScript modules defined in C++ (no Python needed) and
// model packages around them.
#include "ai/ModelManifest.h"

#include <filesystem>
#include <string>

namespace lumen::test {

// Saves a scripted module whose forward() is `body` (TorchScript source of a method body, given x).
void saveScriptedModule(const std::filesystem::path& file, const std::string& forwardSource);

// A segmentation manifest for `labels` labels, patch `patch`, no resampling, no normalisation.
ai::ModelManifest segmentationManifest(int labels, int patch = 16);

// Writes DIR/model.pt (from forwardSource) and DIR/model.json (with its sha256).
void writePackage(const std::filesystem::path& dir, const ai::ModelManifest& manifest, const std::string& forwardSource);

}  // namespace lumen::test
