#include "ai/Trainer.h"

#include "ai/Evaluator.h"
#include "ai/IntensityNormalizer.h"
#include "ai/ModelError.h"
#include "ai/Resampler.h"
#include "ai/TorchNetwork.h"
#include "core/AtomicFile.h"
#include "ai/internal/TorchNetworkImpl.h"
#include "ai/internal/Losses.h"
#include "ai/internal/InteractiveBatch.h"
#include "ai/internal/TrainingBatch.h"
#include "core/OperationCanceled.h"
#include "core/Progress.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>

namespace lumen::ai {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;

struct State {
    int iteration = 0;
    std::vector<double> losses;
    json best;  // validation of the kept network (best.pt)
    int bestIteration = 0;
    json before;
    std::string checkpoint;  // sub-folder of the latest checkpoint
    std::string rng;
    std::string startSha;
};

// Whether a validation beats the kept one: a higher score; on an equal score (AUC saturates on a
// few validation cases) a higher accuracy, i.e. better calibrated at the decision threshold.
bool improves(const json& v, const json& best) {
    if (best.is_null()) return true;
    const double score = v.at("score").get<double>(), kept = best.at("score").get<double>();
    if (score != kept) return score > kept;
    return v.contains("accuracy") && best.contains("accuracy") && v["accuracy"].get<double>() > best["accuracy"].get<double>();
}

json stateJson(const State& s) {
    return {{"iteration", s.iteration}, {"losses", s.losses}, {"best_validation", s.best}, {"best_iteration", s.bestIteration},
            {"validation_before", s.before}, {"checkpoint", s.checkpoint}, {"rng", s.rng}, {"start_sha256", s.startSha}};
}

void saveModule(torch::jit::script::Module& module, const fs::path& target) {
    const std::string temporary = core::temporarySibling(target.string());
    module.save(temporary);
    core::commitFile(temporary, target.string());
}

}  // namespace

Trainer::Trainer(ModelPackage start, TrainerOptions options) : start_(std::move(start)), options_(std::move(options)) {
    const ModelManifest& m = start_.manifest();
    if (m.task == Task::Segmentation && m.output.decision != OutputSpec::Decision::Argmax)
        throw ModelError("training supports softmax/argmax segmentation models (this one thresholds sigmoid outputs)");
    if (m.task == Task::Classification && !m.input.resizeToPatch)
        throw ModelError("training a classifier needs input.resize_to_patch (the whole image as one patch)");
    if (options_.iterations < 1 || options_.batchSize < 1) throw ModelError("iterations and batch size must be at least 1");
    if (options_.optimizer != "adam" && options_.optimizer != "sgd") throw ModelError("--optimizer must be adam or sgd");
}

Trainer::~Trainer() = default;

