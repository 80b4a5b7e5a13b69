#pragma once
#include "ai/Finding.h"
#include "core/LabelMap.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace lumen::ai {

// Segmentation, per label value, on the same grid. Dice = 2|A∩B| / (|A|+|B|) (1 when both are
// empty). HD95 in mm = max of the two directed 95th-percentile surface distances (MONAI's
// compute_hausdorff_distance(percentile=95)); unset when either side is empty.
double dice(const core::LabelMap& prediction, const core::LabelMap& truth, std::uint16_t label);
std::optional<double> hausdorff95(const core::LabelMap& prediction, const core::LabelMap& truth, std::uint16_t label);

// Binary classification from scores of the positive class.
struct BinaryMetrics {
    double sensitivity = 0, specificity = 0, accuracy = 0;
    std::optional<double> auc;  // unset unless both classes occur
};
BinaryMetrics binaryMetrics(const std::vector<double>& positiveScore, const std::vector<bool>& isPositive, double threshold = 0.5);
// ROC AUC = P(score of a positive > score of a negative), ties counting one half (Mann-Whitney).
std::optional<double> rocAuc(const std::vector<double>& positiveScore, const std::vector<bool>& isPositive);

// Calibration of a binary classifier (Guo et al. 2017): the predicted class's probability
// (confidence) against how often that class is right, in `bins` equal-width confidence bins.
// ECE = sum over bins of (cases in bin / all cases) × |accuracy − mean confidence|.
struct ReliabilityBin {
    double lower = 0, upper = 0;  // confidence range
    std::size_t cases = 0;
    double confidence = 0, accuracy = 0;  // means over the bin's cases (0 when empty)
};
struct Calibration {
    double ece = 0;
    std::vector<ReliabilityBin> bins;
};
Calibration calibration(const std::vector<double>& positiveScore, const std::vector<bool>& isPositive, int bins = 10);
// The temperature that minimises the negative log-likelihood of these cases (temperature
// scaling), given scores made at `currentTemperature`: the logits are recovered from the scores,
// so no network is run again. Searched over 0.05–20.
double fitTemperature(const std::vector<double>& positiveScore, const std::vector<bool>& isPositive, double currentTemperature = 1.0);
// The scores the same logits give at another temperature.
std::vector<double> rescaleScores(const std::vector<double>& positiveScore, double currentTemperature, double newTemperature);

// Detection FROC. Match rule: a detection is a true positive when its centre lies inside a
// not-yet-matched true box of the same class (highest scores matched first); every other
// detection is a false positive. Returns sensitivity at each requested mean number of false
// positives per volume (the best operating point with at most that many).
struct ScoredDetection {
    double score = 0;
    bool hit = false;  // a true positive by that rule
};
std::vector<ScoredDetection> matchDetections(const std::vector<std::vector<Finding>>& detections,
                                             const std::vector<std::vector<Finding>>& truth);
struct FrocPoint {
    double falsePositivesPerVolume = 0;
    double sensitivity = 0;
};
std::vector<FrocPoint> froc(const std::vector<std::vector<Finding>>& detections, const std::vector<std::vector<Finding>>& truth,
                            const std::vector<double>& fpRates = {0.5, 1, 2});

}  // namespace lumen::ai
