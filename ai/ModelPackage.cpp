#include "ai/ModelPackage.h"

#include "ai/ModelError.h"
#include "ai/Sha256.h"
#include "ai/internal/AtomicWrite.h"

#include <fstream>

namespace lumen::ai {

namespace fs = std::filesystem;

ModelPackage ModelPackage::open(const fs::path& dir, bool verifyHash) {
    if (!fs::is_directory(dir)) throw ModelError(dir.string() + ": not a model package (no such directory)");
    const fs::path manifestPath = dir / kManifestFile;
    std::ifstream in(manifestPath);
    if (!in) throw ModelError(manifestPath.string() + ": missing (a package holds model.json and model.pt)");
    nlohmann::json json;
    try {
        in >> json;
    } catch (const nlohmann::json::exception& e) {
        throw ModelError(manifestPath.string() + ": not valid JSON (" + e.what() + ")");
    }
    ModelPackage package;
    package.dir_ = dir;
    package.manifest_ = ModelManifest::fromJson(json, manifestPath.string());
    const fs::path network = package.networkFile();
    if (!fs::is_regular_file(network)) throw ModelError(network.string() + ": missing");
    if (verifyHash) {
        const std::string actual = sha256OfFile(network);
        if (actual != package.manifest_.sha256)
            throw ModelError(network.string() + ": SHA-256 " + actual + " does not match the manifest's " +
                             package.manifest_.sha256 + " (the file was changed or damaged)");
    }
    return package;
}

void ModelPackage::writeManifest(const fs::path& dir, ModelManifest manifest) {
    manifest.sha256 = sha256OfFile(dir / kNetworkFile);
    ModelManifest::fromJson(manifest.toJson(), (dir / kManifestFile).string());  // never write what we cannot read back
    internal::writeFileAtomically(dir / kManifestFile, manifest.toJson().dump(2) + "\n");
}

}  // namespace lumen::ai
