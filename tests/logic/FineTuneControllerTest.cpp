// The training loop headless, against the real `lumen-ai worker`: the model's proposals on the
// real brain become training and locked-validation cases, a fine-tune streams losses and
// validation scores and registers a new inactive version with before/after metrics, the registry
// activates and rolls back; a fine-tune interrupted by quitting resumes in a new session, and a
// canceled one leaves nothing behind.
#include "TestSupport.h"
#include "logic/AiAssist.h"
#include "logic/AiWorkerClient.h"
#include "logic/Document.h"
#include "logic/FineTuneController.h"
#include "logic/ModelRegistryClient.h"
#include "logic/SegmentEditor.h"
#include "logic/TrainingSetStore.h"

#include "CoreApp.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace lumen;
namespace fs = std::filesystem;

namespace {

QString lumenAi() { return QString::fromStdString((test::binaryDir() / "bin" / "lumen-ai").string()); }

class FineTune : public ::testing::Test {
protected:
    void SetUp() override {
        test::coreApp();
        if (!fs::exists(std::string(test::kMricronTemplates) + "/ch2.nii.gz")) GTEST_SKIP() << "mricron-data missing";
        qputenv("LUMEN_DATA_DIR", QByteArray::fromStdString(dir.path().string()));
    }

    // Opens a template, runs the bundled brain model on it and adds the result to the training set.
    void addCase(logic::AiAssist& assist, const char* file, bool validation) {
        doc.setImage(io::ImageLoader::load(std::string(test::kMricronTemplates) + "/" + file));
        QSignalSpy finished(&assist, &logic::AiAssist::finished);
        ASSERT_TRUE(assist.run(*assist.registry().active("brain-structures")));
        ASSERT_TRUE(finished.wait(120000));
        EXPECT_THROW(logic::TrainingSetStore::draft(doc, *assist.registry().active("brain-structures"), validation), std::runtime_error)
            << "proposals are not a training case until accepted";
        EXPECT_EQ(logic::SegmentEditor(&doc).acceptAllProposals(), 3);
        store.add(logic::TrainingSetStore::draft(doc, *assist.registry().active("brain-structures"), validation));
    }

    void prepare(logic::AiAssist& assist) {
        QSignalSpy listed(&assist, &logic::AiAssist::modelsChanged);
        assist.refreshModels();
        ASSERT_TRUE(listed.wait(30000));
        ASSERT_NE(assist.registry().active("brain-structures"), nullptr);
        addCase(assist, "ch2.nii.gz", false);
        addCase(assist, "ch2bet.nii.gz", true);
    }

    test::TempDir dir{"finetune"};
    logic::Document doc;
    logic::TrainingSetStore store{QString::fromStdString((dir / "training/brain-structures").string())};
    logic::FineTuneSettings settings = [] {
        logic::FineTuneSettings s;
        s.iterations = 4, s.validateEvery = 2, s.threads = 2;
        return s;
    }();
};

}  // namespace

TEST_F(FineTune, ANewVersionWithBeforeAfterMetricsThatTheRegistryActivatesAndRollsBack) {
    logic::AiAssist assist(&doc, lumenAi());
    prepare(assist);
    logic::FineTuneController tuner(&assist.worker());
    // Without a validation case there is nothing to compare against: refused.
    logic::TrainingSetStore empty{QString::fromStdString((dir / "training/none").string())};
    QSignalSpy failed(&tuner, &logic::FineTuneController::failed);
    EXPECT_FALSE(tuner.start(*assist.registry().active("brain-structures"), empty, settings));
    ASSERT_EQ(failed.count(), 1);

    QSignalSpy finished(&tuner, &logic::FineTuneController::finished);
    QSignalSpy iterations(&tuner, &logic::FineTuneController::iteration);
    ASSERT_TRUE(tuner.start(*assist.registry().active("brain-structures"), store, settings));
    EXPECT_TRUE(logic::FineTuneController::interrupted(store.folder()).has_value()) << "remembered while it runs";
    ASSERT_TRUE(finished.wait(300000)) << (failed.count() > 1 ? failed.last().at(0).toString().toStdString() : "");
    const auto result = finished.at(0).at(0).value<logic::FineTuneResult>();
    EXPECT_EQ(result.name, "brain-structures");
    EXPECT_EQ(result.version, "1.1");
    EXPECT_EQ(result.parentVersion, "1.0");
    EXPECT_EQ(result.iterations, 4);
    ASSERT_FALSE(result.metrics.empty());
    EXPECT_EQ(result.metrics[0].metric, "score");
    bool hd95 = false;
    for (const auto& r : result.metrics) hd95 |= r.metric.contains("hd95") && !r.higherIsBetter;
    EXPECT_TRUE(hd95) << "distances: lower is better";
    EXPECT_EQ(result.worse, result.metrics[0].after < result.metrics[0].before);
    EXPECT_EQ(iterations.count(), 4);
    EXPECT_EQ(tuner.losses().size(), 4);
    EXPECT_EQ(tuner.scores().size(), 2);
    EXPECT_FALSE(logic::FineTuneController::interrupted(store.folder()).has_value());
    EXPECT_EQ(tuner.state(), logic::FineTuneController::State::Idle);

    // Registered, not active; activate, then roll back to the parent.
    auto& registry = assist.registry();
    QSignalSpy listed(&registry, &logic::ModelRegistryClient::modelsChanged);
    registry.refresh();
    ASSERT_TRUE(listed.wait(30000));
    const logic::AiModel* tuned = registry.find("brain-structures", "1.1");
    ASSERT_NE(tuned, nullptr);
    EXPECT_FALSE(tuned->active);
    EXPECT_EQ(tuned->parentVersion, "1.0");
    EXPECT_EQ(tuned->trainingCases, 1);
    EXPECT_NEAR(tuned->validationScore, result.metrics[0].after, 1e-4);
    EXPECT_NEAR(tuned->parentValidationScore, result.metrics[0].before, 1e-4);
    registry.activate("brain-structures", "1.1");
    ASSERT_TRUE(listed.wait(30000));
    EXPECT_EQ(registry.active("brain-structures")->version, "1.1");
    registry.rollback("brain-structures");
    ASSERT_TRUE(listed.wait(30000));
    EXPECT_EQ(registry.active("brain-structures")->version, "1.0");
}

