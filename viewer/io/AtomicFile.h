#pragma once
#include <string>

namespace lumen::io {

// core/AtomicFile with io's error type: see core::temporarySibling and core::commitFile.
std::string temporarySibling(const std::string& target);

// Throws IoError and removes the temporary on failure.
void commitFile(const std::string& temporary, const std::string& target);

}  // namespace lumen::io
