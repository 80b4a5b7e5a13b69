#include "ai/Metrics.h"

#include "ai/ModelError.h"
#include "ai/IntensityNormalizer.h"
#include "core/DistanceTransform.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace lumen::ai {

namespace {

void checkSameGrid(const core::LabelMap& a, const core::LabelMap& b) {
    if (!a.geometry().isApprox(b.geometry(), 1e-3)) throw ModelError("prediction and truth are on different grids");
}

std::vector<std::uint8_t> surface(const core::LabelMap& m, std::uint16_t label) {
    const auto& d = m.geometry().dims();
    std::vector<std::uint8_t> s(m.geometry().voxelCount(), 0);
    for (std::size_t k = 0; k < d[2]; ++k)
        for (std::size_t j = 0; j < d[1]; ++j)
            for (std::size_t i = 0; i < d[0]; ++i) {
                if (m.at(i, j, k) != label) continue;
                const bool edge = i == 0 || j == 0 || k == 0 || i + 1 == d[0] || j + 1 == d[1] || k + 1 == d[2] ||
                                  m.at(i - 1, j, k) != label || m.at(i + 1, j, k) != label || m.at(i, j - 1, k) != label ||
                                  m.at(i, j + 1, k) != label || m.at(i, j, k - 1) != label || m.at(i, j, k + 1) != label;
                if (edge) s[m.voxels().linearIndex(i, j, k)] = 1;
            }
    return s;
}

// 95th percentile of the distances from a's surface voxels to b's surface.
double directed95(const std::vector<std::uint8_t>& a, const std::vector<double>& distToB) {
    std::vector<float> d;
    for (std::size_t v = 0; v < a.size(); ++v)
        if (a[v]) d.push_back(static_cast<float>(std::sqrt(distToB[v])));
    return percentile(d, 95);
}

}  // namespace

double dice(const core::LabelMap& p, const core::LabelMap& t, std::uint16_t label) {
    checkSameGrid(p, t);
    std::size_t a = 0, b = 0, both = 0;
    for (std::size_t v = 0; v < p.geometry().voxelCount(); ++v) {
        const bool x = p.at(v) == label, y = t.at(v) == label;
        a += x;
        b += y;
        both += x && y;
    }
    return a + b == 0 ? 1.0 : 2.0 * static_cast<double>(both) / static_cast<double>(a + b);
}

std::optional<double> hausdorff95(const core::LabelMap& p, const core::LabelMap& t, std::uint16_t label) {
    checkSameGrid(p, t);
    const auto sp = surface(p, label), st = surface(t, label);
    if (std::none_of(sp.begin(), sp.end(), [](auto x) { return x; }) || std::none_of(st.begin(), st.end(), [](auto x) { return x; }))
        return std::nullopt;
    const auto toT = core::squaredDistanceTransform(st, p.geometry().dims(), p.geometry().spacing());
    const auto toP = core::squaredDistanceTransform(sp, p.geometry().dims(), p.geometry().spacing());
    return std::max(directed95(sp, toT), directed95(st, toP));
}

std::optional<double> rocAuc(const std::vector<double>& score, const std::vector<bool>& positive) {
    std::vector<std::size_t> order(score.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] < score[b]; });
    // Rank sum of the positives with average ranks for ties.
    double rankSum = 0;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && score[order[j]] == score[order[i]]) ++j;
        const double rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
        for (std::size_t k = i; k < j; ++k)
            if (positive[order[k]]) rankSum += rank, ++pos;
        i = j;
    }
    const std::size_t neg = score.size() - pos;
    if (pos == 0 || neg == 0) return std::nullopt;
    return (rankSum - static_cast<double>(pos) * static_cast<double>(pos + 1) / 2) / (static_cast<double>(pos) * static_cast<double>(neg));
}

BinaryMetrics binaryMetrics(const std::vector<double>& score, const std::vector<bool>& positive, double threshold) {
    if (score.size() != positive.size()) throw ModelError("scores and truths differ in number");
    std::size_t tp = 0, tn = 0, fp = 0, fn = 0;
    for (std::size_t i = 0; i < score.size(); ++i) {
        const bool said = score[i] >= threshold;
        (said ? (positive[i] ? tp : fp) : (positive[i] ? fn : tn))++;
    }
    BinaryMetrics m;
    m.sensitivity = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
    m.specificity = tn + fp ? static_cast<double>(tn) / static_cast<double>(tn + fp) : 0;
    m.accuracy = score.empty() ? 0 : static_cast<double>(tp + tn) / static_cast<double>(score.size());
    m.auc = rocAuc(score, positive);
    return m;
}

