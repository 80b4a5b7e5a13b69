#pragma once
#include <filesystem>
#include <string>

namespace lumen::ai {

// Lower-case hex SHA-256 of a file's bytes (OpenSSL's EVP digest). Throws ModelError if unreadable.
std::string sha256OfFile(const std::filesystem::path& file);

}  // namespace lumen::ai
