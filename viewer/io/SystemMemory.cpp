#include "io/SystemMemory.h"

#include "io/IoError.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

namespace lumen::io {

std::uint64_t availableMemoryBytes() {
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    std::uint64_t kb = 0;
    std::string unit;
    while (meminfo >> key >> kb >> unit)
        if (key == "MemAvailable:") return kb * 1024;
    const long pages = sysconf(_SC_AVPHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    return pages > 0 && size > 0 ? std::uint64_t(pages) * std::uint64_t(size) : UINT64_MAX;
}

void requireMemory(std::uint64_t bytes, const char* what, const std::string& file) {
    const std::uint64_t available = availableMemoryBytes();
    if (bytes <= available) return;
    char text[256];
    std::snprintf(text, sizeof text, "%s needs %.1f MB but only %.1f MB of memory are available", what,
                  double(bytes) / 1e6, double(available) / 1e6);
    throw IoError(file, text);
}

}  // namespace lumen::io
