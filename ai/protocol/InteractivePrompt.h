#pragma once
#include "core/Vector3.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace lumen::ai {

// One user interaction with an interactive segmenter, in world coordinates (LPS, mm): a point
// (positive: "this is the object"; negative: "this is not"), or a box drawn around the object
// (on a 2D view it is flat along the view's normal: min = max there).
struct InteractivePrompt {
    enum class Kind { Point, Box };
    Kind kind = Kind::Point;
    bool positive = true;
    core::Point3 point;            // Point
    core::Point3 boxMin, boxMax;   // Box, componentwise min ≤ max

    static InteractivePrompt click(const core::Point3& p, bool positive) { return {Kind::Point, positive, p, {}, {}}; }
    static InteractivePrompt box(const core::Point3& a, const core::Point3& b);  // any two opposite corners
    core::Point3 centre() const { return kind == Kind::Point ? point : (boxMin + boxMax) * 0.5; }
    bool operator==(const InteractivePrompt& o) const;
};

// PROMPTS.json of `lumen-ai interact`: {"prompts": [{"type": "point", "positive": true, "lps_mm": [x, y, z]},
// {"type": "box", "lps_min_mm": [...], "lps_max_mm": [...]}, ...]}, in the order given. Throws
// ModelError naming the entry that is malformed.
std::vector<InteractivePrompt> promptsFromJson(const nlohmann::json& json);
nlohmann::json promptsToJson(const std::vector<InteractivePrompt>& prompts);
nlohmann::json promptToJson(const InteractivePrompt& prompt);

}  // namespace lumen::ai
