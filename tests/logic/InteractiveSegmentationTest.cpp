// AI click's model (logic::InteractiveSegmentation) against a real `lumen-ai worker` session on the
// demo brain, with the tests' rule network as the model (like the clicked intensity is object, a
// positive click always, a negative one never; deterministic): every step a proposal painted as one undoable edit, prompt
// undo/redo equal to what was shown before, labels drawn before kept, accept with the effort.
#include "TestSupport.h"
#include "io/ImageLoader.h"
#include "logic/AiWorkerClient.h"
#include "logic/Document.h"
#include "logic/InteractiveSegmentation.h"

#include "CoreApp.h"

#include <QTest>

#include <gtest/gtest.h>

#include <filesystem>

using namespace lumen;
using ai::InteractivePrompt;

namespace {

class AiClick : public ::testing::Test {
protected:
    void SetUp() override {
        test::coreApp();
        if (!std::filesystem::exists(std::string(test::kMricronTemplates) + "/ch2.nii.gz")) GTEST_SKIP() << "mricron-data missing";
        qputenv("LUMEN_DATA_DIR", QByteArray::fromStdString(dir.path().string()));
        const auto made = test::run(test::quote((test::binaryDir() / "bin" / "make_interactive_rule_package").string()) + " " +
                                    test::quote((dir / "models/interactive-rule/1.0").string()));
        ASSERT_EQ(made.exitCode, 0) << made.err;
        doc.setImage(io::ImageLoader::load(std::string(test::kMricronTemplates) + "/ch2.nii.gz"));
        logic::AiModel m;
        m.name = "interactive-rule", m.version = "1.0", m.task = "interactive_segmentation";
        tool.setModel(m);
    }
    bool settled() { return QTest::qWaitFor([this] { return !tool.busy(); }, 90000); }
    std::uint16_t labelAt(const core::Point3& p) const {
        const auto x = doc.volume().geometry().worldToIndex(p);
        const auto& d = doc.volume().geometry().dims();
        return doc.labels()->at((std::size_t(std::lround(x.z)) * d[1] + std::size_t(std::lround(x.y))) * d[0] + std::size_t(std::lround(x.x)));
    }
    std::vector<std::uint16_t> voxels() const {
        std::vector<std::uint16_t> v(doc.volume().geometry().voxelCount());
        for (std::size_t i = 0; i < v.size(); ++i) v[i] = doc.labels()->at(i);
        return v;
    }
    const core::SegmentInfo* segment(std::uint16_t value) const {
        for (const auto& s : doc.segments())
            if (s.value == value) return &s;
        return nullptr;
    }

    test::TempDir dir{"ai-click"};
    logic::Document doc;
    logic::AiWorkerClient worker{QString::fromStdString((test::binaryDir() / "bin" / "lumen-ai").string())};
    logic::InteractiveSegmentation tool{&doc, &worker};
    // Left centrum semiovale and a point 8 mm behind it (LPS, mm: MNI's RAS with x and y negated).
    const core::Point3 a{26, 10, 30}, b{26, 18, 30};
};

}  // namespace

