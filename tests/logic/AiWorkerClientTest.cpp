// The viewer's AI worker client against a real `lumen-ai worker` process: a job's progress and
// result, cancel, and a worker killed mid-job (the job fails cleanly, the next one restarts it).
#include "TestSupport.h"
#include "io/ImageLoader.h"
#include "logic/AiAssist.h"
#include "logic/AiWorkerClient.h"
#include "logic/Document.h"
#include "logic/SegmentEditor.h"

#include "CoreApp.h"

#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>

using namespace lumen;

namespace {

ai::protocol::InferRequest brainJob(const test::TempDir& dir, const std::string& name) {
    ai::protocol::InferRequest r;
    r.model = "brain-structures";  // the bundled model, from the registry
    r.input = std::string(test::kMricronTemplates) + "/ch2.nii.gz";
    r.output = (dir / name).string();
    r.threads = 2;
    return r;
}

class AiWorker : public ::testing::Test {
protected:
    void SetUp() override {
        test::coreApp();
        if (!std::filesystem::exists(std::string(test::kMricronTemplates) + "/ch2.nii.gz")) GTEST_SKIP() << "mricron-data missing";
        qputenv("LUMEN_DATA_DIR", QByteArray::fromStdString(dir.path().string()));  // no user models
    }
    test::TempDir dir{"worker"};
    logic::AiWorkerClient client{QString::fromStdString((test::binaryDir() / "bin" / "lumen-ai").string())};
};

// The demo brain open in a document, with AI assist on it.
struct BrainAssist {
    logic::Document doc;
    logic::AiAssist assist{&doc, QString::fromStdString((test::binaryDir() / "bin" / "lumen-ai").string())};
    BrainAssist() { doc.setImage(io::ImageLoader::load(std::string(test::kMricronTemplates) + "/ch2.nii.gz")); }
    bool listModels() {
        QSignalSpy listed(&assist, &logic::AiAssist::modelsChanged);
        assist.refreshModels();
        return listed.wait(30000);
    }
};

}  // namespace

TEST_F(AiWorker, RunsAJobWithProgressAndStaysWarm) {
    QSignalSpy ready(&client, &logic::AiWorkerClient::ready);
    QSignalSpy progress(&client, &logic::AiWorkerClient::progress);
    QSignalSpy finished(&client, &logic::AiWorkerClient::finished);
    const QString id = client.submit(brainJob(dir, "a"));
    ASSERT_TRUE(finished.wait(120000)) << "no result";
    ASSERT_EQ(ready.count(), 1);
    EXPECT_TRUE(client.device().startsWith("CPU") || client.device().startsWith("GPU")) << client.device().toStdString();
    EXPECT_GT(progress.count(), 3);
    EXPECT_EQ(finished.at(0).at(0).toString(), id);
    EXPECT_EQ(finished.at(0).at(1).toString(), "segmentation");
    for (const auto& f : finished.at(0).at(2).toStringList()) EXPECT_TRUE(std::filesystem::exists(f.toStdString())) << f.toStdString();
    // The same process takes the next job.
    const qint64 pid = client.workerPid();
    client.submit(brainJob(dir, "b"));
    ASSERT_TRUE(finished.wait(120000));
    EXPECT_EQ(client.workerPid(), pid);
    EXPECT_EQ(ready.count(), 1);
}

TEST_F(AiWorker, CancelStopsARunningJobAndWritesNothing) {
    QSignalSpy progress(&client, &logic::AiWorkerClient::progress);
    QSignalSpy canceled(&client, &logic::AiWorkerClient::canceled);
    const QString id = client.submit(brainJob(dir, "c"));
    ASSERT_TRUE(progress.wait(60000));
    client.cancel(id);
    ASSERT_TRUE(canceled.wait(60000));
    EXPECT_EQ(canceled.at(0).at(0).toString(), id);
    EXPECT_FALSE(std::filesystem::exists(dir / "c.seg.nii.gz"));
    EXPECT_EQ(client.pendingJobs(), 0);
}

