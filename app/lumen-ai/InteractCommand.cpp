// `lumen-ai interact` and `lumen-ai eval-interactive`: an interactive segmenter driven from a
// prompts file, and its evaluation by the robot user.
#include "Commands.h"
#include "Datalist.h"

#include "ai/InteractiveEvaluator.h"
#include "ai/InteractiveSegmenter.h"
#include "ai/JsonFile.h"
#include "ai/ModelError.h"
#include "ai/ModelPackage.h"
#include "ai/TorchNetwork.h"
#include "io/ImageFileWriter.h"
#include "io/LabelMapReader.h"

#include <chrono>
#include <cmath>
#include <iostream>

namespace lumen::aicli {

using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) { return std::round(std::chrono::duration<double, std::milli>(Clock::now() - t).count() * 10) / 10; }

void writeMask(const ai::InteractiveSegmenter& s, const std::string& path) {
    core::LabelMap labels(s.geometry());
    std::copy(s.mask().begin(), s.mask().end(), labels.voxelData<std::uint8_t>());
    io::ImageFileWriter::write(labels.voxels(), path);
}

}  // namespace

int runInteract(const InteractArgs& args) {
    const auto start = Clock::now();
    const std::vector<ai::InteractivePrompt> prompts = ai::promptsFromJson(ai::readJsonFile(args.prompts));
    if (prompts.empty()) throw ai::ModelError(args.prompts + ": no prompts");
    const ai::ModelRegistry registry = openRegistry();
    const ai::ModelPackage package = ai::ModelPackage::open(registry.resolve(args.model));
    ai::TorchNetwork network = ai::TorchNetwork::load(package.networkFile(), ai::selectDevice(args.device, args.threads));
    const io::LoadedImage image = loadModelInput(args.input);
    ai::InteractiveSegmenter segmenter(package.manifest(), network, image.volume);
    if (!args.mask.empty()) {  // Refine: start from an existing segment (any non-zero voxel)
        const core::LabelMap start = io::LabelMapReader::read(args.mask, image.volume.geometry());
        std::vector<std::uint8_t> mask(start.geometry().voxelCount());
        for (std::size_t v = 0; v < mask.size(); ++v) mask[v] = start.at(v) != 0;
        segmenter.startObject(std::move(mask));
    }
    const double sessionMs = msSince(start);
    for (std::size_t n = 0; n < prompts.size(); ++n) {
        const ai::InteractiveSegmenter::Step step = segmenter.add({prompts[n]});
        json line = {{"prompt", n + 1}, {"ms", std::round(step.ms * 10) / 10}, {"runs", step.runs},
                     {"roi_spacing_mm", segmenter.roiSpec().baseSpacing * step.scale}};
        if (n == 0) line["session_start_ms"] = sessionMs;  // model, image and session ready
        if (args.each) writeMask(segmenter, args.output + "." + std::to_string(n + 1) + ".seg.nii.gz");
        std::cout << line.dump() << std::endl;
    }
    writeMask(segmenter, args.output + ".seg.nii.gz");
    return 0;
}

int runEvalInteractive(const EvalInteractiveArgs& args) {
    const ai::ModelRegistry registry = openRegistry();
    const ai::ModelPackage package = ai::ModelPackage::open(registry.resolve(args.model));
    const ai::TrainingSet data = loadDatalist(args.data, package.manifest());
    std::vector<ai::TrainingSample> cases = data.validation;
    if (args.split != "validation") cases.insert(cases.end(), data.training.begin(), data.training.end());
    if (cases.empty()) throw ai::ModelError(args.data + ": no cases to evaluate");
    const auto start = Clock::now();
    ai::TorchNetwork network = ai::TorchNetwork::load(package.networkFile(), ai::selectDevice(args.device, args.threads));
    const double loadMs = msSince(start);
    json result = ai::evaluateInteractive(package.manifest(), network, cases, {args.clicks, !args.noBaseline});
    result["model"] = {{"name", package.manifest().name}, {"version", package.manifest().version}};
    result["model_load_ms"] = loadMs;
    std::cout << result.dump(2) << std::endl;
    return 0;
}

}  // namespace lumen::aicli
