#pragma once
#include "ai/FloatImage.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace lumen::ai {

// How unlike its training images an input is, measured on what the network is fed: the histogram
// of the normalised model-grid input against the training cases' mean histogram (the
// Wasserstein-1 distance between the two distributions, in normalised intensity units), divided by
// the distance that `passFraction` of the held-out cases stay within (see fitOod). A score of 1 is the edge of
// what was validated; above it the image is an outlier. The manifest's optional "ood", written by
// `lumen-ai ood-fit`.
struct OodSpec {
    double low = 0, high = 1;        // the histogram's range (values outside count in the end bins)
    std::vector<double> reference;   // the training cases' mean histogram (sums to 1)
    double threshold = 0;            // the validation cases' distance at passFraction
    double passFraction = 0.95;
    int trainingCases = 0, validationCases = 0;
    // "percentile_input_histogram": the model-grid image scaled by its own 1st–99th percentiles
    // to 0–1, whatever the model's normalisation. For z-score models, whose normalised histogram
    // follows how much noise and air the statistics saw: the noise-free ch2 template scored 2.3
    // against the noisy training cases on it. Default "normalized_input_histogram": what the
    // network is fed.
    bool percentileFeature = false;

    bool empty() const { return reference.empty(); }
    static OodSpec fromJson(const nlohmann::json& json, const std::string& where, std::vector<std::string>& problems);
    nlohmann::json toJson() const;
};

struct OodResult {
    double distance = 0;  // Wasserstein-1 to the reference, normalised intensity units
    double score = 0;     // distance / threshold: ≤ 1 inside what was validated
    bool outlier() const { return score > 1; }
};

// Every channel's voxels pooled, clamped into [low, high]; sums to 1 (all zero for no voxels).
std::vector<double> intensityHistogram(const FloatImage& image, double low, double high, int bins);
// Wasserstein-1 between two histograms over the same [low, high]: the area between their CDFs.
double histogramDistance(const std::vector<double>& a, const std::vector<double>& b, double low, double high);
OodResult oodScore(const OodSpec& spec, const std::vector<double>& histogram);
// The reference from the training histograms; the threshold is the passFraction quantile of a
// log-normal fitted to the distances of the validation cases and of each training case to the
// mean of the others. Throws ModelError without cases of both kinds.
OodSpec fitOod(const std::vector<std::vector<double>>& training, const std::vector<std::vector<double>>& validation,
               double low, double high, double passFraction = 0.95);

}  // namespace lumen::ai
