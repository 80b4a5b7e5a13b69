#include "Commands.h"
#include "CommandProgress.h"
#include "Datalist.h"

#include "ai/Evaluator.h"
#include "ai/InferenceEngine.h"
#include "ai/ModelError.h"
#include "ai/TorchNetwork.h"
#include "ai/Trainer.h"
#include "core/Progress.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iomanip>
#include <iostream>

namespace lumen::aicli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string utcNow() {
    const std::time_t t = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return text;
}

// "1.0" → "1.1" (then "1.2", ... while taken); a version without a trailing number gets ".1".
std::string nextVersion(const std::string& parent, const ai::ModelRegistry& registry, const std::string& name) {
    const auto dot = parent.find_last_not_of("0123456789");
    std::string stem = parent.substr(0, dot + 1);
    long n = dot + 1 < parent.size() ? std::stol(parent.substr(dot + 1)) : 0;
    if (dot + 1 == parent.size()) stem += ".";
    const std::vector<ai::RegistryEntry> taken = registry.versions(name);
    std::string v;
    do v = stem + std::to_string(++n);
    while (std::any_of(taken.begin(), taken.end(), [&](const ai::RegistryEntry& e) { return e.version == v; }));
    return v;
}

}  // namespace

json trainToPackage(const TrainArgs& args, core::Progress& progress, const std::function<void(const ai::TrainingEvent&)>& onEvent) {
    const bool finetune = args.finetune;
    ai::ModelRegistry registry = openRegistry();
    const ai::ModelPackage start = ai::ModelPackage::open(registry.resolve(args.model));
    const ai::ModelManifest& parent = start.manifest();
    const fs::path out = args.out, work = args.out + ".work";
    if (fs::exists(out)) throw ai::ModelError(out.string() + " exists; a new version never replaces a package");
    const std::string parentDir = fs::weakly_canonical(start.dir()).string() + "/";
    if ((fs::weakly_canonical(out).string() + "/").rfind(parentDir, 0) == 0)
        throw ai::ModelError("--out must not be inside the parent package " + start.dir().string());

    const ai::TrainingSet data = loadDatalist(args.data, parent);
    ai::TrainerOptions o;
    o.iterations = args.iterations;
    o.batchSize = args.batchSize;
    o.learningRate = args.learningRate > 0 ? args.learningRate : (finetune ? 2e-4 : 1e-3);
    o.optimizer = args.optimizer;
    o.schedule = args.schedule;
    o.validateEvery = args.validateEvery;
    o.checkpointEvery = args.checkpointEvery;
    o.seed = args.seed;
    o.device = args.device;
    o.threads = args.threads;
    o.augment = !args.noAugment;
    o.anchorWeight = args.anchorWeight >= 0 ? args.anchorWeight : finetune ? kDefaultAnchorWeight : 0;
    if (args.noFlip) o.flipAxes = {false, false, false};

    ai::Trainer trainer(start, o);
    const ai::TrainingOutcome outcome = trainer.train(data, work, &progress, onEvent);

    ai::ModelManifest m = parent;
    if (!args.name.empty()) m.name = args.name;
    m.version = !args.version.empty() ? args.version : finetune ? nextVersion(parent.version, registry, m.name) : "1.0";
    if (!ai::isValidVersionName(m.version)) throw ai::ModelError("invalid --version \"" + m.version + "\"");
    m.provenance = {};
    m.provenance.parentVersion = finetune ? parent.version : "";
    for (const auto& s : data.training) m.provenance.trainingCases.push_back({s.image, s.label, s.imageSha256, s.labelSha256});
    json metrics = {{"iterations", outcome.iterations}, {"best_iteration", outcome.bestIteration},
                    {"loss_first", outcome.losses.empty() ? json() : json(outcome.losses.front())},
                    {"loss_last", outcome.losses.empty() ? json() : json(outcome.losses.back())},
                    {"ms_per_iteration", std::round(outcome.msPerIteration)},
                    {"validation_cases", data.validation.size()},
                    {"learning_rate", o.learningRate}, {"lr_schedule", o.schedule},
                    {"augmentation", !o.augment ? "none" : parent.task == ai::Task::Interactive ? ai::kInteractiveAugmentations : ai::kAugmentations}};
    if (!outcome.validationBefore.is_null()) metrics["validation_before"] = outcome.validationBefore;
    if (!outcome.validationAfter.is_null()) metrics["validation"] = outcome.validationAfter;
    if ((m.task == ai::Task::Classification || m.task == ai::Task::Detection) && !outcome.validationAfter.is_null())
        metrics["calibration"] = ai::adoptFittedTemperature(m, outcome.validationAfter);
    m.provenance.metrics = metrics;
    m.provenance.command = args.commandLine;
    m.provenance.created = utcNow();

    ai::ModelPackage::create(out, ai::Trainer::resultNetwork(work), m);
    fs::remove_all(work);

    json summary = {{"package", out.string()}, {"name", m.name}, {"version", m.version}, {"parent_version", m.provenance.parentVersion},
                    {"iterations", outcome.iterations}, {"resumed_from", outcome.resumedFrom}, {"metrics", metrics}};
    if (args.registerVersion) summary["registered"] = registry.add(out).dir.string();
    if (!outcome.validationBefore.is_null() && !outcome.validationAfter.is_null() &&
        outcome.validationAfter.at("score").get<double>() < outcome.validationBefore.at("score").get<double>()) {
        summary["warning"] = "worse than the parent on the validation cases";
    }
    return summary;
}

