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
    CLI::App app{"Lumen AI engine: model packages and registry, inference, training, evaluation"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "lumen-ai " LUMEN_VERSION);

    InferArgs infer;
    auto* inferCmd = app.add_subcommand("infer", "Run a model on an image (DICOM file/folder/DICOMDIR, NIfTI, NRRD, MHA)");
    inferCmd->add_option("--model", infer.model, "Package folder, or NAME[@VERSION] from the registry")->required();
    inferCmd->add_option("--input", infer.input, "Image to run on")->required();
    inferCmd->add_option("--output", infer.output, "Output prefix: PREFIX.seg.nii.gz / .findings.json / .classes.json")->required();
    inferCmd->add_option("--device", infer.device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    inferCmd->add_option("--threads", infer.threads, "CPU threads (0 = all cores)")->check(CLI::Range(0, 1024));
    inferCmd->add_flag("--uncertainty", infer.uncertainty, "Segmentation: also write PREFIX.uncertainty.nii.gz (normalised entropy)");
    inferCmd->add_flag("--explain", infer.explain, "Classification, detection: also write PREFIX.saliency.nii.gz (what the decision rests on, 0..1)");
    inferCmd->add_flag("--quiet", infer.quiet, "No progress lines on stderr");
    inferCmd->add_flag("--strict", infer.strict, "Refuse an image that does not fit the model's card (modality, body part, spacing, field of view, intensities) instead of warning");
    inferCmd->add_option("--modality", infer.modality, "The image's modality when the file does not say (NIfTI): MR, CT, ...");
    inferCmd->add_option("--body-part", infer.bodyPart, "The body part when the file does not say: BRAIN, HEAD, CHEST, ...");

    WorkerArgs worker;
    auto* workerCmd = app.add_subcommand("worker", "The viewer's AI process: JSON-lines jobs on stdin, events on stdout (ai/protocol)");
    workerCmd->add_option("--device", worker.device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    workerCmd->add_option("--threads", worker.threads, "CPU threads (0 = all cores)")->check(CLI::Range(0, 1024));

    TrainArgs train;
    auto addTrainOptions = [&train](CLI::App* cmd) {
        cmd->add_option("--model", train.model, "Package folder, or NAME[@VERSION] from the registry")->required();
        cmd->add_option("--data", train.data, "Datalist JSON (MONAI / Decathlon: training + validation)")->required();
        cmd->add_option("--out", train.out, "New package folder (must not exist; OUT.work holds checkpoints)")->required();
        cmd->add_option("--iterations", train.iterations, "Training iterations")->check(CLI::Range(1, 10000000));
        cmd->add_option("--batch-size", train.batchSize, "Patches per iteration")->check(CLI::Range(1, 1024));
        cmd->add_option("--learning-rate", train.learningRate, "Default 1e-3 (train), 2e-4 (finetune)")->check(CLI::PositiveNumber);
        cmd->add_option("--anchor-weight", train.anchorWeight,
                        "L2-SP: weight of the squared distance to the starting weights (default: " +
                            std::to_string(kDefaultAnchorWeight) + " for finetune, 0 for train)")
            ->check(CLI::NonNegativeNumber);
        cmd->add_option("--optimizer", train.optimizer, "adam or sgd")->check(CLI::IsMember({"adam", "sgd"}));
        cmd->add_option("--lr-schedule", train.schedule, "constant, or poly: the learning rate falls to 0 as (1 - i/N)^0.9")
            ->check(CLI::IsMember({"constant", "poly"}));
        cmd->add_option("--validate-every", train.validateEvery, "Iterations between validations")->check(CLI::Range(1, 10000000));
        cmd->add_option("--checkpoint-every", train.checkpointEvery, "Iterations between checkpoints")->check(CLI::Range(1, 10000000));
        cmd->add_option("--seed", train.seed, "Random seed (patch sampling, augmentation)");
        cmd->add_option("--name", train.name, "Name of the new model (default: the parent's)");
        cmd->add_option("--version", train.version, "Version of the new package (default: 1.0 for train, the next free for finetune)");
        cmd->add_option("--device", train.device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
        cmd->add_option("--threads", train.threads, "CPU threads (0 = all cores)")->check(CLI::Range(0, 1024));
        cmd->add_flag("--no-augment", train.noAugment, "No augmentation");
        cmd->add_flag("--no-flip", train.noFlip, "No flips (labels with a side: left/right)");
        cmd->add_flag("--register", train.registerVersion, "Also add the new version to the registry (not activated)");
        cmd->add_flag("--quiet", train.quiet, "No progress lines on stderr");
    };
    auto* trainCmd = app.add_subcommand("train", "Train a package's network (e.g. an untrained scripted one) into a new package");
    addTrainOptions(trainCmd);
    auto* finetuneCmd = app.add_subcommand("finetune", "Fine-tune a version into a new version with lineage and before/after metrics");
    addTrainOptions(finetuneCmd);

    EvalArgs eval;
    OodFitArgs oodFit;
    auto* oodCmd = app.add_subcommand("ood-fit", "Fit a model's out-of-distribution score on a datalist (reference: training split; threshold: validation split); prints the manifest's \"ood\" as JSON");
    oodCmd->add_option("--model", oodFit.model, "Package folder, or NAME[@VERSION]")->required();
    oodCmd->add_option("--data", oodFit.data, "Datalist JSON with training and validation cases")->required();
    oodCmd->add_option("--check", oodFit.check, "A datalist of held-out cases (its validation split): report how many pass");
    oodCmd->add_option("--bins", oodFit.bins, "Histogram bins")->check(CLI::Range(4, 1024));
    oodCmd->add_option("--feature", oodFit.feature, "normalized: what the network is fed (default); percentile: the image scaled by its 1st-99th percentiles (for z-score models)")
        ->check(CLI::IsMember({"normalized", "percentile"}));
    oodCmd->add_option("--pass-fraction", oodFit.passFraction, "Fraction of validation cases that must score ≤ 1")->check(CLI::Range(0.5, 1.0));
    CalibrateArgs calibrate;
    auto* calibrateCmd = app.add_subcommand("calibrate", "Fit a classifier's or detector's temperature on calibration cases (a datalist's validation split); prints it with the ECE before and after as JSON");
    calibrateCmd->add_option("--model", calibrate.model, "Package folder, or NAME[@VERSION]")->required();
    calibrateCmd->add_option("--data", calibrate.data, "Datalist JSON whose validation split holds the calibration cases")->required();
    calibrateCmd->add_option("--check", calibrate.check, "A datalist of held-out cases (its validation split): ECE and reliability there, before and after");
    calibrateCmd->add_option("--device", calibrate.device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    calibrateCmd->add_option("--threads", calibrate.threads, "CPU threads (0 = all cores)")->check(CLI::Range(0, 1024));
    auto* evalCmd = app.add_subcommand("eval", "Score a model on a datalist; prints JSON (Dice/HD95, AUC..., FROC)");
    evalCmd->add_option("--model", eval.model, "Package folder, or NAME[@VERSION]")->required();
    evalCmd->add_option("--data", eval.data, "Datalist JSON")->required();
    evalCmd->add_option("--split", eval.split, "validation, training or all")->check(CLI::IsMember({"validation", "training", "all"}));
    evalCmd->add_option("--device", eval.device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    evalCmd->add_option("--threads", eval.threads, "CPU threads (0 = all cores)")->check(CLI::Range(0, 1024));
    evalCmd->add_flag("--shifts", eval.shifts, "Also re-run the cases under noise, bias field, lower resolution, contrast change and rotation");

    InteractArgs interact;
    auto* interactCmd = app.add_subcommand("interact", "Segment one object of an image from prompts (clicks, boxes) with an interactive model");
    interactCmd->add_option("--model", interact.model, "Package folder, or NAME[@VERSION] (an interactive_segmentation model)")->required();
    interactCmd->add_option("--input", interact.input, "Image (DICOM file/folder, NIfTI, NRRD, MHA)")->required();
    interactCmd->add_option("--prompts", interact.prompts,
                            "PROMPTS.json: {\"prompts\": [{\"type\": \"point\", \"positive\": true, \"lps_mm\": [x, y, z]}, "
                            "{\"type\": \"box\", \"lps_min_mm\": [...], \"lps_max_mm\": [...]}]}, applied in order")
        ->required()->check(CLI::ExistingFile);
    interactCmd->add_option("--output", interact.output, "Output prefix: PREFIX.seg.nii.gz (0/1 on the input grid)")->required();
    interactCmd->add_option("--mask", interact.mask, "Refine: start from this segment (label map on the image's grid; non-zero = object)");
    interactCmd->add_flag("--each", interact.each, "Also write PREFIX.<n>.seg.nii.gz after prompt n");
    interactCmd->add_option("--device", interact.device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    interactCmd->add_option("--threads", interact.threads, "CPU threads (0 = all cores)")->check(CLI::Range(0, 1024));
    EvalInteractiveArgs evalInteractive;
    auto* evalInteractiveCmd = app.add_subcommand("eval-interactive",
        "Score an interactive model with a robot user (clicks in the largest error) on every labelled object of a datalist; prints JSON");
    evalInteractiveCmd->add_option("--model", evalInteractive.model, "Package folder, or NAME[@VERSION]")->required();
    evalInteractiveCmd->add_option("--data", evalInteractive.data, "Datalist JSON (label maps; each component of each label is an object; optional \"group\" per case)")->required();
    evalInteractiveCmd->add_option("--clicks", evalInteractive.clicks, "Clicks per object")->check(CLI::Range(1, 100));
    evalInteractiveCmd->add_option("--split", evalInteractive.split, "validation or all")->check(CLI::IsMember({"validation", "all"}));
    evalInteractiveCmd->add_flag("--no-baseline", evalInteractive.noBaseline, "Skip the region-growing comparison");
    evalInteractiveCmd->add_option("--device", evalInteractive.device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    evalInteractiveCmd->add_option("--threads", evalInteractive.threads, "CPU threads (0 = all cores)")->check(CLI::Range(0, 1024));

    std::string bundleDir, importOut;
    bool importRegister = false, importCheck = false;
    auto* importCmd = app.add_subcommand("import-monai", "Convert a MONAI bundle (configs/metadata.json, configs/inference.json or .yaml, models/model.ts) into a package");
    importCmd->add_option("bundle", bundleDir, "MONAI bundle folder")->required();
    auto* importOutOption = importCmd->add_option("--out", importOut, "New package folder (must not exist)");
    importCmd->add_flag("--register", importRegister, "Also add it to the registry");
    importCmd->add_flag("--check", importCheck, "Only say what the configs translate to (JSON; exit 1 when something cannot be)")
        ->excludes(importOutOption);

    std::string packNetwork, packManifest, packOut;
    auto* packageCmd = app.add_subcommand("package", "Make a package from a TorchScript file and a manifest (sha256 filled in)");
    packageCmd->add_option("--network", packNetwork, "TorchScript file (e.g. from ai/networks/script_network.py)")->required()->check(CLI::ExistingFile);
    packageCmd->add_option("--manifest", packManifest, "model.json without (or with a stale) sha256")->required()->check(CLI::ExistingFile);
    packageCmd->add_option("--out", packOut, "New package folder (must not exist)")->required();

    ModelsArgs models;
    auto* modelsCmd = app.add_subcommand("models", "The model registry: list, activate, rollback, add");
    modelsCmd->require_subcommand(1);
    auto* listCmd = modelsCmd->add_subcommand("list", "List every version (* = active)");
    listCmd->add_flag("--json", models.json, "JSON instead of a table");
    auto* activateCmd = modelsCmd->add_subcommand("activate", "Make a version the active one");
    activateCmd->add_option("name", models.name)->required();
    activateCmd->add_option("version", models.version)->required();
    auto* rollbackCmd = modelsCmd->add_subcommand("rollback", "Re-activate the previously active version");
    rollbackCmd->add_option("name", models.name)->required();

    std::string addPackage;
    auto* addCmd = modelsCmd->add_subcommand("add", "Copy a finished package into the registry (not activated)");
    addCmd->add_option("package", addPackage, "Package folder (model.json + network)")->required()->check(CLI::ExistingDirectory);

    CLI11_PARSE(app, argc, argv);
    try {
        if (inferCmd->parsed()) return runInfer(infer);
        if (workerCmd->parsed()) return runWorker(worker);
        if (trainCmd->parsed() || finetuneCmd->parsed()) {
            train.finetune = finetuneCmd->parsed();
            // The program by name, not where this machine keeps it: provenance travels with the package.
            train.commandLine = "lumen-ai";
            for (int i = 1; i < argc; ++i) train.commandLine += " " + std::string(argv[i]);
            return runTrain(train);
        }
        if (evalCmd->parsed()) return runEval(eval);
        if (interactCmd->parsed()) return runInteract(interact);
        if (evalInteractiveCmd->parsed()) return runEvalInteractive(evalInteractive);
        if (oodCmd->parsed()) return runOodFit(oodFit);
        if (calibrateCmd->parsed()) return runCalibrate(calibrate);
        if (packageCmd->parsed()) return runPackage(packNetwork, packManifest, packOut);
        if (importCmd->parsed()) {
            if (importCheck) return runCheckMonai(bundleDir);
            if (importOut.empty()) throw CLI::RequiredError("--out");
            return runImportMonai(bundleDir, importOut, importRegister);
        }
        if (listCmd->parsed()) return runModelsList(models);
        if (activateCmd->parsed()) return runModelsActivate(models);
        if (rollbackCmd->parsed()) return runModelsRollback(models);
        if (addCmd->parsed()) return runModelsAdd(addPackage);
    } catch (const lumen::core::OperationCanceled&) {
        std::cerr << "lumen-ai: canceled\n";
        return 130;
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    return 0;
}
