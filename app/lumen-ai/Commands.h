#pragma once
// lumen-ai's subcommands. Each returns the process exit code; errors are thrown and reported by
// main() as one line on stderr.
#include "ai/ModelRegistry.h"
#include "core/Progress.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace lumen::ai { struct TrainingEvent; }

namespace lumen::aicli {

struct InferArgs {
    std::string model, input, output, device = "auto";
    int threads = 0;
    bool uncertainty = false, quiet = false;
    bool explain = false;            // classification, detection: also write PREFIX.saliency.nii.gz
    bool strict = false;             // an image that does not fit the model's card is an error, not a warning
    std::string modality, bodyPart;  // what the file does not say (a NIfTI): DICOM terms, e.g. MR, BRAIN
};

// What an inference wrote (PREFIX.seg.nii.gz ... ), its timing line, and where the image or
// the result did not fit the model's card (ai::ApplicabilityWarning as JSON; empty when it did).
struct InferOutcome {
    std::string task;
    std::vector<std::string> files;
    nlohmann::json timing;
    nlohmann::json warnings = nlohmann::json::array();
};
// The inference behind `infer` and the worker's jobs; cancel through `progress`.
InferOutcome inferToFiles(const InferArgs& args, core::Progress& progress);

struct WorkerArgs {
    std::string device = "auto";
    int threads = 0;
};

struct TrainArgs {
    bool finetune = false;
    std::string model, data, out, name, version, optimizer = "adam", device = "auto", commandLine;
    int iterations = 200, batchSize = 2, validateEvery = 50, checkpointEvery = 10, threads = 0;
    double learningRate = 0;  // 0: 1e-3 for train, 2e-4 for finetune
    std::string schedule = "constant";
    double anchorWeight = -1; // < 0: kDefaultAnchorWeight for finetune, 0 for train
    unsigned seed = 1;
    bool noAugment = false, noFlip = false, quiet = false, registerVersion = false;
};

// The training behind `train`/`finetune` and the worker's fine-tune jobs: trains, writes the new
// package (and registers it with registerVersion) and returns the summary `finetune` prints.
nlohmann::json trainToPackage(const TrainArgs& args, core::Progress& progress,
                              const std::function<void(const ai::TrainingEvent&)>& onEvent);

// L2-SP weight a fine-tune uses unless told otherwise: measured by
// tests/benchmarks/finetune_experiment.sh (BENCHMARKS.md, "Does fine-tuning help?").
constexpr double kDefaultAnchorWeight = 0.05;

struct EvalArgs {
    std::string model, data, split = "validation", device = "auto";
    int threads = 0;
    bool shifts = false;  // also under the standard shifts (ai/ImageShift)
};

struct InteractArgs {
    std::string model, input, prompts, output, mask, device = "auto";
    int threads = 0;
    bool each = false;  // also PREFIX.<n>.seg.nii.gz after prompt n
};

struct EvalInteractiveArgs {
    std::string model, data, split = "validation", device = "auto";
    int clicks = 5, threads = 0;
    bool noBaseline = false;
};

struct OodFitArgs {
    std::string model, data, check;  // check: a datalist of held-out cases to report the pass rate on
    int bins = 32;
    double passFraction = 0.95;
    std::string feature = "normalized";  // or "percentile" (ai::OodSpec::percentileFeature)
};

struct CalibrateArgs {
    std::string model, data, check, device = "auto";  // data: calibration cases; check: held-out cases (validation splits)
    int threads = 0;
};

struct ModelsArgs {
    std::string name, version;
    bool json = false;
};

// Bundled packages: $LUMEN_BUNDLED_MODELS, else <exe>/../share/lumen/models (installed, or the
// build tree's copy of resources/models). User versions: $LUMEN_DATA_DIR/models, else
// $XDG_DATA_HOME/Lumen/models, else ~/.local/share/Lumen/models (the viewer's data folder).
ai::ModelRegistry openRegistry();

int runInfer(const InferArgs& args);
// JSON-lines jobs on stdin, events on stdout (ai/protocol), until "shutdown" or end of input.
int runWorker(const WorkerArgs& args);
int runTrain(const TrainArgs& args);
int runEval(const EvalArgs& args);
// Runs an interactive segmenter on one image with the prompts of a file, in order; one JSON line per prompt.
int runInteract(const InteractArgs& args);
// The robot user on every object of a datalist's cases (ai::evaluateInteractive); prints JSON.
int runEvalInteractive(const EvalInteractiveArgs& args);
// Prints {"ood": the manifest's "ood" (reference from the training split, threshold from the
// validation split), "held_out": {"cases", "passed", "scores"}} when --check is given.
int runOodFit(const OodFitArgs& args);
int runCalibrate(const CalibrateArgs& args);
int runPackage(const std::string& network, const std::string& manifest, const std::string& out);
int runImportMonai(const std::string& bundle, const std::string& out, bool registerIt);
int runCheckMonai(const std::string& bundle);
int runModelsList(const ModelsArgs& args);
int runModelsActivate(const ModelsArgs& args);
int runModelsRollback(const ModelsArgs& args);
int runModelsAdd(const std::string& package);

}  // namespace lumen::aicli
