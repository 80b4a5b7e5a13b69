#include "ai/ModelRegistry.h"

#include "ai/ModelError.h"
#include "core/AtomicFile.h"

#include <algorithm>
#include <fstream>
#include <map>

namespace lumen::ai {

namespace fs = std::filesystem;

namespace {

void scanRoot(const fs::path& root, bool bundled, std::vector<RegistryEntry>& out) {
    std::error_code ec;
    if (root.empty() || !fs::is_directory(root, ec)) return;
    for (const auto& model : fs::directory_iterator(root, ec)) {
        if (!model.is_directory()) continue;
        for (const auto& version : fs::directory_iterator(model.path(), ec)) {
            if (!version.is_directory() || !fs::exists(version.path() / ModelPackage::kManifestFile)) continue;
            try {
                // Listing does not hash every network; running or activating a version does.
                const ModelPackage p = ModelPackage::open(version.path(), false);
                const ModelManifest& m = p.manifest();
                if (m.name != model.path().filename().string() || m.version != version.path().filename().string())
                    continue;  // a folder whose manifest names another model is not this entry
                RegistryEntry e;
                e.name = m.name;
                e.version = m.version;
                e.task = taskName(m.task);
                e.parentVersion = m.provenance.parentVersion;
                e.created = m.provenance.created;
                e.dir = version.path();
                e.bundled = bundled;
                e.trainingCases = m.provenance.trainingCases.size();
                out.push_back(e);
            } catch (const ModelError&) {
                // A broken package is left out of the list; opening its folder by path names the error.
            }
        }
    }
}

// One listing scans every package folder: look versions up in it rather than scanning again.
const RegistryEntry* versionIn(const std::vector<RegistryEntry>& versions, const std::string& version) {
    for (const auto& e : versions)
        if (e.version == version) return &e;
    return nullptr;
}

const RegistryEntry* activeIn(const std::vector<RegistryEntry>& versions) {
    for (const auto& e : versions)
        if (e.active) return &e;
    return nullptr;
}

void checkName(const std::string& what, const std::string& text) {
    if (!isValidVersionName(text)) throw ModelError("invalid model " + what + " \"" + text + "\"");
}

}  // namespace

ModelRegistry::ModelRegistry(fs::path bundledRoot, fs::path userRoot)
    : bundledRoot_(std::move(bundledRoot)), userRoot_(std::move(userRoot)) {}

std::vector<RegistryEntry> ModelRegistry::list() const {
    std::vector<RegistryEntry> all;
    scanRoot(bundledRoot_, true, all);
    scanRoot(userRoot_, false, all);
    std::sort(all.begin(), all.end(), [](const RegistryEntry& a, const RegistryEntry& b) {
        return std::tie(a.name, a.created, a.version) < std::tie(b.name, b.created, b.version);
    });
    // A user copy never shadows a bundled version of the same name (add() refuses it), but be safe.
    all.erase(std::unique(all.begin(), all.end(), [](const RegistryEntry& a, const RegistryEntry& b) {
                  return a.name == b.name && a.version == b.version;
              }), all.end());
    std::map<std::string, std::string> activeVersion;
    for (const auto& e : all) {
        if (activeVersion.count(e.name)) continue;
        const auto h = history(e.name);
        activeVersion[e.name] = h.empty() ? std::string() : h.back();
    }
    for (auto& e : all) {
        std::string& a = activeVersion[e.name];
        if (a.empty()) {  // no choice recorded: the newest
            for (const auto& o : all)
                if (o.name == e.name) a = o.version;
        }
        e.active = e.version == a;
    }
    return all;
}

std::vector<RegistryEntry> ModelRegistry::versions(const std::string& name) const {
    std::vector<RegistryEntry> out;
    for (const auto& e : list())
        if (e.name == name) out.push_back(e);
    return out;
}

std::optional<RegistryEntry> ModelRegistry::active(const std::string& name) const {
    const auto all = versions(name);
    if (const RegistryEntry* e = activeIn(all)) return *e;
    return std::nullopt;
}

std::optional<RegistryEntry> ModelRegistry::find(const std::string& name, const std::string& version) const {
    const auto all = versions(name);
    if (const RegistryEntry* e = versionIn(all, version)) return *e;
    return std::nullopt;
}

fs::path ModelRegistry::resolve(const std::string& reference) const {
    if (reference.find('/') != std::string::npos || fs::is_directory(reference)) {
        if (!fs::is_directory(reference)) throw ModelError(reference + ": no such model package directory");
        return reference;
    }
    const auto at = reference.find('@');
    const std::string name = reference.substr(0, at);
    if (at == std::string::npos) {
        if (auto e = active(name)) return e->dir;
        throw ModelError("no model named \"" + name + "\" in the registry (lumen-ai models list)");
    }
    const std::string version = reference.substr(at + 1);
    if (auto e = find(name, version)) return e->dir;
    throw ModelError("model \"" + name + "\" has no version \"" + version + "\" (lumen-ai models list)");
}

std::vector<std::string> ModelRegistry::history(const std::string& name) const {
    std::ifstream in(userRoot_ / name / "active.json");
    if (!in) return {};
    try {
        nlohmann::json j;
        in >> j;
        return j.at("history").get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception&) {
        return {};  // unreadable: fall back to the newest version rather than refuse to run
    }
}

void ModelRegistry::writeHistory(const std::string& name, const std::vector<std::string>& history) const {
    fs::create_directories(userRoot_ / name);
    const nlohmann::json j = {{"active", history.empty() ? "" : history.back()}, {"history", history}};
    core::writeFileAtomically((userRoot_ / name / "active.json").string(), j.dump(2) + "\n");
}

void ModelRegistry::activate(const std::string& name, const std::string& version) {
    checkName("name", name);
    checkName("version", version);
    const auto all = versions(name);
    const RegistryEntry* entry = versionIn(all, version);
    if (!entry) throw ModelError("model \"" + name + "\" has no version \"" + version + "\"");
    ModelPackage::open(entry->dir, true);  // refuse to activate a damaged package
    auto h = history(name);
    if (h.empty())
        if (const RegistryEntry* current = activeIn(all)) h.push_back(current->version);
    if (h.empty() || h.back() != version) h.push_back(version);
    writeHistory(name, h);
}

std::string ModelRegistry::rollback(const std::string& name) {
    checkName("name", name);
    auto h = history(name);
    const auto all = versions(name);
    const RegistryEntry* current = activeIn(all);
    if (!current) throw ModelError("no model named \"" + name + "\"");
    // Drop the current version and any entries that no longer exist on disk.
    while (!h.empty() && (h.back() == current->version || !versionIn(all, h.back()))) h.pop_back();
    if (h.empty()) {
        // Nothing recorded: roll back to the parent of the current version.
        if (current->parentVersion.empty() || !versionIn(all, current->parentVersion))
            throw ModelError("model \"" + name + "\" has no earlier version to roll back to");
        h.push_back(current->parentVersion);
    }
    writeHistory(name, h);
    return h.back();
}

RegistryEntry ModelRegistry::add(const fs::path& packageDir) {
    const ModelPackage p = ModelPackage::open(packageDir, true);
    const ModelManifest& m = p.manifest();
    if (find(m.name, m.version))
        throw ModelError("model \"" + m.name + "\" already has a version \"" + m.version + "\"; versions are immutable");
    // A new version (a fine-tune, an import) becomes active only when someone chooses it: pin the
    // version that is active now, which "the newest" would otherwise silently replace.
    if (history(m.name).empty())
        if (const auto current = active(m.name)) writeHistory(m.name, {current->version});
    const fs::path target = userRoot_ / m.name / m.version;
    const fs::path staging = userRoot_ / m.name / ("." + m.version + ".staging");
    fs::remove_all(staging);
    fs::create_directories(staging);
    fs::copy_file(p.networkFile(), staging / ModelPackage::kNetworkFile);
    fs::copy_file(packageDir / ModelPackage::kManifestFile, staging / ModelPackage::kManifestFile);
    for (const auto& f : fs::directory_iterator(staging))
        fs::permissions(f.path(), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::rename(staging, target);  // the version appears whole or not at all
    auto e = find(m.name, m.version);
    if (!e) throw ModelError(target.string() + ": added but not readable back");
    return *e;
}

std::vector<RegistryEntry> ModelRegistry::lineage(const std::string& name, const std::string& version) const {
    const auto all = versions(name);
    std::vector<RegistryEntry> chain;
    std::string v = version;
    while (!v.empty() && chain.size() < all.size()) {  // a cycle cannot be longer than the versions
        const RegistryEntry* e = versionIn(all, v);
        if (!e) break;
        chain.push_back(*e);
        v = e->parentVersion;
    }
    if (chain.empty()) throw ModelError("model \"" + name + "\" has no version \"" + version + "\"");
    return chain;
}

}  // namespace lumen::ai
