#include "ai/internal/MonaiConfig.h"

#include "ai/JsonFile.h"
#include "ai/ModelError.h"

#ifdef LUMEN_HAVE_YAML
#include <yaml-cpp/yaml.h>
#endif

#include <algorithm>
#include <regex>

namespace lumen::ai::internal {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\n");
    const auto e = s.find_last_not_of(" \t\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

#ifdef LUMEN_HAVE_YAML
// YAML scalars keep their type as YAML 1.2's core schema reads them (MONAI uses PyYAML's
// safe_load: the same for the numbers, booleans and nulls bundles hold).
json toJson(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Sequence: {
            json a = json::array();
            for (const auto& n : node) a.push_back(toJson(n));
            return a;
        }
        case YAML::NodeType::Map: {
            json o = json::object();
            for (const auto& kv : node) o[kv.first.as<std::string>()] = toJson(kv.second);
            return o;
        }
        case YAML::NodeType::Scalar: {
            const std::string s = node.Scalar();
            if (node.Tag() == "!") return s;  // quoted: a string
            static const std::regex integer("[-+]?[0-9]+"), real("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
            if (std::regex_match(s, integer)) return std::stoll(s);
            if (std::regex_match(s, real)) return std::stod(s);
            if (s == "true" || s == "True" || s == "TRUE") return true;
            if (s == "false" || s == "False" || s == "FALSE") return false;
            if (s == "null" || s == "Null" || s == "~") return nullptr;
            return s;
        }
        default: return nullptr;
    }
}
#endif

// A Python or JSON literal: numbers, lists, True/False/None, 'strings'.
bool parseLiteral(std::string text, json& out) {
    text = std::regex_replace(text, std::regex("\\bTrue\\b"), "true");
    text = std::regex_replace(text, std::regex("\\bFalse\\b"), "false");
    text = std::regex_replace(text, std::regex("\\bNone\\b"), "null");
    std::replace(text.begin(), text.end(), '\'', '"');
    out = json::parse(text, nullptr, false);
    return !out.is_discarded();
}

}  // namespace

bool truthy(const json& v, bool fallback) {
    if (v.is_boolean()) return v.get<bool>();
    if (v.is_string()) {
        const std::string s = v.get<std::string>();
        if (s == "True" || s == "true") return true;
        if (s == "False" || s == "false") return false;
    }
    if (v.is_number()) return v.get<double>() != 0;
    return fallback;
}

bool MonaiConfig::readsYaml() {
#ifdef LUMEN_HAVE_YAML
    return true;
#else
    return false;
#endif
}

MonaiConfig MonaiConfig::read(const fs::path& configs, const std::string& stem) {
    const fs::path jsonFile = configs / (stem + ".json"), yamlFile = configs / (stem + ".yaml");
    if (fs::exists(jsonFile) || !fs::exists(yamlFile)) return MonaiConfig(readJsonFile(jsonFile, "missing (not a MONAI bundle?)"));
#ifdef LUMEN_HAVE_YAML
    try {
        return MonaiConfig(toJson(YAML::LoadFile(yamlFile.string())));
    } catch (const YAML::Exception& e) {
        throw ModelError(yamlFile.string() + ": not valid YAML (" + e.what() + ")");
    }
#else
    throw ModelError(yamlFile.string() + ": this Lumen was built without yaml-cpp; convert it to " + jsonFile.filename().string());
#endif
}

json MonaiConfig::reference(const std::string& path, const std::string& where, std::vector<std::string>& problems) const {
    json node = root_;
    for (std::size_t start = 0;;) {
        const auto hash = path.find('#', start);
        const std::string key = path.substr(start, hash == std::string::npos ? std::string::npos : hash - start);
        if (node.is_object() && node.contains(key)) {
            node = node[key];
        } else if (node.is_array() && !key.empty() && std::all_of(key.begin(), key.end(), ::isdigit) && std::stoul(key) < node.size()) {
            node = node[std::stoul(key)];
        } else {
            problems.push_back(where + ": reference @" + path + " does not resolve");
            return json();
        }
        if (hash == std::string::npos) break;
        start = hash + 1;
    }
    return resolve(node, where, problems);
}

json MonaiConfig::expression(const std::string& text, const std::string& where, std::vector<std::string>& problems) const {
    static const std::regex ref("@([A-Za-z_][A-Za-z0-9_#]*)");
    static const std::regex sum("@[A-Za-z_][A-Za-z0-9_#]*(\\s*\\+\\s*@[A-Za-z_][A-Za-z0-9_#]*)*");
    static const std::regex conditional("(.+)\\s+if\\s+@([A-Za-z_][A-Za-z0-9_#]*)\\s+else\\s+(.+)");
    const std::string e = trim(text);
    std::smatch m;
    if (json literal; e.find('@') == std::string::npos && parseLiteral(e, literal)) return literal;  // "$0.0", "$[1, 2]"
    if (std::regex_match(e, sum)) {
        std::vector<json> parts;
        for (auto it = std::sregex_iterator(e.begin(), e.end(), ref); it != std::sregex_iterator(); ++it)
            parts.push_back(reference((*it)[1].str(), where, problems));
        if (parts.size() == 1) return parts[0];
        json joined = json::array();
        for (const json& p : parts) {
            if (!p.is_array()) {
                problems.push_back(where + ": \"$" + text + "\" adds something that is not a list");
                return json();
            }
            joined.insert(joined.end(), p.begin(), p.end());
        }
        return joined;
    }
    if (std::regex_match(e, m, conditional)) {
        json yes, no;
        const json flag = reference(m[2].str(), where, problems);
        if (parseLiteral(m[1].str(), yes) && parseLiteral(m[3].str(), no) && (flag.is_boolean() || flag.is_string()))
            return truthy(flag, false) ? yes : no;
    }
    problems.push_back(where + ": Python expression \"$" + text + "\" cannot be evaluated");
    return json();
}

json MonaiConfig::resolve(const json& v, const std::string& where, std::vector<std::string>& problems) const {
    if (!v.is_string()) return v;
    const std::string s = v.get<std::string>();
    if (!s.empty() && s[0] == '@') return reference(s.substr(1), where, problems);
    if (!s.empty() && s[0] == '$') return expression(s.substr(1), where, problems);
    return v;
}

}  // namespace lumen::ai::internal
