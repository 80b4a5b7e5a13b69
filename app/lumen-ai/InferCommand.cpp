#include "Commands.h"
#include "SignalCancel.h"

#include "ai/InferenceEngine.h"
#include "ai/ModelPackage.h"
#include "core/Progress.h"
#include "io/AtomicFile.h"
#include "io/ImageFileWriter.h"
#include "io/ImageLoader.h"
#include "io/SeriesAssembler.h"
#include "ai/ModelError.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>

namespace lumen::aicli {

using nlohmann::json;

namespace {

json vec(const core::Vector3& v) { return {v.x, v.y, v.z}; }

void writeJson(const std::string& path, const json& j) {
    const std::string temp = io::temporarySibling(path);
    std::ofstream(temp) << j.dump(2) << "\n";
    io::commitFile(temp, path);
}

json modelJson(const ai::ModelManifest& m) {
    return {{"name", m.name}, {"version", m.version}, {"task", ai::taskName(m.task)}};
}

}  // namespace

int runInfer(const InferArgs& args) {
    const auto start = std::chrono::steady_clock::now();
    const ai::ModelRegistry registry = openRegistry();
    ai::ModelPackage package = ai::ModelPackage::open(registry.resolve(args.model));
    const ai::ModelManifest manifest = package.manifest();

    core::Progress progress([&](double fraction, const std::string& stage) {
        if (!args.quiet)
            std::cerr << json{{"progress", std::round(fraction * 1000) / 1000}, {"stage", stage}}.dump() << std::endl;
    });
    cancelOnSignals(&progress);

    progress.beginStage("load", 1);
    const io::LoadedImage image = io::ImageLoader::load(args.input, &progress);
    for (const auto& w : image.warnings)
        if (w == io::kMissingSpacingWarning)
            throw ai::ModelError(args.input + ": the files give no pixel spacing; a model needs real millimetres");
    const double loadMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    ai::InferenceOptions options;
    options.device = args.device;
    options.threads = args.threads;
    options.uncertainty = args.uncertainty;
    const ai::InferenceEngine engine(std::move(package), options);
    const ai::InferenceResult r = engine.run(image.volume, &progress);

    const json model = modelJson(manifest);
    if (r.task == ai::Task::Segmentation) {
        io::ImageFileWriter::write(r.labels.voxels(), args.output + ".seg.nii.gz");
        json labels = json::array();
        for (const auto& l : r.labels.labels().labels())
            labels.push_back({{"value", l.value}, {"name", l.name}, {"color", {l.color.r, l.color.g, l.color.b}},
                              {"volume_ml", r.labels.volumeMl(l.value)}, {"voxels", r.labels.count(l.value)}});
        writeJson(args.output + ".seg.json", {{"model", model}, {"image", args.input}, {"labels", labels}});
        if (args.uncertainty) io::ImageFileWriter::write(r.uncertainty, args.output + ".uncertainty.nii.gz");
    } else if (r.task == ai::Task::Detection) {
        json findings = json::array();
        for (const auto& f : r.findings)
            findings.push_back({{"class", f.className}, {"class_value", f.classValue}, {"score", f.score},
                                {"centre_mm", vec(f.centre)}, {"size_mm", vec(f.sizeMm)},
                                {"box_min_mm", vec(f.worldMin)}, {"box_max_mm", vec(f.worldMax)}});
        writeJson(args.output + ".findings.json",
                  {{"model", model}, {"image", args.input}, {"coordinates", "DICOM patient (LPS), mm"}, {"findings", findings}});
    } else {
        json classes = json::array();
        const ai::ClassProbability* best = nullptr;
        for (const auto& c : r.classes) {
            classes.push_back({{"value", c.value}, {"name", c.name}, {"probability", c.probability}});
            if (!best || c.probability > best->probability) best = &c;
        }
        writeJson(args.output + ".classes.json",
                  {{"model", model}, {"image", args.input}, {"classes", classes}, {"predicted", best ? best->name : ""}});
    }
    cancelOnSignals(nullptr);
    const json timing = {{"device", engine.device().describe()},
                         {"load_ms", std::round(loadMs)},
                         {"preprocess_ms", std::round(r.timings.preprocessMs)},
                         {"network_ms", std::round(r.timings.networkMs)},
                         {"postprocess_ms", std::round(r.timings.postprocessMs)},
                         {"total_ms", std::round(r.timings.totalMs)},
                         {"patches", r.patches}};
    std::cout << timing.dump() << std::endl;
    return 0;
}

}  // namespace lumen::aicli
