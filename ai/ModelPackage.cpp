#include "ai/ModelPackage.h"

#include "ai/JsonFile.h"
#include "ai/ModelError.h"
#include "ai/Sha256.h"
#include "core/AtomicFile.h"

#include <fstream>

namespace lumen::ai {

namespace fs = std::filesystem;

ModelPackage ModelPackage::open(const fs::path& dir, bool verifyHash) {
    if (!fs::is_directory(dir)) throw ModelError(dir.string() + ": not a model package (no such directory)");
    const fs::path manifestPath = dir / kManifestFile;
    ModelPackage package;
    package.dir_ = dir;
    package.manifest_ = ModelManifest::fromJson(
        readJsonFile(manifestPath, "missing (a package holds model.json and model.pt)"), manifestPath.string());
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
    core::writeFileAtomically((dir / kManifestFile).string(), manifest.toJson().dump(2) + "\n");
}

ModelPackage ModelPackage::create(const fs::path& out, const fs::path& network, ModelManifest manifest) {
    if (fs::exists(out)) throw ModelError(out.string() + " exists; a new package never replaces one");
    if (!out.parent_path().empty()) fs::create_directories(out.parent_path());
    const fs::path staging = out.string() + ".staging";
    fs::remove_all(staging);
    fs::create_directories(staging);
    fs::copy_file(network, staging / kNetworkFile);
    writeManifest(staging, std::move(manifest));
    fs::rename(staging, out);
    return open(out);
}

}  // namespace lumen::ai
