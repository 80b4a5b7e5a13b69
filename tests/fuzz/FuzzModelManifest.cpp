// Model manifests: model.json and its card ("applicability").
#include "FuzzSupport.h"
#include "ai/ModelError.h"
#include "ai/ModelManifest.h"

#include <nlohmann/json.hpp>

using namespace lumen;

LUMEN_FUZZ_TARGET(model_manifest) {
    const nlohmann::json json = nlohmann::json::parse(fuzz::text(data, size), nullptr, false);
    if (json.is_discarded()) return 0;
    try {
        ai::ModelManifest::fromJson(json);
    } catch (const ai::ModelError&) {
    }
    std::vector<std::string> problems;
    if (json.is_object() && json.contains("applicability")) ai::ModelApplicability::fromJson(json["applicability"], "applicability", problems);
    return 0;
}
