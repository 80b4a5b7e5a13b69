// The viewer's AI worker client against a real `lumen-ai worker` process: a job's progress and
// result, cancel, and a worker killed mid-job (the job fails cleanly, the next one restarts it).
#include "TestSupport.h"
#include "logic/AiAssist.h"
#include "logic/AiWorkerClient.h"
#include "logic/Document.h"

#include "CoreApp.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>

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
    EXPECT_FALSE(assist.run(assist.models().front())) << "nothing is open";

    logic::AiAssist missing(&doc, "/nonexistent/lumen-ai");
    QSignalSpy failed(&missing, &logic::AiAssist::failed);
    missing.refreshModels();
    ASSERT_TRUE(failed.count() > 0 || failed.wait(5000));
    EXPECT_TRUE(failed.at(0).at(0).toString().contains("cannot be started")) << failed.at(0).at(0).toString().toStdString();
    EXPECT_TRUE(missing.models().empty());
}
