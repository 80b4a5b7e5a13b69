#pragma once
#include "ai/ModelPackage.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lumen::ai {

struct RegistryEntry {
    std::string name, version, task, parentVersion, created;
    std::filesystem::path dir;
    bool bundled = false;  // read-only, shipped in resources/models
    bool active = false;
    std::size_t trainingCases = 0;
};

// Packages laid out as ROOT/NAME/VERSION/ under a read-only bundled root and a writable user root.
// Versions are immutable once added. The active version of each model, and the order in which
// versions were activated (for rollback), live in USER/NAME/active.json. Without one, the newest
// version (by creation time, then version text) is active.
class ModelRegistry {
public:
    ModelRegistry(std::filesystem::path bundledRoot, std::filesystem::path userRoot);

    std::vector<RegistryEntry> list() const;  // sorted by name, then creation
    std::vector<RegistryEntry> versions(const std::string& name) const;
    std::optional<RegistryEntry> active(const std::string& name) const;

    // "NAME" (its active version), "NAME@VERSION", or a package directory path.
    std::filesystem::path resolve(const std::string& reference) const;

    void activate(const std::string& name, const std::string& version);
    // Re-activates the version that was active before the current one; returns it.
    std::string rollback(const std::string& name);

    // Copies a finished package in as NAME/VERSION (from its manifest); refuses to replace one.
    // It is not activated: the version active before stays active.
    RegistryEntry add(const std::filesystem::path& packageDir);

    // The chain from a version back to its root: [version, parent, grandparent, ...].
    std::vector<RegistryEntry> lineage(const std::string& name, const std::string& version) const;

    const std::filesystem::path& userRoot() const { return userRoot_; }
    const std::filesystem::path& bundledRoot() const { return bundledRoot_; }

private:
    std::vector<std::string> history(const std::string& name) const;
    void writeHistory(const std::string& name, const std::vector<std::string>& history) const;
    std::optional<RegistryEntry> find(const std::string& name, const std::string& version) const;

    std::filesystem::path bundledRoot_, userRoot_;
};

}  // namespace lumen::ai