std::vector<ScoredDetection> matchDetections(const std::vector<std::vector<Finding>>& detections,
                                             const std::vector<std::vector<Finding>>& truth) {
    if (detections.size() != truth.size()) throw ModelError("detections and truths differ in number of volumes");
    std::vector<ScoredDetection> all;
    for (std::size_t vol = 0; vol < truth.size(); ++vol) {
        std::vector<bool> matched(truth[vol].size(), false);
        std::vector<Finding> ds = detections[vol];
        std::stable_sort(ds.begin(), ds.end(), [](const Finding& a, const Finding& b) { return a.score > b.score; });
        for (const Finding& d : ds) {
            bool hit = false;
            for (std::size_t t = 0; t < truth[vol].size() && !hit; ++t) {
                const Finding& box = truth[vol][t];
                if (matched[t] || box.classValue != d.classValue) continue;
                bool inside = true;
                for (int a = 0; a < 3; ++a) inside = inside && d.centre[a] >= box.worldMin[a] && d.centre[a] <= box.worldMax[a];
                if (inside) matched[t] = hit = true;
            }
            all.push_back({d.score, hit});
        }
    }
    return all;
}

std::vector<FrocPoint> froc(const std::vector<std::vector<Finding>>& detections, const std::vector<std::vector<Finding>>& truth,
                            const std::vector<double>& fpRates) {
    std::vector<ScoredDetection> all = matchDetections(detections, truth);
    std::size_t lesions = 0;
    for (const auto& t : truth) lesions += t.size();
    std::stable_sort(all.begin(), all.end(), [](const ScoredDetection& a, const ScoredDetection& b) { return a.score > b.score; });
    const double volumes = static_cast<double>(std::max<std::size_t>(1, truth.size()));
    std::vector<FrocPoint> out;
    for (double rate : fpRates) {
        double best = 0;
        std::size_t tp = 0, fp = 0;
        // Walk down the score list; an operating point is valid while FP/volume ≤ rate.
        for (std::size_t i = 0; i <= all.size(); ++i) {
            if (i == all.size() || (i > 0 && all[i].score != all[i - 1].score)) {
                if (static_cast<double>(fp) / volumes <= rate && lesions) best = std::max(best, static_cast<double>(tp) / static_cast<double>(lesions));
            }
            if (i == all.size()) break;
            (all[i].hit ? tp : fp)++;
        }
        out.push_back({rate, best});
    }
    return out;
}

namespace {

double logit(double p) {
    p = std::clamp(p, 1e-7, 1 - 1e-7);
    return std::log(p / (1 - p));
}

double sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

}  // namespace

Calibration calibration(const std::vector<double>& positiveScore, const std::vector<bool>& isPositive, int bins) {
    Calibration c;
    bins = std::max(bins, 1);
    c.bins.resize(std::size_t(bins));
    for (int b = 0; b < bins; ++b) c.bins[std::size_t(b)].lower = double(b) / bins, c.bins[std::size_t(b)].upper = double(b + 1) / bins;
    const std::size_t n = std::min(positiveScore.size(), isPositive.size());
    if (n == 0) return c;
    for (std::size_t i = 0; i < n; ++i) {
        const double p = positiveScore[i];
        const bool predictedPositive = p >= 0.5;
        const double confidence = predictedPositive ? p : 1 - p;
        auto& bin = c.bins[std::size_t(std::min(bins - 1, int(confidence * bins)))];
        ++bin.cases;
        bin.confidence += confidence;
        bin.accuracy += predictedPositive == isPositive[i];
    }
    for (auto& bin : c.bins) {
        if (!bin.cases) continue;
        bin.confidence /= double(bin.cases), bin.accuracy /= double(bin.cases);
        c.ece += double(bin.cases) / double(n) * std::abs(bin.accuracy - bin.confidence);
    }
    return c;
}

std::vector<double> rescaleScores(const std::vector<double>& positiveScore, double currentTemperature, double newTemperature) {
    std::vector<double> out;
    out.reserve(positiveScore.size());
    for (double p : positiveScore) out.push_back(sigmoid(logit(p) * currentTemperature / newTemperature));
    return out;
}

double fitTemperature(const std::vector<double>& positiveScore, const std::vector<bool>& isPositive, double currentTemperature) {
    const std::size_t n = std::min(positiveScore.size(), isPositive.size());
    if (n == 0) return currentTemperature;
    auto nll = [&](double logT) {
        const double t = std::exp(logT);
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double p = std::clamp(sigmoid(logit(positiveScore[i]) * currentTemperature / t), 1e-12, 1 - 1e-12);
            sum -= isPositive[i] ? std::log(p) : std::log(1 - p);
        }
        return sum;
    };
    // Golden-section search on log T: NLL is unimodal in T for fixed logits.
    double a = std::log(0.05), b = std::log(20.0);
    const double g = (std::sqrt(5.0) - 1) / 2;
    double c = b - g * (b - a), d = a + g * (b - a);
    for (int i = 0; i < 80; ++i) {
        if (nll(c) < nll(d)) b = d;
        else a = c;
        c = b - g * (b - a), d = a + g * (b - a);
    }
    return std::exp((a + b) / 2);
}

}  // namespace lumen::ai
