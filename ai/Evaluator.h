#pragma once
#include "ai/ModelManifest.h"
#include "ai/TrainingSet.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace lumen::core { class Progress; }

namespace lumen::ai {

class TorchNetwork;

// Runs the full inference pipeline on each case and scores it against the truth:
//   segmentation   → per label Dice and HD95 (mm), their means;
//   classification → sensitivity, specificity, accuracy, ROC AUC (positive = the second class);
//   detection      → FROC sensitivity at 0.5 / 1 / 2 false positives per volume (centre-in-box);
//   classification and detection also ECE, reliability table and the temperature fit of their scores.
// "score" is the one number model selection uses: mean Dice, AUC (else accuracy), mean FROC.
nlohmann::json evaluate(const ModelManifest& manifest, TorchNetwork& network, const std::vector<TrainingSample>& cases,
                        core::Progress* progress = nullptr);

// Robustness (`eval --shifts`): evaluate() on the cases as they are, then under each standard
// shift (ai/ImageShift), with each shift's score change against the unshifted one:
//   {"baseline": evaluate(), "shifts": {"noise": {"description", "score", "change", "result": evaluate()}, ...},
//    "worst": {"shift", "change"}}
nlohmann::json evaluateShifts(const ModelManifest& manifest, TorchNetwork& network, const std::vector<TrainingSample>& cases,
                              core::Progress* progress = nullptr);

// Temperature scaling (Guo et al. 2017) for a classifier: the probability of its positive (second)
// class on each case at the manifest's temperature, and the truth. For a detector: every finding's
// score, and whether it is a true positive (the FROC match rule): its score should be the
// probability that it is.
struct ClassifierScores {
    std::vector<double> positiveScore;
    std::vector<bool> positive;
};
ClassifierScores classifierScores(const ModelManifest& manifest, TorchNetwork& network, const std::vector<TrainingSample>& cases,
                                  core::Progress* progress = nullptr);

// A temperature is fitted on at least this many cases, with at least a fifth of them of each class:
// on fewer the fit follows the few cases more than the model.
inline constexpr std::size_t kMinCalibrationCases = 20;

struct TemperatureFit {
    double temperature = 1;     // the fitted one, or the current one when `refused` is not empty
    std::string refused;        // why no temperature was fitted ("" when one was)
    nlohmann::json before, after;  // ECE and reliability table of these cases at the current and the fitted temperature
};
// Fits the temperature on `scores` (made at `currentTemperature`). Refused on too few cases, on
// cases of one class, on perfectly separated cases (the fit would only sharpen every score), and
// where the likeliest temperature would raise the cases' ECE (their errors are not one of scale).
TemperatureFit fitCalibration(const ClassifierScores& scores, double currentTemperature);
// After training a classifier: its scores are calibrated on the validation cases (temperature
// scaling) when they allow it, else the temperature is kept. `validation`: evaluate()'s result on
// them, with `manifest`'s temperature. Returns what the card records (temperature, ECE before and
// after, or why none was fitted).
nlohmann::json adoptFittedTemperature(ModelManifest& manifest, const nlohmann::json& validation);
// ECE and the reliability table (as `eval` prints them) of scores at `temperature`, made at `current`.
nlohmann::json calibrationJson(const ClassifierScores& scores, double current, double temperature);

}  // namespace lumen::ai