TEST_F(FineTune, AFineTuneInterruptedByQuittingResumesInTheNextSessionAndACanceledOneLeavesNothing) {
    settings.iterations = 30;
    {
        logic::AiAssist assist(&doc, lumenAi());
        prepare(assist);
        logic::FineTuneController tuner(&assist.worker());
        QSignalSpy iterations(&tuner, &logic::FineTuneController::iteration);
        ASSERT_TRUE(tuner.start(*assist.registry().active("brain-structures"), store, settings));
        while (iterations.count() < 3) ASSERT_TRUE(iterations.wait(120000));
    }  // the app quits: the worker stops at a checkpoint
    const auto interrupted = logic::FineTuneController::interrupted(store.folder());
    ASSERT_TRUE(interrupted.has_value());
    EXPECT_EQ(interrupted->model, "brain-structures");
    EXPECT_EQ(interrupted->parentVersion, "1.0");
    EXPECT_EQ(interrupted->iterations, 30);

    logic::AiWorkerClient worker(lumenAi());
    logic::FineTuneController tuner(&worker);
    QSignalSpy iterations(&tuner, &logic::FineTuneController::iteration);
    ASSERT_TRUE(tuner.resumeInterrupted(store.folder()));
    ASSERT_TRUE(iterations.wait(120000));
    EXPECT_GE(iterations.at(0).at(0).toInt(), 3) << "it went on from its checkpoint";
    QSignalSpy canceled(&tuner, &logic::FineTuneController::canceled);
    tuner.cancel();
    ASSERT_TRUE(canceled.wait(60000));
    EXPECT_FALSE(logic::FineTuneController::interrupted(store.folder()).has_value());
    ASSERT_TRUE(fs::exists(dir / "training/brain-structures/runs"));
    EXPECT_TRUE(fs::is_empty(dir / "training/brain-structures/runs")) << "no checkpoints left";
    EXPECT_FALSE(fs::exists(dir / "models/brain-structures")) << "no version registered";
}

TEST_F(FineTune, TheModelManagerImportsAPackageAndSaysWhyABundleIsNotOne) {
    // A package from elsewhere: the bundled model under a new version, copied as a folder.
    const fs::path package = dir / "incoming";
    fs::copy(test::sourceDir() / "resources/models/brain-structures/1.0", package, fs::copy_options::recursive);
    fs::permissions(package / "model.json", fs::perms::owner_write, fs::perm_options::add);
    std::string manifest = test::readText(package / "model.json");
    manifest.replace(manifest.rfind("\"version\": \"1.0\""), 16, "\"version\": \"2.0\"");  // the top-level one is last
    std::ofstream((package / "model.json").string()) << manifest;

    logic::ModelRegistryClient registry(lumenAi());
    QSignalSpy listed(&registry, &logic::ModelRegistryClient::modelsChanged);
    QSignalSpy changed(&registry, &logic::ModelRegistryClient::changed);
    QSignalSpy failed(&registry, &logic::ModelRegistryClient::failed);
    registry.importPackage(QString::fromStdString(package.string()));
    ASSERT_TRUE(listed.wait(30000));
    ASSERT_EQ(changed.count(), 1) << (failed.isEmpty() ? "" : failed.at(0).at(0).toString().toStdString());
    const logic::AiModel* imported = registry.find("brain-structures", "2.0");
    ASSERT_NE(imported, nullptr);
    EXPECT_FALSE(imported->active) << "imported, not activated";
    EXPECT_EQ(registry.active("brain-structures")->version, "1.0");

    registry.importMonaiBundle(QString::fromStdString(package.string()));  // a package is not a MONAI bundle
    ASSERT_TRUE(listed.wait(30000));
    ASSERT_EQ(failed.count(), 1);
    EXPECT_TRUE(failed.at(0).at(0).toString().contains("MONAI bundle")) << failed.at(0).at(0).toString().toStdString();
}
