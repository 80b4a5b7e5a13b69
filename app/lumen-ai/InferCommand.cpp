#include "Commands.h"
#include "Datalist.h"
#include "CommandProgress.h"

#include "ai/InferenceEngine.h"
#include "ai/ModelError.h"
#include "ai/ModelPackage.h"
#include "ai/card/ModelApplicability.h"
#include "core/Progress.h"
#include "core/AtomicFile.h"
#include "io/ImageFileWriter.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <sstream>
#include <iostream>

namespace lumen::aicli {

using nlohmann::json;

namespace {

json vec(const core::Vector3& v) { return {v.x, v.y, v.z}; }

std::string numberText(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

void writeJson(const std::string& path, const json& j) { core::writeFileAtomically(path, j.dump(2) + "\n"); }

json modelJson(const ai::ModelManifest& m) {
    return {{"name", m.name}, {"version", m.version}, {"task", ai::taskName(m.task)}};
}

}  // namespace

InferOutcome inferToFiles(const InferArgs& args, core::Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    const ai::ModelRegistry registry = openRegistry();
    ai::ModelPackage package = ai::ModelPackage::open(registry.resolve(args.model));
    const ai::ModelManifest manifest = package.manifest();
    if (args.explain && manifest.task == ai::Task::Segmentation)
        throw ai::ModelError("--explain is for classification and detection models; a segmentation's doubts are --uncertainty");

    progress.beginStage("load", 1);
    const io::LoadedImage image = loadModelInput(args.input, &progress);
    const double loadMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    // The card, machine-checked: a brain MR model given an abdominal CT says so (or refuses).
    const ai::ImageFacts facts{args.modality.empty() ? image.series.modality : args.modality,
                               args.bodyPart.empty() ? image.series.bodyPart : args.bodyPart};
    const auto inputWarnings = ai::checkImage(manifest.applicability, image.volume, facts);
    if (args.strict && !inputWarnings.empty()) {
        std::string why;
        for (const auto& w : inputWarnings) why += (why.empty() ? "" : "; ") + w.message;
        throw ai::ModelError("the image does not fit " + manifest.name + "'s card (" + why + "); without --strict it runs with a warning");
    }

    ai::InferenceOptions options;
    options.device = args.device;
    options.threads = args.threads;
    options.uncertainty = args.uncertainty;
    options.explain = args.explain;
    const ai::InferenceEngine engine(std::move(package), options);
    const ai::InferenceResult r = engine.run(image.volume, &progress);

    InferOutcome out;
    out.task = ai::taskName(r.task);
    auto outputWarnings = r.task == ai::Task::Segmentation ? ai::checkLabels(manifest.applicability, r.labels)
                                                           : std::vector<ai::ApplicabilityWarning>{};
    json ood = nullptr;
    if (r.ood) {
        const double score = std::round(r.ood->score * 100) / 100;
        ood = {{"score", score}, {"distance", r.ood->distance}, {"outlier", r.ood->outlier()}};
        if (r.ood->outlier())
            outputWarnings.insert(outputWarnings.begin(),
                                  {"out_of_distribution", "the image looks unlike the model's training images: out-of-distribution score " +
                                                              numberText(score) + " (1 is where " +
                                                              numberText(manifest.ood.passFraction * 100) + " % of its validation cases stay)"});
    }
    const json applicability = {{"input", ai::toJson(inputWarnings)}, {"output", ai::toJson(outputWarnings)}, {"ood", ood}};
    for (const json& w : applicability["input"]) out.warnings.push_back(w);
    for (const json& w : applicability["output"]) out.warnings.push_back(w);
    const json model = modelJson(manifest);
    if (r.task == ai::Task::Segmentation) {
        io::ImageFileWriter::write(r.labels.voxels(), args.output + ".seg.nii.gz");
        json labels = json::array();
        auto counts = r.labels.histogram();  // one pass over the voxels for every label
        for (const auto& l : r.labels.labels().labels())
            labels.push_back({{"value", l.value}, {"name", l.name}, {"color", {l.color.r, l.color.g, l.color.b}},
                              {"volume_ml", double(counts[l.value]) * r.labels.geometry().voxelVolumeMm3() / 1000.0},
                              {"voxels", counts[l.value]}});
        writeJson(args.output + ".seg.json", {{"model", model}, {"image", args.input}, {"labels", labels}, {"applicability", applicability}});
        out.files = {args.output + ".seg.nii.gz", args.output + ".seg.json"};
        if (args.uncertainty) {
            io::ImageFileWriter::write(r.uncertainty, args.output + ".uncertainty.nii.gz");
            out.files.push_back(args.output + ".uncertainty.nii.gz");
        }
    } else if (r.task == ai::Task::Detection) {
        json findings = json::array();
        for (const auto& f : r.findings)
            findings.push_back({{"class", f.className}, {"class_value", f.classValue}, {"score", f.score},
                                {"centre_mm", vec(f.centre)}, {"size_mm", vec(f.sizeMm)},
                                {"box_min_mm", vec(f.worldMin)}, {"box_max_mm", vec(f.worldMax)}});
        writeJson(args.output + ".findings.json",
                  {{"model", model}, {"image", args.input}, {"coordinates", "DICOM patient (LPS), mm"}, {"findings", findings},
                   {"applicability", applicability}});
        out.files = {args.output + ".findings.json"};
    } else {
        json classes = json::array();
        const ai::ClassProbability* best = nullptr;
        for (const auto& c : r.classes) {
            classes.push_back({{"value", c.value}, {"name", c.name}, {"probability", c.probability}});
            if (!best || c.probability > best->probability) best = &c;
        }
        writeJson(args.output + ".classes.json",
                  {{"model", model}, {"image", args.input}, {"classes", classes}, {"predicted", best ? best->name : ""},
                   {"applicability", applicability}});
        out.files = {args.output + ".classes.json"};
    }
    if (!r.saliency.empty()) {
        io::ImageFileWriter::write(r.saliency, args.output + ".saliency.nii.gz");
        out.files.push_back(args.output + ".saliency.nii.gz");
    }
    out.timing = {{"device", engine.device().describe()},
                  {"load_ms", std::round(loadMs)},
                  {"preprocess_ms", std::round(r.timings.preprocessMs)},
                  {"network_ms", std::round(r.timings.networkMs)},
                  {"postprocess_ms", std::round(r.timings.postprocessMs)},
                  {"total_ms", std::round(r.timings.totalMs)},
                  {"patches", r.patches},
                  {"warnings", out.warnings},
                  {"ood", ood}};
    return out;
}

int runInfer(const InferArgs& args) {
    core::Progress progress(progressLines(args.quiet));
    cancelOnSignals(&progress);
    const InferOutcome out = inferToFiles(args, progress);
    cancelOnSignals(nullptr);
    for (const auto& w : out.warnings) std::cerr << "lumen-ai: warning: " << w.value("message", "") << "\n";
    std::cout << out.timing.dump() << std::endl;
    return 0;
}

}  // namespace lumen::aicli
