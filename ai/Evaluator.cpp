#include "ai/Evaluator.h"

#include "ai/ImageShift.h"
#include "ai/InferenceEngine.h"
#include "ai/InteractiveEvaluator.h"
#include "ai/Metrics.h"
#include "ai/ModelError.h"
#include "core/Progress.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace lumen::ai {

using nlohmann::json;

namespace {

double mean(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return v.empty() ? 0 : s / static_cast<double>(v.size());
}

json rounded(double x) { return std::round(x * 1e4) / 1e4; }

bool isPositive(const ModelManifest& m, const TrainingSample& c) { return c.classValue == m.labels.labels().at(1).value; }

// Are its scores honest? ECE and a reliability table, and what temperature scaling fitted on these
// very cases would give (on held-out cases: an estimate to act on with care; the temperature to
// keep is fitted on validation cases and checked on others).
void addCalibration(json& out, const ClassifierScores& scores, double temperature) {
    const json now = calibrationJson(scores, temperature, temperature);
    out["ece"] = now["ece"];
    out["reliability"] = now["reliability"];
    out["temperature"] = temperature;
    const TemperatureFit fit = fitCalibration(scores, temperature);
    out["temperature_fit"] = {{"temperature", rounded(fit.temperature)}, {"ece", fit.after.value("ece", out["ece"])}};
    if (!fit.refused.empty()) out["temperature_fit"]["refused"] = fit.refused;
}

// A detector's findings as calibration cases: each one's score, and whether it is a true positive.
ClassifierScores scoredFindings(const std::vector<std::vector<Finding>>& detections, const std::vector<std::vector<Finding>>& truths) {
    ClassifierScores out;
    for (const ScoredDetection& d : matchDetections(detections, truths)) {
        out.positiveScore.push_back(d.score);
        out.positive.push_back(d.hit);
    }
    return out;
}

}  // namespace

ClassifierScores classifierScores(const ModelManifest& m, TorchNetwork& network, const std::vector<TrainingSample>& cases, core::Progress* progress) {
    if (m.task == Task::Detection) {
        std::vector<std::vector<Finding>> detections, truths;
        for (const TrainingSample& c : cases) {
            if (progress) progress->checkCanceled();
            detections.push_back(runInference(m, network, c.volume).findings);
            truths.push_back(c.boxes);
        }
        return scoredFindings(detections, truths);
    }
    if (m.task != Task::Classification)
        throw ModelError("temperature scaling is for classifiers and detectors; " + m.name + " is a " + taskName(m.task) + " model");
    ClassifierScores out;
    for (const TrainingSample& c : cases) {
        if (progress) progress->checkCanceled();
        out.positiveScore.push_back(runInference(m, network, c.volume).classes.at(1).probability);
        out.positive.push_back(isPositive(m, c));
    }
    return out;
}

json calibrationJson(const ClassifierScores& scores, double current, double temperature) {
    const Calibration c = calibration(rescaleScores(scores.positiveScore, current, temperature), scores.positive);
    json table = json::array();
    for (const auto& bin : c.bins)
        if (bin.cases)
            table.push_back({{"confidence_from", bin.lower}, {"confidence_to", bin.upper}, {"cases", bin.cases},
                             {"mean_confidence", rounded(bin.confidence)}, {"accuracy", rounded(bin.accuracy)}});
    return {{"temperature", rounded(temperature)}, {"ece", rounded(c.ece)}, {"reliability", table}};
}

TemperatureFit fitCalibration(const ClassifierScores& scores, double currentTemperature) {
    TemperatureFit fit;
    fit.temperature = currentTemperature;
    fit.before = calibrationJson(scores, currentTemperature, currentTemperature);
    const std::size_t n = scores.positive.size();
    const auto positives = std::size_t(std::count(scores.positive.begin(), scores.positive.end(), true));
    const std::size_t fewest = std::min(positives, n - positives);
    if (n < kMinCalibrationCases) {
        fit.refused = std::to_string(n) + " cases; a temperature is fitted on " + std::to_string(kMinCalibrationCases) + " or more";
    } else if (fewest * 5 < n) {
        fit.refused = std::to_string(fewest) + " of " + std::to_string(n) + " cases are of one class; each needs a fifth";
    } else {
        const double t = fitTemperature(scores.positiveScore, scores.positive, currentTemperature);
        const double before = fit.before.at("ece").get<double>(), after = calibrationJson(scores, currentTemperature, t).at("ece").get<double>();
        if (t < 0.06) {
            fit.refused = "the cases are separated perfectly: a temperature fitted on them would only sharpen every score";
        } else if (after > before) {  // the likeliest temperature, but the scores' errors are not one of scale
            std::ostringstream why;
            why << "the likeliest temperature (" << std::round(t * 100) / 100 << ") would raise these cases' calibration error from "
                << before << " to " << after << ": the scores are kept";
            fit.refused = why.str();
        } else {
            fit.temperature = t;
        }
    }
    fit.after = calibrationJson(scores, currentTemperature, fit.temperature);
    return fit;
}

