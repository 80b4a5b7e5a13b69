#pragma once
#include <filesystem>
#include <string>

namespace lumen::ai::internal {

// temp file beside the target, fsync, rename, fsync of the folder: readers see the old or the new
// file, never half of one. (io has its own for images; ai must build without io.)
void writeFileAtomically(const std::filesystem::path& target, const std::string& bytes);

}  // namespace lumen::ai::internal
