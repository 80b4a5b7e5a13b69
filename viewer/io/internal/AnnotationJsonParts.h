#pragma once
// The pieces of annotations.json that other annotation formats reuse (SR keeps Lumen's
// provenance beside its standard content in this form).
#include "core/Annotation.h"

#include <nlohmann/json.hpp>

namespace lumen::io::internal {

nlohmann::json provenanceJson(const core::Provenance& p);
core::Provenance provenanceFromJson(const nlohmann::json& j);
// By the names findingStatusName / measurementKindName give; throw AnnotationFormatError.
core::Finding::Status findingStatusFromName(const std::string& s);
core::Measurement::Kind measurementKindFromName(const std::string& s);

}  // namespace lumen::io::internal
