// The worker protocol's lines: every message survives encode → decode, and anything else is a
// ProtocolError that says what is wrong (the worker answers it with an error event, the client
// skips it).
#include "ai/protocol/WorkerProtocol.h"

#include <gtest/gtest.h>

using namespace lumen::ai::protocol;

TEST(WorkerProtocol, RequestsRoundTrip) {
    Request infer;
    infer.id = "job-7";
    infer.infer = {"brain-structures@1.0", "/data/ct", "/tmp/out", "cpu", 2, true};
    const Request back = decodeRequest(encode(infer));
    EXPECT_EQ(back.type, Request::Type::Infer);
    EXPECT_EQ(back.id, "job-7");
    EXPECT_EQ(back.infer.model, "brain-structures@1.0");
    EXPECT_EQ(back.infer.input, "/data/ct");
    EXPECT_EQ(back.infer.output, "/tmp/out");
    EXPECT_EQ(back.infer.device, "cpu");
    EXPECT_EQ(back.infer.threads, 2u);
    EXPECT_TRUE(back.infer.uncertainty);
    Request cancel;
    cancel.type = Request::Type::Cancel, cancel.id = "job-7";
    EXPECT_EQ(decodeRequest(encode(cancel)).type, Request::Type::Cancel);
    EXPECT_EQ(decodeRequest(encode(cancel)).id, "job-7");
    Request shutdown;
    shutdown.type = Request::Type::Shutdown;
    EXPECT_EQ(decodeRequest(encode(shutdown)).type, Request::Type::Shutdown);
    EXPECT_EQ(encode(infer).find('\n'), std::string::npos) << "one message, one line";
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
}

TEST(WorkerProtocol, AnythingElseIsAProtocolError) {
    for (const char* bad : {"", "not json", "[1, 2]", R"({"id": "j"})", R"({"type": "explode", "id": "j"})",
                            R"({"type": "infer", "id": "j", "model": "m"})", R"({"type": "cancel"})", R"({"type": "infer", "id": 3})"})
        EXPECT_THROW(decodeRequest(bad), ProtocolError) << bad;
    for (const char* bad : {"{}", R"({"type": "progress", "id": "j"})", R"({"type": "result", "id": "j", "task": "x"})",
                            R"({"type": "ready"})"})
        EXPECT_THROW(decodeEvent(bad), ProtocolError) << bad;
}
