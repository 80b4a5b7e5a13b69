// The worker protocol's lines: every message survives encode → decode, and anything else is a
// ProtocolError that says what is wrong (the worker answers it with an error event, the client
// skips it).
#include "ai/protocol/WorkerProtocol.h"

#include <gtest/gtest.h>

using namespace lumen::ai::protocol;

TEST(WorkerProtocol, RequestsRoundTrip) {
    Request infer;
    infer.id = "job-7";
    infer.infer = {"brain-structures@1.0", "/data/ct", "/tmp/out", "cpu", 2, true, true, "CT", "ABDOMEN"};
    const Request back = decodeRequest(encode(infer));
    EXPECT_EQ(back.type, Request::Type::Infer);
    EXPECT_EQ(back.id, "job-7");
    EXPECT_EQ(back.infer.model, "brain-structures@1.0");
    EXPECT_EQ(back.infer.input, "/data/ct");
    EXPECT_EQ(back.infer.output, "/tmp/out");
    EXPECT_EQ(back.infer.device, "cpu");
    EXPECT_EQ(back.infer.threads, 2u);
    EXPECT_TRUE(back.infer.uncertainty);
    EXPECT_TRUE(back.infer.explain);
    EXPECT_EQ(back.infer.modality, "CT");
    EXPECT_EQ(back.infer.bodyPart, "ABDOMEN");
    Request cancel;
    cancel.type = Request::Type::Cancel, cancel.id = "job-7";
    EXPECT_EQ(decodeRequest(encode(cancel)).type, Request::Type::Cancel);
    EXPECT_EQ(decodeRequest(encode(cancel)).id, "job-7");
    Request shutdown;
    shutdown.type = Request::Type::Shutdown;
    EXPECT_EQ(decodeRequest(encode(shutdown)).type, Request::Type::Shutdown);
    EXPECT_EQ(encode(infer).find('\n'), std::string::npos) << "one message, one line";

    Request tune;
    tune.type = Request::Type::FineTune, tune.id = "ft-1";
    tune.finetune.model = "brain-structures@1.0", tune.finetune.data = "/t/datalist.json", tune.finetune.out = "/t/new";
    tune.finetune.iterations = 40, tune.finetune.validateEvery = 20, tune.finetune.checkpointEvery = 5;
    tune.finetune.learningRate = 1e-4, tune.finetune.seed = 7, tune.finetune.noFlip = true, tune.finetune.threads = 2;
    const Request t = decodeRequest(encode(tune));
    EXPECT_EQ(t.type, Request::Type::FineTune);
    EXPECT_EQ(t.finetune.model, "brain-structures@1.0");
    EXPECT_EQ(t.finetune.data, "/t/datalist.json");
    EXPECT_EQ(t.finetune.out, "/t/new");
    EXPECT_EQ(t.finetune.iterations, 40);
    EXPECT_EQ(t.finetune.validateEvery, 20);
    EXPECT_EQ(t.finetune.checkpointEvery, 5);
    EXPECT_DOUBLE_EQ(t.finetune.learningRate, 1e-4);
    EXPECT_EQ(t.finetune.seed, 7u);
    EXPECT_TRUE(t.finetune.noFlip);
    EXPECT_EQ(t.finetune.threads, 2u);
    for (Request::Type type : {Request::Type::Pause, Request::Type::Resume}) {
        Request r;
        r.type = type, r.id = "ft-1";
        EXPECT_EQ(decodeRequest(encode(r)).type, type);
        EXPECT_EQ(decodeRequest(encode(r)).id, "ft-1");
    }
}

TEST(WorkerProtocol, EventsRoundTrip) {
    EXPECT_EQ(decodeEvent(encode(Event::ready("CPU, 2 threads"))).device, "CPU, 2 threads");
    const Event p = decodeEvent(encode(Event::progress("j", 0.25, "network")));
    EXPECT_EQ(p.type, Event::Type::Progress);
    EXPECT_DOUBLE_EQ(p.fraction, 0.25);
    EXPECT_EQ(p.stage, "network");
    const Event r = decodeEvent(encode(Event::result("j", "segmentation", {"/a.seg.nii.gz", "/a.seg.json"}, 812.5)));
    EXPECT_EQ(r.type, Event::Type::Result);
    EXPECT_EQ(r.task, "segmentation");
    EXPECT_EQ(r.files, (std::vector<std::string>{"/a.seg.nii.gz", "/a.seg.json"}));
    EXPECT_DOUBLE_EQ(r.milliseconds, 812.5);
    const Event e = decodeEvent(encode(Event::error("j", "out of memory")));
    EXPECT_EQ(e.type, Event::Type::Error);
    EXPECT_EQ(e.message, "out of memory");
    EXPECT_EQ(decodeEvent(encode(Event::canceled("j"))).type, Event::Type::Canceled);

    const Event t = decodeEvent(encode(Event::training("ft", 20, 100, 0.4375, R"({"score":0.87})")));
    EXPECT_EQ(t.type, Event::Type::Training);
    EXPECT_EQ(t.iteration, 20);
    EXPECT_EQ(t.iterations, 100);
    EXPECT_DOUBLE_EQ(t.loss, 0.4375);
    EXPECT_EQ(t.detail, R"({"score":0.87})");
    EXPECT_FALSE(t.resumedFromCheckpoint);
    EXPECT_TRUE(decodeEvent(encode(Event::training("ft", 30, 100, 0, "", true))).resumedFromCheckpoint);
    EXPECT_TRUE(decodeEvent(encode(Event::training("ft", 30, 100, 0.5, ""))).detail.empty());
    const Event paused = decodeEvent(encode(Event::paused("ft", "inference")));
    EXPECT_EQ(paused.type, Event::Type::Paused);
    EXPECT_EQ(paused.message, "inference");
    EXPECT_EQ(decodeEvent(encode(Event::resumed("ft"))).type, Event::Type::Resumed);
    Event done = Event::result("ft", "finetune", {"/models/brain-structures/1.1"}, 60000);
    done.detail = R"({"version":"1.1"})";
    EXPECT_EQ(decodeEvent(encode(done)).detail, R"({"version":"1.1"})");
}

