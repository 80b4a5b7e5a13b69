#include "FuzzSupport.h"

#include <cstdlib>
#include <fstream>
#include <map>
#include <unistd.h>

namespace lumen::fuzz {

namespace fs = std::filesystem;

namespace {
std::map<std::string, Target>& registry() {
    static std::map<std::string, Target> r;
    return r;
}

const fs::path& scratch() {
    static const fs::path dir = [] {
        const fs::path d = (fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path()) / ("lumen-fuzz-" + std::to_string(::getpid()));
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(scratch(), ec);
        });
        return d;
    }();
    return dir;
}
}  // namespace

Registration::Registration(const char* name, Target target) { registry()[name] = target; }

Target find(const std::string& name) {
    const auto it = registry().find(name);
    return it == registry().end() ? nullptr : it->second;
}

std::vector<std::string> names() {
    std::vector<std::string> out;
    for (const auto& entry : registry()) out.push_back(entry.first);
    return out;
}

const fs::path& freshScratch() {
    std::error_code ec;
    fs::remove_all(scratch(), ec);
    fs::create_directories(scratch());
    return scratch();
}

fs::path writeFile(const std::string& name, std::string_view bytes) {
    const fs::path path = scratch() / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
    return path;
}

std::vector<std::string_view> parts(const std::uint8_t* data, std::size_t size, std::size_t most) {
    std::vector<std::string_view> out;
    std::string_view rest = text(data, size);
    while (out.size() + 1 < most) {
        const auto at = rest.find(kSeparator);
        if (at == std::string_view::npos) break;
        out.push_back(rest.substr(0, at));
        rest.remove_prefix(at + kSeparator.size());
    }
    out.push_back(rest);
    return out;
}

fs::path dataDir() { return fs::path(LUMEN_SOURCE_DIR) / "tests" / "fuzz" / "data"; }

}  // namespace lumen::fuzz
