#pragma once
#include "ai/ModelManifest.h"

#include <filesystem>

namespace lumen::ai {

// A model package on disk: DIR/model.json + DIR/model.pt (TorchScript). Opening checks the
// manifest and, unless told not to, that model.pt's SHA-256 is the one the manifest records, so a
// truncated or swapped model is refused before Torch ever parses it.
class ModelPackage {
public:
    static constexpr const char* kManifestFile = "model.json";
    static constexpr const char* kNetworkFile = "model.pt";

    static ModelPackage open(const std::filesystem::path& dir, bool verifyHash = true);

    // Writes model.json atomically (temp + fsync + rename) after filling in sha256 of model.pt.
    static void writeManifest(const std::filesystem::path& dir, ModelManifest manifest);

    // A new package at `out` (which must not exist) from a TorchScript file and a manifest: staged
    // beside it and renamed into place, so it appears whole or not at all.
    static ModelPackage create(const std::filesystem::path& out, const std::filesystem::path& network, ModelManifest manifest);

    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path networkFile() const { return dir_ / kNetworkFile; }
    const ModelManifest& manifest() const { return manifest_; }
    std::string id() const { return manifest_.name + "@" + manifest_.version; }

private:
    std::filesystem::path dir_;
    ModelManifest manifest_;
};

}  // namespace lumen::ai
