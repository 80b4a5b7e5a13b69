// AI assist in the viewer, as a radiologist uses it (QTest under xvfb-run): pick a bundled model
// in the AI panel, run it on the open demo brain in the worker, get its labels as one undoable
// edit with the model's provenance, and the lesion detector's findings as proposals to review.
#include "ViewerFixture.h"
#include "logic/AiAssist.h"
#include "logic/Document.h"
#include "ui/AiPanel.h"
#include "ui/FindingsPanel.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>

using namespace lumen;
using test::runModel;
using test::Viewer;

TEST_F(Viewer, TheBundledSegmentationModelRunsInTheWorkerAndUndoRemovesIt) {
    logic::Document* doc = window->document();
    ASSERT_TRUE(runModel(*window, "brain-structures")) << window->aiPanel()->statusLabel()->text().toStdString();
    const QString status = window->aiPanel()->statusLabel()->text();
    EXPECT_TRUE(status.contains("label(s)")) << status.toStdString();
    ASSERT_NE(doc->labels(), nullptr);
    const auto histogram = doc->labels()->histogram();
    ASSERT_EQ(histogram.size(), 3u) << "cerebrum, cerebellum, ventricles";
    const core::AnnotationSet set = doc->annotations();
    ASSERT_EQ(set.segments.size(), 3u);
    for (const auto& s : set.segments) {
        EXPECT_EQ(s.provenance.source, "brain-structures");
        EXPECT_FALSE(s.provenance.modelVersion.empty());
    }
    settle();
    test::saveScreenshot(window.get(), "30-ai-segmentation");
    // Undo takes the whole proposal back.
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(doc->labels()->histogram().empty());
}

TEST_F(Viewer, TheLesionDetectorsFindingsArriveAsProposals) {
    logic::Document* doc = window->document();
    ASSERT_TRUE(runModel(*window, "lesion-detector")) << window->aiPanel()->statusLabel()->text().toStdString();
    EXPECT_TRUE(window->aiPanel()->statusLabel()->text().contains("proposed")) << window->aiPanel()->statusLabel()->text().toStdString();
    ASSERT_FALSE(doc->findings().empty()) << "the detector proposes its (low-scored) candidates on the demo brain";
    for (const auto& f : doc->findings()) {
        EXPECT_EQ(f.status, core::Finding::Status::Proposed);
        EXPECT_EQ(f.provenance.source, "lesion-detector");
    }
    QTreeWidget* list = window->findingsPanel()->tree();
    EXPECT_EQ(list->topLevelItemCount(), int(doc->findings().size()));
    list->setCurrentItem(list->topLevelItem(0));  // the views go to it
    EXPECT_EQ(doc->selectedFinding(), doc->findings().front().id);
    settle();
    test::saveScreenshot(window.get(), "31-ai-findings");
}

TEST_F(Viewer, TheUncertaintyMapShowsWhereTheModelIsUnsure) {
    logic::Document* doc = window->document();
    auto* box = window->aiPanel()->findChild<QCheckBox*>("uncertainty");
    ASSERT_NE(box, nullptr);
    box->setChecked(true);
    ASSERT_TRUE(runModel(*window, "brain-structures")) << window->aiPanel()->statusLabel()->text().toStdString();
    const core::Volume& u = doc->uncertainty();
    ASSERT_FALSE(u.empty()) << "the worker's entropy map came back";
    EXPECT_TRUE(u.geometry().isApprox(doc->volume().geometry()));
    std::size_t unsure = 0, sure = 0;
    for (std::size_t v = 0; v < u.geometry().voxelCount(); ++v) (u.as<std::uint8_t>()[v] > 25 ? unsure : sure)++;
    EXPECT_GT(unsure, 1000u) << "some voxels (label borders) are uncertain";
    EXPECT_GT(sure, 4 * unsure) << "most of the image is not (the borders of the labels are)";
    settle();
    test::saveScreenshot(window.get(), "32-ai-uncertainty");
    box->setChecked(false);
    EXPECT_FALSE(doc->uncertaintyVisible());
}
