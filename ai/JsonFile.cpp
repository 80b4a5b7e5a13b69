#include "ai/JsonFile.h"

#include "ai/ModelError.h"

#include <fstream>

namespace lumen::ai {

nlohmann::json readJsonFile(const std::filesystem::path& file, const std::string& whenMissing) {
    std::ifstream in(file);
    if (!in) throw ModelError(file.string() + ": " + whenMissing);
    try {
        nlohmann::json j;
        in >> j;
        return j;
    } catch (const nlohmann::json::exception& e) {
        throw ModelError(file.string() + ": not valid JSON (" + e.what() + ")");
    }
}

}  // namespace lumen::ai
