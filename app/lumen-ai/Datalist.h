#pragma once
#include "ai/ModelManifest.h"
#include "ai/TrainingSet.h"
#include "io/ImageLoader.h"

#include <string>

namespace lumen::aicli {

// Loads an image a model will see; refuses one whose files give no pixel spacing (io assumed
// 1 mm), since model spacing, patch sizes and findings are all in millimetres.
io::LoadedImage loadModelInput(const std::string& path, core::Progress* progress = nullptr);

// Loads a MONAI / Decathlon datalist ({"training": [{"image", "label"}], "validation": [...]}),
// paths relative to the datalist's folder. "label" is, by the model's task, a label map file, a
// class (its name or value), or a findings JSON file ({"findings": [{"class", "box_min_mm",
// "box_max_mm"}]}, the format `infer` writes). Records each file's SHA-256 for provenance.
ai::TrainingSet loadDatalist(const std::string& path, const ai::ModelManifest& manifest);

}  // namespace lumen::aicli
