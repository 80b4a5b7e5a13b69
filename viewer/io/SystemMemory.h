#pragma once
#include <cstdint>
#include <string>

namespace lumen::io {

// Memory the kernel says can be allocated without swapping (MemAvailable), in bytes.
std::uint64_t availableMemoryBytes();

// Throws IoError naming `file` when `bytes` would not fit in available memory: absurd headers
// are refused before anything is allocated.
void requireMemory(std::uint64_t bytes, const char* what, const std::string& file);

}  // namespace lumen::io
