// lumen-ai: the AI engine's process (models, inference; the GUI runs it as a worker). Composition
// only: parse the command line, call ai and io.
#include "Commands.h"

#include "ai/ModelError.h"
#include "core/OperationCanceled.h"

#include <CLI/CLI.hpp>

#include <iostream>

using namespace lumen::aicli;

namespace {
int fail(const std::string& what) {
    std::cerr << "lumen-ai: error: " << what << "\n";  // manifest problems keep their list layout
    return 1;
}
}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Lumen AI engine: model packages and registry, inference"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "lumen-ai 0.1.0");

    InferArgs infer;
    auto* inferCmd = app.add_subcommand("infer", "Run a model on an image (DICOM file/folder/DICOMDIR, NIfTI, NRRD, MHA)");
    inferCmd->add_option("--model", infer.model, "Package folder, or NAME[@VERSION] from the registry")->required();
    inferCmd->add_option("--input", infer.input, "Image to run on")->required();
    inferCmd->add_option("--output", infer.output, "Output prefix: PREFIX.seg.nii.gz / .findings.json / .classes.json")->required();
    inferCmd->add_option("--device", infer.device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    inferCmd->add_option("--threads", infer.threads, "CPU threads (0 = all cores)")->check(CLI::Range(0, 1024));
    inferCmd->add_flag("--uncertainty", infer.uncertainty, "Segmentation: also write PREFIX.uncertainty.nii.gz (normalised entropy)");
    inferCmd->add_flag("--quiet", infer.quiet, "No progress lines on stderr");

    ModelsArgs models;
    auto* modelsCmd = app.add_subcommand("models", "The model registry: list, activate, rollback");
    modelsCmd->require_subcommand(1);
    auto* listCmd = modelsCmd->add_subcommand("list", "List every version (* = active)");
    listCmd->add_flag("--json", models.json, "JSON instead of a table");
    auto* activateCmd = modelsCmd->add_subcommand("activate", "Make a version the active one");
    activateCmd->add_option("name", models.name)->required();
    activateCmd->add_option("version", models.version)->required();
    auto* rollbackCmd = modelsCmd->add_subcommand("rollback", "Re-activate the previously active version");
    rollbackCmd->add_option("name", models.name)->required();

    CLI11_PARSE(app, argc, argv);
    try {
        if (inferCmd->parsed()) return runInfer(infer);
        if (listCmd->parsed()) return runModelsList(models);
        if (activateCmd->parsed()) return runModelsActivate(models);
        if (rollbackCmd->parsed()) return runModelsRollback(models);
    } catch (const lumen::core::OperationCanceled&) {
        std::cerr << "lumen-ai: canceled\n";
        return 130;
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    return 0;
}