int runTrain(const TrainArgs& args) {
    core::Progress progress(progressLines(args.quiet, "train"));
    cancelOnSignals(&progress);
    const json summary = trainToPackage(args, progress, [&](const ai::TrainingEvent& e) {
        if (args.quiet) return;
        json line = {{"iteration", e.iteration}, {"of", args.iterations}};
        if (e.resumed) line["resumed"] = true;
        else line["loss"] = std::round(e.loss * 1e5) / 1e5, line["ms"] = std::round(e.msPerIteration);
        if (e.validation) line["validation"] = *e.validation;
        std::cerr << line.dump() << std::endl;
    });
    cancelOnSignals(nullptr);
    if (summary.contains("warning"))
        std::cerr << "lumen-ai: warning: the new version scores " << summary["metrics"]["validation"]["score"]
                  << " on the validation cases, the parent " << summary["metrics"]["validation_before"]["score"] << "\n";
    std::cout << summary.dump() << std::endl;
    return 0;
}

int runOodFit(const OodFitArgs& args) {
    const ai::ModelRegistry registry = openRegistry();
    const ai::ModelPackage package = ai::ModelPackage::open(registry.resolve(args.model));
    const ai::ModelManifest& m = package.manifest();
    const bool percentile = args.feature == "percentile";
    const auto [low, high] = ai::oodHistogramRange(m.input, percentile);
    auto histograms = [&, low = low, high = high](const std::vector<ai::TrainingSample>& cases) {
        std::vector<std::vector<double>> out;
        for (const auto& c : cases) out.push_back(ai::normalizedInputHistogram(m, c.volume, low, high, args.bins, percentile));
        return out;
    };
    const ai::TrainingSet data = loadDatalist(args.data, m);
    ai::OodSpec spec = ai::fitOod(histograms(data.training), histograms(data.validation), low, high, args.passFraction);
    spec.percentileFeature = percentile;
    json out = {{"ood", spec.toJson()}};
    if (!args.check.empty()) {
        const ai::TrainingSet held = loadDatalist(args.check, m);
        json scores = json::array();
        int passed = 0;
        for (const auto& h : histograms(held.validation)) {
            const ai::OodResult r = ai::oodScore(spec, h);
            scores.push_back(std::round(r.score * 1000) / 1000);
            passed += !r.outlier();
        }
        out["held_out"] = {{"cases", held.validation.size()}, {"passed", passed}, {"scores", scores}};
    }
    std::cout << out.dump() << std::endl;
    return 0;
}

int runCalibrate(const CalibrateArgs& args) {
    const ai::ModelRegistry registry = openRegistry();
    const ai::ModelPackage package = ai::ModelPackage::open(registry.resolve(args.model));
    const ai::ModelManifest& m = package.manifest();
    ai::TorchNetwork network = ai::TorchNetwork::load(package.networkFile(), ai::selectDevice(args.device, args.threads));
    const ai::ClassifierScores scores = ai::classifierScores(m, network, loadDatalist(args.data, m).validation);
    const ai::TemperatureFit fit = ai::fitCalibration(scores, m.output.temperature);
    json out = {{"temperature", std::round(fit.temperature * 1e4) / 1e4},
                {"calibration", {{"cases", scores.positive.size()}, {"before", fit.before}, {"after", fit.after}}}};
    if (!fit.refused.empty()) out["refused"] = fit.refused;
    if (!args.check.empty()) {
        const ai::ClassifierScores held = ai::classifierScores(m, network, loadDatalist(args.check, m).validation);
        out["held_out"] = {{"cases", held.positive.size()},
                           {"before", ai::calibrationJson(held, m.output.temperature, m.output.temperature)},
                           {"after", ai::calibrationJson(held, m.output.temperature, fit.temperature)}};
    }
    std::cout << out.dump() << std::endl;  // also when refused: what was measured, for the record
    if (!fit.refused.empty()) throw ai::ModelError("no temperature fitted: " + fit.refused);
    return 0;
}

int runEval(const EvalArgs& args) {
    const ai::ModelRegistry registry = openRegistry();
    const ai::ModelPackage package = ai::ModelPackage::open(registry.resolve(args.model));
    const ai::TrainingSet data = loadDatalist(args.data, package.manifest());
    std::vector<ai::TrainingSample> cases;
    if (args.split != "training") cases.insert(cases.end(), data.validation.begin(), data.validation.end());
    if (args.split != "validation") cases.insert(cases.end(), data.training.begin(), data.training.end());
    ai::TorchNetwork network = ai::TorchNetwork::load(package.networkFile(), ai::selectDevice(args.device, args.threads));
    json result;
    if (args.shifts) {
        const json robustness = ai::evaluateShifts(package.manifest(), network, cases);
        result = robustness.at("baseline");
        result["shifts"] = robustness.at("shifts");
        result["worst_shift"] = robustness.at("worst");
        std::cerr << "shift            score   change\n";
        for (const auto& [name, s] : robustness.at("shifts").items())
            std::cerr << std::left << std::setw(16) << name << " " << std::setw(7) << s.at("score").dump() << " " << s.at("change").dump() << "\n";
    } else {
        result = ai::evaluate(package.manifest(), network, cases);
    }
    result["model"] = {{"name", package.manifest().name}, {"version", package.manifest().version}};
    result["split"] = args.split;
    std::cout << result.dump(2) << std::endl;
    return 0;
}

}  // namespace lumen::aicli
