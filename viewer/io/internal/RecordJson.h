#pragma once
// InstanceRecord ↔ JSON, for the study database. Not part of lumen_io's interface.
#include "core/InstanceRecord.h"

#include <nlohmann/json.hpp>

namespace lumen::core {
void to_json(nlohmann::json& j, const FrameRecord& f);
void from_json(const nlohmann::json& j, FrameRecord& f);
void to_json(nlohmann::json& j, const InstanceRecord& r);
void from_json(const nlohmann::json& j, InstanceRecord& r);
}  // namespace lumen::core