TrainingOutcome Trainer::train(const TrainingSet& data, const fs::path& workDir, core::Progress* progress,
                               const std::function<void(const TrainingEvent&)>& onEvent) {
    const ModelManifest& m = start_.manifest();
    if (data.training.empty()) throw ModelError("the datalist has no training cases");
    fs::create_directories(workDir);
    const DeviceInfo device = selectDevice(options_.device, options_.threads);

    State state;
    state.startSha = m.sha256;
    fs::path networkFile = start_.networkFile();
    if (std::ifstream in{workDir / "state.json"}) {
        json j;
        in >> j;
        state.iteration = j.at("iteration");
        state.losses = j.at("losses").get<std::vector<double>>();
        state.best = j.at("best_validation");
        state.bestIteration = j.at("best_iteration");
        state.before = j.at("validation_before");
        state.checkpoint = j.at("checkpoint");
        state.rng = j.at("rng");
        if (j.at("start_sha256") != m.sha256)
            throw ModelError(workDir.string() + " holds a run that started from another model; remove it or choose another --out");
        networkFile = workDir / state.checkpoint / "model.pt";
    }
    const int resumedFrom = state.iteration;
    TorchNetwork network = TorchNetwork::load(networkFile, device);
    auto& module = network.impl().module;

    std::vector<torch::Tensor> params;
    for (const auto& p : module.parameters()) {
        p.set_requires_grad(true);
        params.push_back(p);
    }
    if (params.empty()) throw ModelError("the network has no parameters to train");
    // The starting version's weights (also after a resume: the anchor is the parent, not the checkpoint).
    std::vector<torch::Tensor> anchors;
    if (options_.anchorWeight > 0) {
        TorchNetwork start = TorchNetwork::load(start_.networkFile(), device);
        for (const auto& p : start.impl().module.parameters()) anchors.push_back(p.detach().clone());
        if (anchors.size() != params.size()) throw ModelError("the checkpoint's network is not the parent's architecture");
    }
    std::unique_ptr<torch::optim::Optimizer> optimizer;
    if (options_.optimizer == "adam")
        optimizer = std::make_unique<torch::optim::Adam>(params, torch::optim::AdamOptions(options_.learningRate));
    else
        optimizer = std::make_unique<torch::optim::SGD>(
            params, torch::optim::SGDOptions(options_.learningRate).momentum(0.99).nesterov(true));
    if (resumedFrom > 0) torch::load(*optimizer, (workDir / state.checkpoint / "optimizer.pt").string());

    std::mt19937 rng(options_.seed);
    if (!state.rng.empty()) std::istringstream(state.rng) >> rng;
    torch::manual_seed(options_.seed + static_cast<unsigned>(state.iteration));

    if (progress) progress->beginStage("prepare", data.training.size());
    // An interactive model's batches simulate the user and so need the network being trained.
    std::optional<internal::BatchSampler> sampler;
    std::optional<internal::InteractiveSampler> interactive;
    if (m.task == Task::Interactive) interactive.emplace(m, options_, data.training, device, progress);
    else sampler.emplace(m, options_, data.training, device, progress);
    const bool validate = !data.validation.empty();

    auto runValidation = [&]() {
        module.eval();
        json v = evaluate(m, network, data.validation, progress);
        module.train();
        return v;
    };
    if (validate && resumedFrom == 0) state.before = runValidation();

    auto checkpoint = [&]() {
        const std::string name = "ckpt-" + std::to_string(state.iteration);
        fs::create_directories(workDir / name);
        module.save((workDir / name / "model.pt").string());
        torch::save(*optimizer, (workDir / name / "optimizer.pt").string());
        std::ostringstream r;
        r << rng;
        state.rng = r.str();
        const std::string previous = state.checkpoint;
        state.checkpoint = name;
        core::writeFileAtomically((workDir / "state.json").string(), stateJson(state).dump());
        if (!previous.empty() && previous != name) fs::remove_all(workDir / previous);
    };

    if (resumedFrom > 0 && onEvent) {
        TrainingEvent e;
        e.iteration = resumedFrom;
        e.resumed = true;
        onEvent(e);
    }
    module.train();
    if (progress) progress->beginStage("train", static_cast<std::size_t>(options_.iterations));
    if (progress && resumedFrom > 0) progress->advance(static_cast<std::size_t>(resumedFrom));
    double runMs = 0;
    int runIterations = 0;
    while (state.iteration < options_.iterations) {
        if (progress && progress->isCanceled()) {
            checkpoint();  // a cancel is a pause: the next run resumes here
            progress->checkCanceled();
        }
        const auto t0 = Clock::now();
        internal::Batch batch = interactive ? interactive->sample(rng, network.impl()) : sampler->sample(rng);
        torch::Tensor out = network.impl().forward(batch.image);
        torch::Tensor loss;
        if (m.task == Task::Segmentation || m.task == Task::Interactive) loss = internal::segmentationLoss(out, batch.labels);
        else if (m.task == Task::Classification) {
            out = out.reshape({out.size(0), -1});
            loss = out.size(1) == 1 ? torch::binary_cross_entropy_with_logits(out.squeeze(1), batch.labels.to(torch::kFloat))
                                    : torch::nn::functional::cross_entropy(out, batch.labels);
        } else {
            loss = internal::detectionLoss(out, batch.heatmap, batch.sizes, batch.sizeMask, static_cast<int64_t>(m.labels.size()));
        }
        if (!anchors.empty()) {
            torch::Tensor drift = torch::zeros({}, loss.options());
            for (std::size_t i = 0; i < params.size(); ++i) drift = drift + (params[i] - anchors[i]).pow(2).sum();
            loss = loss + options_.anchorWeight * drift;
        }
        if (options_.schedule == "poly") {  // from the iteration count: a resumed run goes on where it was
            const double left = 1.0 - double(state.iteration) / double(options_.iterations);
            for (auto& group : optimizer->param_groups()) group.options().set_lr(options_.learningRate * std::pow(left, 0.9));
        }
        optimizer->zero_grad();
        loss.backward();
        optimizer->step();
        const double lossValue = loss.item<double>();
        if (!std::isfinite(lossValue)) throw ModelError("training diverged (loss is " + std::to_string(lossValue) + "); try a lower learning rate");
        ++state.iteration;
        state.losses.push_back(lossValue);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        runMs += ms;
        ++runIterations;
        if (progress) progress->advance();

        TrainingEvent e;
        e.iteration = state.iteration;
        e.loss = lossValue;
        e.msPerIteration = ms;
        const bool end = state.iteration == options_.iterations;
        if (validate && (end || state.iteration % options_.validateEvery == 0)) {
            json v;
            try {
                v = runValidation();
            } catch (const core::OperationCanceled&) {
                checkpoint();  // canceled during the validation pass: keep the iteration just trained
                throw;
            }
            if (improves(v, state.best)) {
                state.best = v;
                state.bestIteration = state.iteration;
                saveModule(module, workDir / "best.pt");
            }
            e.validation = v;
        }
        if (end || state.iteration % options_.checkpointEvery == 0) checkpoint();
        if (onEvent) onEvent(e);
    }

    TrainingOutcome outcome;
    outcome.iterations = state.iteration;
    outcome.resumedFrom = resumedFrom;
    outcome.msPerIteration = runIterations ? runMs / runIterations : 0;
    outcome.losses = state.losses;
    outcome.validationBefore = state.before;
    if (validate && fs::exists(workDir / "best.pt")) {
        fs::copy_file(workDir / "best.pt", resultNetwork(workDir), fs::copy_options::overwrite_existing);
        outcome.bestIteration = state.bestIteration;
        outcome.validationAfter = state.best;  // the kept network's validation, not the last iteration's
    } else {
        saveModule(module, resultNetwork(workDir));
        outcome.bestIteration = state.iteration;
    }
    return outcome;
}

}  // namespace lumen::ai
