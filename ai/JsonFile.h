#pragma once
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace lumen::ai {

// Parses a JSON file. Throws ModelError "FILE: <whenMissing>" when it cannot be opened and
// "FILE: not valid JSON (...)" when it does not parse.
nlohmann::json readJsonFile(const std::filesystem::path& file, const std::string& whenMissing = "cannot be read");

}  // namespace lumen::ai
