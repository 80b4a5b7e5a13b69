#include "core/PathComponent.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace lumen::core {

std::string uidPathComponent(const std::string& uid) {
    const bool real = !uid.empty() && uid.size() <= 64 && uid.front() != '.' && uid.back() != '.' &&
                      uid.find("..") == std::string::npos &&
                      std::all_of(uid.begin(), uid.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    if (real) return uid;
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a
    for (unsigned char c : uid) h = (h ^ c) * 1099511628211ull;
    char out[24];
    std::snprintf(out, sizeof out, "x%016llx", static_cast<unsigned long long>(h));
    return out;
}

}  // namespace lumen::core
