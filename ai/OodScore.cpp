#include "ai/OodScore.h"

#include "ai/ModelError.h"

#include <algorithm>
#include <cmath>

namespace lumen::ai {

using nlohmann::json;

std::vector<double> intensityHistogram(const FloatImage& image, double low, double high, int bins) {
    std::vector<double> h(std::size_t(std::max(bins, 1)), 0.0);
    if (image.data.empty() || !(high > low)) return h;
    const double scale = double(h.size()) / (high - low);
    for (float v : image.data) {
        const double x = std::isfinite(v) ? (double(v) - low) * scale : 0.0;
        ++h[std::size_t(std::clamp(x, 0.0, double(h.size() - 1)))];
    }
    for (double& c : h) c /= double(image.data.size());
    return h;
}

double histogramDistance(const std::vector<double>& a, const std::vector<double>& b, double low, double high) {
    if (a.size() != b.size() || a.empty()) throw ModelError("out-of-distribution histograms of different sizes");
    const double width = (high - low) / double(a.size());
    double ca = 0, cb = 0, area = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ca += a[i], cb += b[i];
        area += std::abs(ca - cb) * width;
    }
    return area;
}

OodResult oodScore(const OodSpec& spec, const std::vector<double>& histogram) {
    OodResult r;
    r.distance = histogramDistance(spec.reference, histogram, spec.low, spec.high);
    r.score = spec.threshold > 0 ? r.distance / spec.threshold : 0;
    return r;
}

OodSpec fitOod(const std::vector<std::vector<double>>& training, const std::vector<std::vector<double>>& validation, double low,
               double high, double passFraction) {
    if (training.empty() || validation.empty())
        throw ModelError("fitting the out-of-distribution score needs training and validation cases");
    OodSpec s;
    s.low = low, s.high = high, s.passFraction = passFraction;
    s.trainingCases = int(training.size()), s.validationCases = int(validation.size());
    s.reference.assign(training.front().size(), 0.0);
    for (const auto& h : training)
        for (std::size_t i = 0; i < h.size() && i < s.reference.size(); ++i) s.reference[i] += h[i] / double(training.size());
    // The threshold from every case the reference can be held out from: the validation cases, and
    // each training case against the mean of the others (leave-one-out; its own histogram in the
    // mean would flatter it). Eight validation cases alone put the 95 % point at their maximum.
    std::vector<double> d;
    for (const auto& h : validation) d.push_back(histogramDistance(s.reference, h, low, high));
    if (training.size() > 1)
        for (const auto& h : training) {
            std::vector<double> others(s.reference.size());
            for (std::size_t i = 0; i < others.size() && i < h.size(); ++i)
                others[i] = (s.reference[i] * double(training.size()) - h[i]) / double(training.size() - 1);
            d.push_back(histogramDistance(others, h, low, high));
        }
    // Distances are positive and right-skewed: fit a log-normal to them and take its passFraction
    // quantile. With a few dozen cases an empirical quantile is the largest one seen, and new cases
    // beyond it were measured to fail more often than stated (22 of 24 held-out brains passed).
    double mu = 0, sq = 0;
    for (double x : d) mu += std::log(std::max(x, 1e-12)) / double(d.size());
    for (double x : d) sq += std::pow(std::log(std::max(x, 1e-12)) - mu, 2);
    const double sigma = d.size() > 1 ? std::sqrt(sq / double(d.size() - 1)) : 0.0;
    double lo = -8, hi = 8;  // the standard normal quantile of passFraction, by bisection on its CDF
    for (int i = 0; i < 100; ++i) {
        const double mid = (lo + hi) / 2;
        (0.5 * std::erfc(-mid / std::sqrt(2.0)) < passFraction ? lo : hi) = mid;
    }
    s.threshold = std::max(std::exp(mu + (lo + hi) / 2 * sigma), 1e-9);
    return s;
}

OodSpec OodSpec::fromJson(const json& j, const std::string& where, std::vector<std::string>& problems) {
    OodSpec s;
    try {
        const std::string feature = j.at("feature").get<std::string>();
        if (feature != "normalized_input_histogram" && feature != "percentile_input_histogram")
            problems.push_back(where + ".feature: \"normalized_input_histogram\" or \"percentile_input_histogram\"");
        s.percentileFeature = feature == "percentile_input_histogram";
        const auto range = j.at("range");
        s.low = range.at(0).get<double>(), s.high = range.at(1).get<double>();
        s.reference = j.at("reference").get<std::vector<double>>();
        s.threshold = j.at("threshold").get<double>();
        s.passFraction = j.value("pass_fraction", 0.95);
        s.trainingCases = j.value("training_cases", 0), s.validationCases = j.value("validation_cases", 0);
    } catch (const json::exception& e) {
        problems.push_back(where + ": " + e.what());
        return {};
    }
    if (!(s.high > s.low)) problems.push_back(where + ".range: low must be below high");
    if (s.reference.size() < 2) problems.push_back(where + ".reference: a histogram of at least two bins");
    if (!(s.threshold > 0)) problems.push_back(where + ".threshold: must be above 0");
    return s;
}

json OodSpec::toJson() const {
    return {{"feature", percentileFeature ? "percentile_input_histogram" : "normalized_input_histogram"}, {"range", {low, high}}, {"reference", reference}, {"threshold", threshold},
            {"pass_fraction", passFraction}, {"training_cases", trainingCases}, {"validation_cases", validationCases}};
}

}  // namespace lumen::ai
