#pragma once
#include "ai/ModelManifest.h"
#include "ai/TrainingSet.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace lumen::core { class Progress; }

namespace lumen::ai {

class TorchNetwork;

// Runs the full inference pipeline on each case and scores it against the truth:
//   segmentation   → per label Dice and HD95 (mm), their means;
//   classification → sensitivity, specificity, accuracy, ROC AUC (positive = the second class);
//   detection      → FROC sensitivity at 0.5 / 1 / 2 false positives per volume (centre-in-box).
// "score" is the one number model selection uses: mean Dice, AUC (else accuracy), mean FROC.
nlohmann::json evaluate(const ModelManifest& manifest, TorchNetwork& network, const std::vector<TrainingSample>& cases,
                        core::Progress* progress = nullptr);

}  // namespace lumen::ai