TEST_F(AiClick, ClicksPaintOneProposalUndoRedoShowWhatWasShownAndAcceptRecordsTheEffort) {
    // A label drawn before the tool is used, at b: never painted over.
    core::LabelMap& labels = doc.editableLabels();
    labels.labels().set({1, "Drawn", {0, 0, 255, 255}});
    {
        const auto x = doc.volume().geometry().worldToIndex(b);
        const auto& d = doc.volume().geometry().dims();
        core::LabelMapEdit edit("draw");
        edit.capture(labels, core::VoxelRegion::whole(doc.volume().geometry()));
        labels.set((std::size_t(std::lround(x.z)) * d[1] + std::size_t(std::lround(x.y))) * d[0] + std::size_t(std::lround(x.x)), 1);
        edit.finish(labels);
        doc.commitLabelEdit(std::move(edit));
    }
    const std::size_t edits = doc.labelUndo().undoCount();

    // Three clicks at once (the session is still starting): one request, one step, one edit.
    ASSERT_TRUE(tool.addPrompt(InteractivePrompt::click(a, true)));
    ASSERT_TRUE(tool.addPrompt(InteractivePrompt::click(b, true)));
    ASSERT_TRUE(tool.addPrompt(InteractivePrompt::click(a + core::Vector3{0, 0, 4}, true)));
    ASSERT_TRUE(settled());
    const std::uint16_t object = tool.objectLabel();
    ASSERT_NE(object, 0);
    EXPECT_NE(object, 1) << "a label of its own";
    EXPECT_EQ(doc.labelUndo().undoCount(), edits + 1);
    EXPECT_EQ(tool.prompts().size(), 3u);
    EXPECT_EQ(labelAt(a), object);
    EXPECT_EQ(labelAt(b), 1) << "the drawn label is kept";
    const core::SegmentInfo* s = segment(object);
    ASSERT_NE(s, nullptr);
    EXPECT_TRUE(s->proposed);
    EXPECT_EQ(s->provenance.source, "interactive-rule");
    EXPECT_EQ(s->provenance.prompts, 3u);
    const std::vector<std::uint16_t> afterClicks = voxels();

    // A negative click where the object is: gone there.
    ASSERT_TRUE(tool.addPrompt(InteractivePrompt::click(a, false)));
    ASSERT_TRUE(settled());
    EXPECT_NE(labelAt(a), object);
    const std::vector<std::uint16_t> afterNegative = voxels();

    // Undo the prompt: exactly what was shown before it; redo: exactly after it.
    ASSERT_TRUE(tool.undo());
    ASSERT_TRUE(settled());
    EXPECT_EQ(voxels(), afterClicks);
    EXPECT_EQ(tool.prompts().size(), 3u);
    EXPECT_TRUE(tool.canRedo());
    ASSERT_TRUE(tool.redo());
    ASSERT_TRUE(settled());
    EXPECT_EQ(voxels(), afterNegative);
    ASSERT_TRUE(tool.undo());
    ASSERT_TRUE(settled());
    EXPECT_FALSE(tool.canRedo() && tool.prompts().size() != 3u);

    // Accept: an annotation, reviewed, with the prompts it took and the time spent.
    ASSERT_TRUE(tool.accept());
    s = segment(object);
    ASSERT_NE(s, nullptr);
    EXPECT_FALSE(s->proposed);
    EXPECT_EQ(s->provenance.prompts, 3u);
    EXPECT_GT(s->provenance.editSeconds, 0.0);
    EXPECT_EQ(tool.objectLabel(), 0);

    // The next click is another object, which never paints over the accepted one.
    ASSERT_TRUE(tool.addPrompt(InteractivePrompt::click(a + core::Vector3{0, 0, -20}, true)));
    ASSERT_TRUE(settled());
    ASSERT_NE(tool.objectLabel(), 0);
    EXPECT_NE(tool.objectLabel(), object);
    EXPECT_EQ(labelAt(a + core::Vector3{0, 0, 4}), object);
    // Document undo takes that step back like any edit.
    EXPECT_TRUE(doc.undoLabelEdit());
    EXPECT_EQ(voxels(), afterClicks);
}

