#include "ai/protocol/InteractivePrompt.h"

#include "ai/ModelError.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace lumen::ai {

using nlohmann::json;

namespace {

core::Point3 pointOf(const json& entry, const char* key, const std::string& where) {
    const auto it = entry.find(key);
    if (it == entry.end() || !it->is_array() || it->size() != 3 ||
        !std::all_of(it->begin(), it->end(), [](const json& v) { return v.is_number() && std::isfinite(v.get<double>()); }))
        throw ModelError(where + ": \"" + key + "\" must be three finite numbers (LPS, mm)");
    return {(*it)[0].get<double>(), (*it)[1].get<double>(), (*it)[2].get<double>()};
}

json arrayOf(const core::Point3& p) { return {p.x, p.y, p.z}; }

}  // namespace

InteractivePrompt InteractivePrompt::box(const core::Point3& a, const core::Point3& b) {
    InteractivePrompt p;
    p.kind = Kind::Box;
    p.boxMin = {std::min(a.x, b.x), std::min(a.y, b.y), std::min(a.z, b.z)};
    p.boxMax = {std::max(a.x, b.x), std::max(a.y, b.y), std::max(a.z, b.z)};
    return p;
}

bool InteractivePrompt::operator==(const InteractivePrompt& o) const {
    const auto same = [](const core::Point3& a, const core::Point3& b) { return a.x == b.x && a.y == b.y && a.z == b.z; };
    if (kind != o.kind || positive != o.positive) return false;
    return kind == Kind::Point ? same(point, o.point) : same(boxMin, o.boxMin) && same(boxMax, o.boxMax);
}

std::vector<InteractivePrompt> promptsFromJson(const json& root) {
    const auto list = root.is_object() ? root.find("prompts") : root.end();
    if (list == root.end() || !list->is_array()) throw ModelError("prompts: expected {\"prompts\": [...]}");
    std::vector<InteractivePrompt> prompts;
    for (std::size_t n = 0; n < list->size(); ++n) {
        const json& e = (*list)[n];
        const std::string where = "prompts[" + std::to_string(n) + "]";
        if (!e.is_object() || !e.contains("type") || !e["type"].is_string())
            throw ModelError(where + ": needs \"type\": \"point\" or \"box\"");
        const std::string type = e["type"];
        if (type == "point") {
            const bool positive = e.value("positive", true);
            prompts.push_back(InteractivePrompt::click(pointOf(e, "lps_mm", where), positive));
        } else if (type == "box") {
            prompts.push_back(InteractivePrompt::box(pointOf(e, "lps_min_mm", where), pointOf(e, "lps_max_mm", where)));
        } else {
            throw ModelError(where + ": unknown type \"" + type + "\" (point or box)");
        }
    }
    return prompts;
}

json promptToJson(const InteractivePrompt& p) {
    if (p.kind == InteractivePrompt::Kind::Point) return {{"type", "point"}, {"positive", p.positive}, {"lps_mm", arrayOf(p.point)}};
    return {{"type", "box"}, {"lps_min_mm", arrayOf(p.boxMin)}, {"lps_max_mm", arrayOf(p.boxMax)}};
}

json promptsToJson(const std::vector<InteractivePrompt>& prompts) {
    json list = json::array();
    for (const auto& p : prompts) list.push_back(promptToJson(p));
    return {{"prompts", list}};
}

}  // namespace lumen::ai