TEST_F(AiWorker, AKilledWorkerFailsItsJobAndTheNextJobStartsAFreshOne) {
    QSignalSpy progress(&client, &logic::AiWorkerClient::progress);
    QSignalSpy failed(&client, &logic::AiWorkerClient::failed);
    QSignalSpy died(&client, &logic::AiWorkerClient::workerDied);
    const QString id = client.submit(brainJob(dir, "d"));
    ASSERT_TRUE(progress.wait(60000));
    const qint64 pid = client.workerPid();
    ::kill(pid_t(pid), SIGKILL);  // what an out-of-memory kill looks like
    ASSERT_TRUE(died.wait(10000));
    ASSERT_EQ(failed.count(), 1);
    EXPECT_EQ(failed.at(0).at(0).toString(), id);
    EXPECT_TRUE(failed.at(0).at(1).toString().contains("stopped unexpectedly")) << failed.at(0).at(1).toString().toStdString();
    QSignalSpy finished(&client, &logic::AiWorkerClient::finished);
    client.submit(brainJob(dir, "e"));
    ASSERT_TRUE(finished.wait(120000));
    EXPECT_NE(client.workerPid(), pid);
    EXPECT_TRUE(std::filesystem::exists(dir / "e.seg.nii.gz"));
}

TEST_F(AiWorker, BadJobsAreErrorsAndAMissingWorkerIsReported) {
    QSignalSpy failed(&client, &logic::AiWorkerClient::failed);
    auto job = brainJob(dir, "f");
    job.model = "no-such-model";
    const QString id = client.submit(job);
    ASSERT_TRUE(failed.wait(60000));
    EXPECT_EQ(failed.at(0).at(0).toString(), id);
    EXPECT_TRUE(client.running()) << "a bad job does not end the worker";

    logic::AiWorkerClient missing("/nonexistent/lumen-ai");
    QSignalSpy died(&missing, &logic::AiWorkerClient::workerDied);
    QSignalSpy missingFailed(&missing, &logic::AiWorkerClient::failed);
    missing.submit(job);
    ASSERT_TRUE(died.count() > 0 || died.wait(5000));
    EXPECT_TRUE(died.at(0).at(0).toString().contains("could not be started")) << died.at(0).at(0).toString().toStdString();
    EXPECT_EQ(missingFailed.count(), 1);
}

TEST_F(AiWorker, TheAiPanelsModelListComesFromTheRegistryOrSaysWhyNot) {
    logic::Document doc;
    logic::AiAssist assist(&doc, QString::fromStdString((test::binaryDir() / "bin" / "lumen-ai").string()));
    QSignalSpy listed(&assist, &logic::AiAssist::modelsChanged);
    assist.refreshModels();
    ASSERT_TRUE(listed.wait(30000));
    QStringList names;
    for (const auto& m : assist.models()) names << m.name;
    EXPECT_TRUE(names.contains("brain-structures") && names.contains("lesion-detector") && names.contains("lesion-classifier"))
        << names.join(", ").toStdString();
    EXPECT_TRUE(assist.models().front().card.contains("NOT FOR CLINICAL USE") || assist.models().front().card.contains("intended use"))
        << assist.models().front().card.toStdString();
    for (const auto& m : assist.models()) {  // a card is text for people, not JSON (the detector's FROC list was)
        EXPECT_FALSE(m.card.contains('{') || m.card.contains('[') || m.card.contains('"')) << m.card.toStdString();
        if (m.name == "lesion-detector") {
            EXPECT_TRUE(m.card.contains("fp per volume 0.5, sensitivity 0.5758")) << m.card.toStdString();
        }
    }
    EXPECT_FALSE(assist.run(assist.models().front())) << "nothing is open";

    logic::AiAssist missing(&doc, "/nonexistent/lumen-ai");
    QSignalSpy failed(&missing, &logic::AiAssist::failed);
    missing.refreshModels();
    ASSERT_TRUE(failed.count() > 0 || failed.wait(5000));
    EXPECT_TRUE(failed.at(0).at(0).toString().contains("cannot be started")) << failed.at(0).at(0).toString().toStdString();
    EXPECT_TRUE(missing.models().empty());
}