json adoptFittedTemperature(ModelManifest& m, const json& validation) {
    const json& fit = validation.at("temperature_fit");
    if (!fit.contains("refused")) m.output.temperature = fit.at("temperature").get<double>();
    json out = {{"temperature", m.output.temperature}, {"fitted_on", "validation"}, {"cases", validation.at("cases")},
                {"ece_before", validation.at("ece")}, {"ece_after", fit.at("ece")}};
    if (fit.contains("refused")) out["refused"] = fit["refused"];
    return out;
}

json evaluate(const ModelManifest& m, TorchNetwork& network, const std::vector<TrainingSample>& cases, core::Progress* progress) {
    if (cases.empty()) throw ModelError("nothing to evaluate: the datalist split is empty");
    if (m.task == Task::Interactive) {  // validation while training: the robot user, 3 clicks, no baseline
        json out = evaluateInteractive(m, network, cases, {3, false}, progress);
        out["task"] = taskName(m.task);
        return out;
    }
    json out = {{"cases", cases.size()}, {"task", taskName(m.task)}};
    std::vector<double> positiveScore;
    std::vector<bool> positive;
    std::vector<std::vector<Finding>> detections, truths;
    std::map<std::uint16_t, std::vector<double>> dices, hds;
    for (const TrainingSample& c : cases) {
        if (progress) progress->checkCanceled();
        const InferenceResult r = runInference(m, network, c.volume);
        if (m.task == Task::Segmentation) {
            if (!c.labels.fits(c.volume.geometry(), 1e-3)) throw ModelError(c.label + ": label map is not on its image's grid");
            for (const auto& l : m.labels.labels()) {
                dices[l.value].push_back(dice(r.labels, c.labels, l.value));
                if (auto hd = hausdorff95(r.labels, c.labels, l.value)) hds[l.value].push_back(*hd);
            }
        } else if (m.task == Task::Classification) {
            positiveScore.push_back(r.classes.at(1).probability);
            positive.push_back(isPositive(m, c));
        } else {
            detections.push_back(r.findings);
            truths.push_back(c.boxes);
        }
    }
    if (m.task == Task::Segmentation) {
        json perLabel = json::object();
        std::vector<double> meanDice, meanHd;
        for (const auto& l : m.labels.labels()) {
            const double d = mean(dices[l.value]);
            meanDice.push_back(d);
            json entry = {{"dice", rounded(d)}};
            if (!hds[l.value].empty()) {
                entry["hd95_mm"] = rounded(mean(hds[l.value]));
                meanHd.push_back(mean(hds[l.value]));
            }
            perLabel[l.name] = entry;
        }
        out["labels"] = perLabel;
        out["mean_dice"] = rounded(mean(meanDice));
        if (!meanHd.empty()) out["mean_hd95_mm"] = rounded(mean(meanHd));
        out["score"] = out["mean_dice"];
    } else if (m.task == Task::Classification) {
        const BinaryMetrics b = binaryMetrics(positiveScore, positive);
        out["positive_class"] = m.labels.labels().at(1).name;
        out["sensitivity"] = rounded(b.sensitivity);
        out["specificity"] = rounded(b.specificity);
        out["accuracy"] = rounded(b.accuracy);
        out["auc"] = b.auc ? rounded(*b.auc) : json();
        out["score"] = b.auc ? rounded(*b.auc) : rounded(b.accuracy);
        out["positives"] = std::count(positive.begin(), positive.end(), true);
        addCalibration(out, {positiveScore, positive}, m.output.temperature);
    } else {
        json points = json::array();
        std::vector<double> s;
        for (const FrocPoint& p : froc(detections, truths)) {
            points.push_back({{"fp_per_volume", p.falsePositivesPerVolume}, {"sensitivity", rounded(p.sensitivity)}});
            s.push_back(p.sensitivity);
        }
        std::size_t lesions = 0;
        for (const auto& t : truths) lesions += t.size();
        out["froc"] = points;
        out["lesions"] = lesions;
        out["match_rule"] = "detection centre inside a true box of the same class";
        out["score"] = rounded(mean(s));
        // A finding's score as the probability that it is a true positive (by the same rule).
        addCalibration(out, scoredFindings(detections, truths), m.output.temperature);
    }
    return out;
}

json evaluateShifts(const ModelManifest& m, TorchNetwork& network, const std::vector<TrainingSample>& cases, core::Progress* progress) {
    const json baseline = evaluate(m, network, cases, progress);
    const double base = baseline.at("score").get<double>();
    json shifts = json::object(), worst = nullptr;
    for (const ImageShift shift : allImageShifts()) {
        std::vector<TrainingSample> shifted = cases;  // copies share voxels; applyShift replaces them
        for (std::size_t c = 0; c < shifted.size(); ++c)
            applyShift(shifted[c], shift, unsigned(1000 * (int(shift) + 1) + c));  // the same shift for a case on every run
        const json result = evaluate(m, network, shifted, progress);
        const double score = result.at("score").get<double>(), change = score - base;
        shifts[shiftName(shift)] = {{"description", shiftDescription(shift)}, {"score", rounded(score)}, {"change", rounded(change)},
                                    {"result", result}};
        if (worst.is_null() || change < worst["change"].get<double>()) worst = {{"shift", shiftName(shift)}, {"change", rounded(change)}};
    }
    return {{"baseline", baseline}, {"shifts", shifts}, {"worst", worst}};
}

}  // namespace lumen::ai
