#pragma once
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace lumen::ai::internal {

// A MONAI bundle config (JSON, or YAML when Lumen is built with yaml-cpp) with its references
// resolved. MONAI evaluates "$..." values as Python; the few forms whose meaning is exact without
// Python are evaluated here, anything else is reported as a problem, never guessed:
//   "@a#b#0"                 a reference (also inside "$...")
//   "$@a"                    the referenced value
//   "$@a + @b + ..."         concatenated lists (DeepEdit, VISTA-3D chains)
//   "$X if @flag else Y"     X or Y (JSON or Python literals) by a boolean (wholeBody's pixdim)
class MonaiConfig {
public:
    explicit MonaiConfig(nlohmann::json root) : root_(std::move(root)) {}
    // Whether this build reads YAML configs (yaml-cpp found at build time).
    static bool readsYaml();
    // configs/<stem>.json, else configs/<stem>.yaml. Throws ModelError.
    static MonaiConfig read(const std::filesystem::path& configs, const std::string& stem);

    const nlohmann::json& root() const { return root_; }
    // `v` with references and exact expressions resolved; appends to `problems` and returns null
    // for what cannot be.
    nlohmann::json resolve(const nlohmann::json& v, const std::string& where, std::vector<std::string>& problems) const;

private:
    nlohmann::json reference(const std::string& path, const std::string& where, std::vector<std::string>& problems) const;
    nlohmann::json expression(const std::string& text, const std::string& where, std::vector<std::string>& problems) const;

    nlohmann::json root_;
};

// "True"/"False" (YAML and Python spellings) and JSON booleans; `fallback` for null.
bool truthy(const nlohmann::json& v, bool fallback);

}  // namespace lumen::ai::internal