namespace {

// One training case (ch2 with the model's own labels) and one validation case (ch2bet, same grid).
std::string brainDatalist(const test::TempDir& dir, logic::AiWorkerClient& client) {
    QSignalSpy finished(&client, &logic::AiWorkerClient::finished);
    client.submit(brainJob(dir, "truth"));
    if (!finished.wait(120000)) return {};
    const std::string t = test::kMricronTemplates;
    const std::string label = (dir / "truth.seg.nii.gz").string();
    const std::string list = R"({"training": [{"image": ")" + t + R"(/ch2.nii.gz", "label": ")" + label +
                             R"("}], "validation": [{"image": ")" + t + R"(/ch2bet.nii.gz", "label": ")" + label + R"("}]})";
    std::ofstream((dir / "data.json").string()) << list;
    return (dir / "data.json").string();
}

ai::protocol::FineTuneRequest brainFineTune(const test::TempDir& dir, const std::string& data, const std::string& out) {
    ai::protocol::FineTuneRequest r;
    r.model = "brain-structures@1.0";
    r.data = data;
    r.out = (dir / out).string();
    r.iterations = 6, r.validateEvery = 3, r.checkpointEvery = 1, r.threads = 2;
    return r;
}

}  // namespace

TEST_F(AiWorker, AFineTuneRegistersANewVersionAndPausesWhileAnInferenceRuns) {
    const std::string data = brainDatalist(dir, client);
    ASSERT_FALSE(data.empty());
    QSignalSpy training(&client, &logic::AiWorkerClient::training);
    QSignalSpy paused(&client, &logic::AiWorkerClient::paused);
    QSignalSpy resumed(&client, &logic::AiWorkerClient::resumed);
    QSignalSpy tuned(&client, &logic::AiWorkerClient::fineTuned);
    QSignalSpy finished(&client, &logic::AiWorkerClient::finished);
    const QString id = client.fineTune(brainFineTune(dir, data, "tuned"));
    ASSERT_TRUE(training.wait(120000));
    // The user clicks Run while it trains, three times: inference stays busy for longer than an
    // iteration even on a loaded machine, so the fine-tune's next gate sees it.
    QStringList infers;
    for (const char* name : {"during1", "during2", "during3"}) infers << client.submit(brainJob(dir, name));
    ASSERT_TRUE(tuned.wait(300000)) << "no fine-tune result";
    while (finished.count() < 3) ASSERT_TRUE(finished.wait(120000)) << "the inferences ran";
    EXPECT_EQ(finished.at(0).at(0).toString(), infers[0]);
    ASSERT_GE(paused.count(), 1);
    EXPECT_EQ(paused.at(0).at(0).toString(), id);
    EXPECT_EQ(paused.at(0).at(1).toString(), "inference");
    EXPECT_EQ(resumed.count(), paused.count());

    ASSERT_EQ(training.count(), 6);
    for (int n = 0; n < 6; ++n) {
        EXPECT_EQ(training.at(n).at(1).toInt(), n + 1);
        EXPECT_EQ(training.at(n).at(2).toInt(), 6);
        EXPECT_GT(training.at(n).at(3).toDouble(), 0);
        EXPECT_EQ(training.at(n).at(4).toString().isEmpty(), n != 2 && n != 5) << "validation after iterations 3 and 6";
    }
    const auto summary = nlohmann::json::parse(tuned.at(0).at(2).toString().toStdString());
    EXPECT_EQ(summary.at("version"), "1.1");
    EXPECT_EQ(summary.at("parent_version"), "1.0");
    EXPECT_TRUE(summary.at("metrics").contains("validation_before"));
    EXPECT_TRUE(summary.at("metrics").contains("validation"));
    const std::filesystem::path version = tuned.at(0).at(1).toString().toStdString();
    EXPECT_TRUE(std::filesystem::exists(version / "model.json")) << version;
    EXPECT_EQ(version.parent_path().parent_path(), dir / "models") << "registered in the user's registry";
    EXPECT_FALSE(std::filesystem::exists(dir / "tuned")) << "the staging package is gone";
    EXPECT_FALSE(std::filesystem::exists(dir / "tuned.work"));
}

