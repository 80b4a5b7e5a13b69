#pragma once
// The messages between the viewer and a `lumen-ai worker` child process: one JSON object per
// line, requests on the worker's stdin, events on its stdout. Header-light (no Torch, no Qt):
// shared by the worker (lumen_ai side) and the client (lumen_logic).
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lumen::ai::protocol {

class ProtocolError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Client → worker.
struct InferRequest {
    std::string model;   // package folder or NAME[@VERSION] in the registry
    std::string input;   // image path (DICOM folder, NIfTI, ...)
    std::string output;  // output prefix: the worker writes PREFIX.seg.nii.gz / .findings.json / .classes.json
    std::string device = "auto";
    unsigned threads = 0;
    bool uncertainty = false;  // segmentation: PREFIX.uncertainty.nii.gz
    bool explain = false;      // classification, detection: PREFIX.saliency.nii.gz
    std::string modality, bodyPart;  // DICOM terms the scratch NIfTI cannot carry (for the card's checks)
};
// Fine-tunes a version on a datalist into a new registered version (`lumen-ai finetune
// --register`). Runs beside inference: an infer job pauses it at the next iteration and it goes
// on after. `out` + ".work" keeps checkpoints, so the same request after a restart resumes.
struct FineTuneRequest {
    std::string model, data, out;
    int iterations = 100, validateEvery = 25, checkpointEvery = 10;
    double learningRate = 0;  // 0: the engine's fine-tune default
    unsigned seed = 1;
    bool noFlip = false;
    std::string device = "auto";
    unsigned threads = 0;
};
// An interactive segmentation session (the AI click tool); the request id names the session.
// "start" loads the model and the image once (a starting mask: Refine); "prompt" adds prompts
// (clicks, boxes: `prompts` is PROMPTS.json text as `lumen-ai interact` reads it) and runs the
// region around them; "undo"/"redo" step through the kept steps without running the network;
// "new_object" clears the prompts (with `mask`: refine that one); "end" frees the session. Each
// answers a Result (task "interactive") whose file is the current mask as OUTPUT.<step>.nii
// (uncompressed: written and read in milliseconds) and whose summary says {"step", "prompts",
// "can_undo", "can_redo", "runs", "network_ms"}. Prompt requests queued behind a running one
// collapse into one run, answered once, under the last request's step.
struct InteractRequest {
    std::string action;  // start | prompt | undo | redo | new_object | end
    std::string model, input, mask, output;  // start (mask and output also for new_object)
    std::string prompts;                     // prompt: {"prompts": [...]}
    std::string device = "auto";
    unsigned threads = 0;
};
struct Request {
    enum class Type { Infer, Cancel, Shutdown, FineTune, Pause, Resume, Interact };
    Type type = Type::Infer;
    std::string id;  // the job's (all but shutdown)
    InferRequest infer;
    FineTuneRequest finetune;
    InteractRequest interact;
};

// Worker → client.
struct Event {
    enum class Type { Ready, Progress, Result, Error, Canceled, Training, Paused, Resumed };
    Type type = Type::Ready;
    std::string id;           // the job's; empty for Ready
    std::string device;       // Ready: "CPU, 2 threads" or the GPU's name
    double fraction = 0;      // Progress: 0..1 of the current stage
    std::string stage;        // Progress: "load", "network", ...
    std::string task;         // Result: segmentation, detection or classification
    std::vector<std::string> files;  // Result: what the job wrote
    double milliseconds = 0;  // Result: the job's wall time
    std::string message;      // Error; Paused: why ("inference" or "user")
    std::string detail;       // Result of a fine-tune: its summary (JSON text); of an inference: where it did not fit
                              // the model's card (JSON array of {check, message[, label]}, or empty); Training: validation
    int iteration = 0, iterations = 0;  // Training
    double loss = 0;                    // Training
    bool resumedFromCheckpoint = false; // Training: the first event of a run that resumed

    static Event ready(std::string device);
    static Event progress(std::string id, double fraction, std::string stage);
    static Event result(std::string id, std::string task, std::vector<std::string> files, double milliseconds);
    static Event error(std::string id, std::string message);  // id empty: about a request that could not be read
    static Event canceled(std::string id);
    static Event training(std::string id, int iteration, int iterations, double loss, std::string validation, bool resumed = false);
    static Event paused(std::string id, std::string why);
    static Event resumed(std::string id);
};

std::string encode(const Request& r);  // one line, no newline
std::string encode(const Event& e);
// Throw ProtocolError naming what is wrong (not JSON, unknown type, missing field).
Request decodeRequest(const std::string& line);
Event decodeEvent(const std::string& line);

}  // namespace lumen::ai::protocol
