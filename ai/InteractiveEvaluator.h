#pragma once
#include "ai/ModelManifest.h"
#include "ai/TrainingSet.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace lumen::core { class Progress; }

namespace lumen::ai {

class TorchNetwork;

struct InteractiveEvalOptions {
    int clicks = 5;
    bool baseline = true;  // also the region-growing tool (ai/RegionGrowing) with the same robot user
};

// `lumen-ai eval-interactive` and the interactive model's validation: every object of every case
// (ai/internal/BinaryComponents' labelObjects) is segmented from scratch by the robot user
// (ai/RobotUser: a first click at the object's deepest voxel, then in the largest error), clicks
// 1…N. Reports, over all objects and per case "group" of the datalist:
//   dice_after_clicks[k-1]      mean Dice after k clicks
//   clicks_to_dice {"0.85", "0.9"}: mean clicks to reach it (N when never: NoC@N as the
//                               challenge counts), and the share of objects that reached it
//   latency_ms {p50, p95, max}  per prompt (network runs, resampling and pasting)
//   baseline                    the same for region growing (no latency)
// "score" (model selection) is the mean Dice over clicks 1…N.
nlohmann::json evaluateInteractive(const ModelManifest& manifest, TorchNetwork& network, const std::vector<TrainingSample>& cases,
                                   const InteractiveEvalOptions& options = {}, core::Progress* progress = nullptr);

}  // namespace lumen::ai