TEST_F(AiWorker, AFineTunePausesForTheUserAndACanceledOneResumesFromItsCheckpoint) {
    const std::string data = brainDatalist(dir, client);
    ASSERT_FALSE(data.empty());
    QSignalSpy training(&client, &logic::AiWorkerClient::training);
    QSignalSpy paused(&client, &logic::AiWorkerClient::paused);
    QSignalSpy resumed(&client, &logic::AiWorkerClient::resumed);
    QSignalSpy canceled(&client, &logic::AiWorkerClient::canceled);
    const QString id = client.fineTune(brainFineTune(dir, data, "paused"));
    ASSERT_TRUE(training.wait(120000));
    client.pause(id);
    ASSERT_TRUE(paused.wait(60000));
    EXPECT_EQ(paused.last().at(1).toString(), "user");
    const int seen = training.count();
    QTest::qWait(1500);
    EXPECT_EQ(training.count(), seen) << "no iteration while paused";
    client.resume(id);
    ASSERT_TRUE(resumed.wait(10000));
    ASSERT_TRUE(training.wait(60000));
    const int reached = training.last().at(1).toInt();
    client.cancel(id);
    ASSERT_TRUE(canceled.wait(60000));
    EXPECT_TRUE(std::filesystem::exists(dir / "paused.work/state.json")) << "a cancel keeps the checkpoint";

    // The same request (as after an app restart) picks up where it stopped.
    training.clear();
    QSignalSpy tuned(&client, &logic::AiWorkerClient::fineTuned);
    client.fineTune(brainFineTune(dir, data, "paused"));
    ASSERT_TRUE(tuned.wait(300000));
    ASSERT_GE(training.count(), 1);
    EXPECT_TRUE(training.at(0).at(5).toBool()) << "the first event says it resumed";
    EXPECT_GE(training.at(0).at(1).toInt(), reached);
    EXPECT_EQ(training.last().at(1).toInt(), 6);
}

TEST_F(AiWorker, ACancelWhileTheImageIsHandedOverStopsTheRunAndTheNextRunIsUnaffected) {
    BrainAssist brain;
    ASSERT_TRUE(brain.listModels());
    logic::Document& doc = brain.doc;
    logic::AiAssist& assist = brain.assist;
    const logic::AiModel model = *assist.registry().active("brain-structures");
    QSignalSpy finished(&assist, &logic::AiAssist::finished);
    ASSERT_TRUE(assist.run(model));
    assist.cancel();  // still writing the volume for the worker
    ASSERT_EQ(finished.count(), 1);
    EXPECT_EQ(finished.at(0).at(0).toString(), "Canceled");
    EXPECT_FALSE(assist.busy());
    ASSERT_TRUE(assist.run(model));  // at once: the first hand-over may still be running
    ASSERT_TRUE(finished.wait(120000));
    EXPECT_TRUE(finished.last().at(0).toString().contains("proposed")) << finished.last().at(0).toString().toStdString();
    EXPECT_EQ(assist.worker().pendingJobs(), 0);
    ASSERT_NE(doc.labels(), nullptr);
    EXPECT_EQ(doc.segments().size(), 3u) << "one run's labels, not two";
}

TEST_F(AiWorker, AStrokeCommittedWhileTheProposalIsReadBackIsKeptAndTheProposalStillArrives) {
    BrainAssist brain;
    ASSERT_TRUE(brain.listModels());
    logic::Document& doc = brain.doc;
    logic::AiAssist& assist = brain.assist;
    // The worker is done; AiAssist (connected first) has taken its copy of the labels and reads the
    // result on a worker thread. Meanwhile the user paints a voxel outside the head.
    QObject::connect(&assist.worker(), &logic::AiWorkerClient::finished, &doc, [&doc] {
        core::LabelMap& labels = doc.editableLabels();
        labels.labels().set({9, "marker", {255, 255, 0, 255}});
        core::LabelMapEdit stroke("brush");
        stroke.capture(labels, {{0, 0, 0}, {1, 1, 1}});
        labels.set(0, 0, 0, 9);
        stroke.finish(labels);
        doc.commitLabelEdit(std::move(stroke));
    });
    QSignalSpy finished(&assist, &logic::AiAssist::finished);
    ASSERT_TRUE(assist.run(*assist.registry().active("brain-structures")));
    ASSERT_TRUE(finished.wait(120000));
    ASSERT_TRUE(finished.last().at(0).toString().contains("proposed")) << finished.last().at(0).toString().toStdString();
    ASSERT_NE(doc.labels(), nullptr);
    EXPECT_EQ(doc.labels()->at(0, 0, 0), 9) << "the stroke is kept";
    EXPECT_EQ(doc.labels()->histogram().size(), 4u) << "the stroke and the model's three labels";
    ASSERT_TRUE(doc.undoLabelEdit());
    EXPECT_EQ(doc.labels()->histogram().size(), 1u) << "Undo takes the proposal back, not the stroke";
    EXPECT_EQ(doc.labels()->at(0, 0, 0), 9);
}