TEST_F(AiClick, AnObjectCorrectedWithTheBrushIsLeftAsCorrectedAndRefineGoesOnFromIt) {
    ASSERT_TRUE(tool.addPrompt(InteractivePrompt::click(a, true)));
    ASSERT_TRUE(settled());
    const std::uint16_t object = tool.objectLabel();
    ASSERT_NE(object, 0);
    // The user paints the object at c (the other hemisphere's lateral ventricle, unlike the white
    // matter clicked), where the model found nothing.
    const core::Point3 c{-12, 14, 22};
    ASSERT_NE(labelAt(c), object);
    core::LabelMap& labels = doc.editableLabels();
    core::LabelMapEdit edit("brush");
    edit.capture(labels, core::VoxelRegion::whole(doc.volume().geometry()));
    const auto x = doc.volume().geometry().worldToIndex(c);
    const auto& d = doc.volume().geometry().dims();
    for (long k = -5; k <= 5; ++k)  // a brush dab, 11 mm across: seen at the coarsest ROI spacing (6 mm) too
        for (long j = -5; j <= 5; ++j)
            for (long i = -5; i <= 5; ++i)
                labels.set((std::size_t(std::lround(x.z) + k) * d[1] + std::size_t(std::lround(x.y) + j)) * d[0] + std::size_t(std::lround(x.x) + i),
                           object);
    edit.finish(labels);
    doc.commitLabelEdit(std::move(edit), 1.0);
    const std::vector<std::uint16_t> corrected = voxels();
    // A click now is another object: the corrected one stays exactly as corrected.
    ASSERT_TRUE(tool.addPrompt(InteractivePrompt::click(b + core::Vector3{0, 0, -20}, true)));
    ASSERT_TRUE(settled());
    EXPECT_NE(tool.objectLabel(), object);
    std::vector<std::uint16_t> now = voxels();
    for (std::size_t v = 0; v < now.size(); ++v)
        if (corrected[v] == object) {
            ASSERT_EQ(now[v], object);
        }
    // Refine goes on from what the label map shows: the corrected voxel stays (the rule keeps what
    // the mask holds). Had the worker gone on from its own mask, the step would have taken it away.
    ASSERT_TRUE(tool.refine(object));
    ASSERT_TRUE(tool.addPrompt(InteractivePrompt::click(b, true)));
    ASSERT_TRUE(settled());
    EXPECT_EQ(tool.objectLabel(), object);
    EXPECT_EQ(labelAt(c), object);
    EXPECT_EQ(labelAt(b), object);
    EXPECT_EQ(tool.prompts().size(), 1u) << "Refine started a new run of prompts";
    for (const auto& s : doc.segments())
        if (s.value == object) {  // the effort adds up: the click before, the brush's second, the click after
            EXPECT_EQ(s.provenance.prompts, 2u);
            EXPECT_GE(s.provenance.editSeconds, 1.0);
            EXPECT_TRUE(s.proposed);
        }
}

TEST_F(AiClick, AnObjectAcceptedElsewhereIsDoneAndTheNextClickStartsAnother) {
    ASSERT_TRUE(tool.addPrompt(InteractivePrompt::click(a, true)));
    ASSERT_TRUE(settled());
    const std::uint16_t object = tool.objectLabel();
    ASSERT_NE(object, 0);
    for (auto& s : doc.segments())  // as the Segment editor's Accept all does
        if (s.value == object) s.proposed = false;
    doc.labelTableEdited();
    const std::vector<std::uint16_t> accepted = voxels();
    ASSERT_TRUE(tool.addPrompt(InteractivePrompt::click(a, false)));  // would take a away from the object
    ASSERT_TRUE(tool.addPrompt(InteractivePrompt::click(b + core::Vector3{0, 0, -20}, true)));
    ASSERT_TRUE(settled());
    EXPECT_NE(tool.objectLabel(), object);
    EXPECT_EQ(labelAt(a), object) << "the accepted annotation is not touched";
    const std::vector<std::uint16_t> now = voxels();
    for (std::size_t v = 0; v < accepted.size(); ++v)
        if (accepted[v] == object) {
            ASSERT_EQ(now[v], object);
        }
}

TEST_F(AiClick, WithoutAModelOrImageItSaysWhyAndDoesNothing) {
    logic::Document empty;
    logic::InteractiveSegmentation none{&empty, &worker};
    EXPECT_FALSE(none.addPrompt(InteractivePrompt::click(a, true)));
    logic::InteractiveSegmentation noModel{&doc, &worker};
    EXPECT_FALSE(noModel.addPrompt(InteractivePrompt::click(a, true)));
    EXPECT_FALSE(noModel.busy());
    EXPECT_FALSE(noModel.refine(1));
}