TEST(WorkerProtocol, AnythingElseIsAProtocolError) {
    for (const char* bad : {"", "not json", "[1, 2]", R"({"id": "j"})", R"({"type": "explode", "id": "j"})",
                            R"({"type": "infer", "id": "j", "model": "m"})", R"({"type": "cancel"})", R"({"type": "infer", "id": 3})",
                            R"({"type": "finetune", "id": "f", "model": "m", "data": "d"})",
                            R"({"type": "finetune", "id": "f", "model": "m", "data": "d", "out": "o", "iterations": 0})",
                            R"({"type": "pause"})",
                            // Whole numbers out of range or not whole (fuzzing: threads 4.4e12 reached an unsigned conversion).
                            R"({"type": "infer", "id": "j", "model": "m", "input": "i", "output": "o", "threads": 4444444444444.4})",
                            R"({"type": "infer", "id": "j", "model": "m", "input": "i", "output": "o", "threads": -1})",
                            R"({"type": "finetune", "id": "f", "model": "m", "data": "d", "out": "o", "iterations": 2.5})"})
        EXPECT_THROW(decodeRequest(bad), ProtocolError) << bad;
    for (const char* bad : {"{}", R"({"type": "progress", "id": "j"})", R"({"type": "result", "id": "j", "task": "x"})",
                            R"({"type": "ready"})", R"({"type": "training", "id": "j", "loss": 1})",
                            R"({"type": "training", "id": "j", "iteration": 1e30, "iterations": 4})"})
        EXPECT_THROW(decodeEvent(bad), ProtocolError) << bad;
}

TEST(WorkerProtocol, InteractiveSessionRequestsRoundTripAndBadOnesAreRefused) {
    Request start;
    start.type = Request::Type::Interact, start.id = "session-1";
    start.interact.action = "start";
    start.interact.model = "interactive-segmenter", start.interact.input = "/tmp/in.nii", start.interact.output = "/tmp/mask";
    start.interact.mask = "/tmp/refine.nii", start.interact.threads = 2;
    Request back = decodeRequest(encode(start));
    const auto& i = back.interact;
    EXPECT_TRUE(back.type == Request::Type::Interact && back.id == "session-1" && i.action == "start");
    EXPECT_EQ(std::vector<std::string>({i.model, i.input, i.output, i.mask}),
              std::vector<std::string>({"interactive-segmenter", "/tmp/in.nii", "/tmp/mask", "/tmp/refine.nii"}));
    EXPECT_EQ(i.threads, 2u);

    Request prompt;
    prompt.type = Request::Type::Interact, prompt.id = "session-1", prompt.interact.action = "prompt";
    prompt.interact.prompts = R"({"prompts":[{"lps_mm":[1,2,3],"positive":false,"type":"point"}]})";
    back = decodeRequest(encode(prompt));
    EXPECT_EQ(back.interact.prompts, prompt.interact.prompts);
    for (const char* action : {"undo", "redo", "new_object", "end"}) {
        Request r;
        r.type = Request::Type::Interact, r.id = "session-1", r.interact.action = action;
        EXPECT_EQ(decodeRequest(encode(r)).interact.action, action);
    }
    EXPECT_THROW(decodeRequest(R"({"type":"interact","id":"s","action":"scribble"})"), ProtocolError);
    EXPECT_THROW(decodeRequest(R"({"type":"interact","id":"s","action":"prompt","prompts":[1]})"), ProtocolError);
    EXPECT_THROW(decodeRequest(R"({"type":"interact","id":"s","action":"start","model":"m"})"), ProtocolError);
}