// A second run of a model must never take what the user accepted or corrected: it fills only
// empty voxels, replaces its own unreviewed proposals (no pile of copies) and says so.
TEST_F(AiWorker, ARerunKeepsAcceptedAndCorrectedLabelsAndReplacesOnlyItsUnreviewedProposals) {
    BrainAssist brain;
    ASSERT_TRUE(brain.listModels());
    logic::Document& doc = brain.doc;
    logic::AiAssist& assist = brain.assist;
    const logic::AiModel model = *assist.registry().active("brain-structures");
    QSignalSpy finished(&assist, &logic::AiAssist::finished);
    ASSERT_TRUE(assist.run(model));
    ASSERT_TRUE(finished.wait(120000));
    ASSERT_EQ(doc.proposedLabels().size(), 3u);
    const std::uint16_t accepted = doc.segments()[0].value, corrected = doc.segments()[1].value, untouched = doc.segments()[2].value;
    const std::string acceptedName = doc.labels()->labels().find(accepted)->name;
    logic::SegmentEditor editor(&doc);
    editor.acceptProposal(accepted);
    {  // a correction: `corrected` grows by one background voxel
        core::LabelMap& labels = doc.editableLabels();
        std::size_t v = 0;
        while (labels.at(v) != 0) ++v;
        core::LabelMapEdit stroke("brush");
        const auto& d = labels.geometry().dims();
        const std::size_t x = v % d[0], y = v / d[0] % d[1], z = v / (d[0] * d[1]);
        stroke.capture(labels, {{x, y, z}, {x + 1, y + 1, z + 1}});
        labels.set(v, corrected);
        stroke.finish(labels);
        doc.commitLabelEdit(std::move(stroke));
    }
    const core::LabelMap before = doc.labels()->clone();
    const auto histogram = before.histogram();

    ASSERT_TRUE(assist.run(model));
    ASSERT_TRUE(finished.wait(120000));
    const QString summary = finished.last().at(0).toString();
    EXPECT_TRUE(summary.contains("replace 1 earlier")) << summary.toStdString();
    EXPECT_TRUE(summary.contains("left as they are")) << summary.toStdString();
    const core::LabelMap& after = *doc.labels();
    std::size_t changed = 0;
    for (std::size_t v = 0; v < after.geometry().voxelCount(); ++v)
        if ((before.at(v) == accepted || before.at(v) == corrected) && after.at(v) != before.at(v)) ++changed;
    EXPECT_EQ(changed, 0u) << "accepted and corrected voxels are the user's";
    EXPECT_EQ(after.labels().find(accepted)->name, acceptedName);
    for (const auto value : doc.proposedLabels()) EXPECT_NE(value, accepted) << value;
    // The corrected proposal stays (awaiting acceptance); the new run's three replace the one
    // nobody touched: four proposals, not five.
    EXPECT_EQ(doc.proposedLabels().size(), 4u);
    EXPECT_EQ(doc.segments().size(), 5u);

    // Rejecting the new proposals leaves the accepted and corrected labels whole.
    editor.acceptProposal(corrected);
    EXPECT_EQ(editor.rejectAllProposals(), 3);
    EXPECT_EQ(doc.labels()->histogram().at(accepted), histogram.at(accepted));
    EXPECT_EQ(doc.labels()->histogram().at(corrected), histogram.at(corrected));
    // Undo walks back the rejections and the run, with names and provenance.
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(doc.undoLabelEdit());
    EXPECT_TRUE(*doc.labels() == before) << "the labels as they were before the second run";
    EXPECT_EQ(doc.segments().size(), 3u);
    // The run's labels are gone and the one it replaced is back; the acceptance made since stays.
    ASSERT_EQ(doc.proposedLabels().size(), 1u);
    EXPECT_EQ(doc.proposedLabels().front(), untouched);
}
