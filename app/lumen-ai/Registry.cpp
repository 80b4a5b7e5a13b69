#include "Commands.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace lumen::aicli {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

// Relative to the executable, never a build path: the package, a build tree (which mirrors the
// installed layout, see resources/CMakeLists.txt) and an unpacked tarball all have
// bin/lumen-ai beside share/lumen/models.
fs::path bundledRoot() {
    if (auto e = env("LUMEN_BUNDLED_MODELS"); !e.empty()) return e;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return (ec ? fs::path("/usr/bin") : exe.parent_path()).parent_path() / "share/lumen/models";
}

fs::path userRoot() {
    if (auto e = env("LUMEN_DATA_DIR"); !e.empty()) return fs::path(e) / "models";
    if (auto e = env("XDG_DATA_HOME"); !e.empty()) return fs::path(e) / "Lumen/models";
    return fs::path(env("HOME")) / ".local/share/Lumen/models";
}

}  // namespace

ai::ModelRegistry openRegistry() { return ai::ModelRegistry(bundledRoot(), userRoot()); }

}  // namespace lumen::aicli
