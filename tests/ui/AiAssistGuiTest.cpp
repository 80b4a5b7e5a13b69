// AI assist in the viewer, as a radiologist uses it (QTest under xvfb-run): pick a bundled model
// in the AI panel, run it on the open demo brain in the worker, get its labels as one undoable
// edit with the model's provenance, and the lesion detector's findings as proposals to review.
#include "ViewerFixture.h"
#include "logic/AiAssist.h"
#include "logic/Document.h"
#include "ui/AiPanel.h"
#include "ui/FindingsPanel.h"
#include "ui/SegmentEditorPanel.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
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
    const core::Volume& u = doc->heatMap();
    ASSERT_FALSE(u.empty()) << "the worker's entropy map came back";
    EXPECT_TRUE(u.geometry().isApprox(doc->volume().geometry()));
    std::size_t unsure = 0, sure = 0;
    for (std::size_t v = 0; v < u.geometry().voxelCount(); ++v) (u.as<std::uint8_t>()[v] > 25 ? unsure : sure)++;
    EXPECT_GT(unsure, 1000u) << "some voxels (label borders) are uncertain";
    EXPECT_GT(sure, 4 * unsure) << "most of the image is not (the borders of the labels are)";
    settle();
    test::saveScreenshot(window.get(), "32-ai-uncertainty");
    box->setChecked(false);
    EXPECT_FALSE(doc->heatMapVisible());
}

// Why a classifier decided (issue 21): the same box, for a classification model, asks for its
// saliency map, which comes back as the views' heat map.
TEST_F(Viewer, TheSaliencyMapShowsWhatTheClassifierDecidedOn) {
    logic::Document* doc = window->document();
    ui::AiPanel* panel = window->aiPanel();
    ASSERT_TRUE(test::waitFor([&] { return panel->modelTree()->topLevelItemCount() > 0; }, 30000));
    ASSERT_TRUE(panel->selectModel("lesion-classifier"));
    auto* box = panel->findChild<QCheckBox*>("uncertainty");
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains("Saliency")) << box->text().toStdString();
    box->setChecked(true);
    ASSERT_TRUE(runModel(*window, "lesion-classifier")) << panel->statusLabel()->text().toStdString();
    ASSERT_TRUE(test::waitFor([&] { return !doc->heatMap().empty(); }, 30000)) << "the saliency map came back";
    const core::Volume& map = doc->heatMap();
    EXPECT_TRUE(map.geometry().isApprox(doc->volume().geometry()));
    std::size_t strong = 0, weak = 0;
    for (std::size_t v = 0; v < map.geometry().voxelCount(); ++v) (map.as<std::uint8_t>()[v] > 128 ? strong : weak)++;
    EXPECT_GT(strong, 0u) << "its peak is drawn";
    EXPECT_GT(weak, 20 * strong) << "and it is a peak: most of the brain weighs little";
    auto* peak = panel->findChild<QPushButton*>("saliencyPeak");
    ASSERT_NE(peak, nullptr);
    ASSERT_TRUE(test::waitFor([&] { return peak->isVisible(); }, 5000));
    peak->click();
    settle();
    test::saveScreenshot(window.get(), "35-ai-saliency");
    box->setChecked(false);  // the map hidden: no peak to go to; shown again: there is
    EXPECT_FALSE(peak->isVisible());
    box->setChecked(true);
    EXPECT_TRUE(peak->isVisible());
    ASSERT_TRUE(panel->selectModel("brain-structures"));
    EXPECT_TRUE(box->text().contains("Uncertainty")) << box->text().toStdString();
    box->setChecked(false);
}

// The card, machine-checked (issue 21): a brain model on the chest-abdomen CT is not run until the
// user says so, the panel says why, and what it then makes is flagged label by label.
TEST_F(Viewer, ABrainModelOnTheCtAsksFirstAndFlagsWhatItMade) {
    openAndWait(seriesWithModality("CT"));
    ui::AiPanel* panel = window->aiPanel();
    ASSERT_TRUE(test::waitFor([&] { return panel->modelTree()->topLevelItemCount() > 0; }, 30000));
    ASSERT_TRUE(panel->selectModel("brain-structures"));
    panel->runButton()->click();
    settle();
    EXPECT_FALSE(window->aiAssist()->busy()) << "not sent to the worker";
    ASSERT_TRUE(panel->warningView()->isVisible());
    const QString before = panel->warningView()->toPlainText();
    EXPECT_TRUE(before.contains("was not made for this image")) << before.toStdString();
    EXPECT_TRUE(before.contains("the image is CT; the model is for MR")) << before.toStdString();
    EXPECT_TRUE(before.contains("CHESTABDOMEN")) << before.toStdString();
    ASSERT_TRUE(panel->runAnywayButton()->isVisible());
    EXPECT_TRUE(window->document()->labels() == nullptr || window->document()->labels()->histogram().empty());
    test::saveScreenshot(window.get(), "33-ai-not-made-for-this-image");

    panel->runAnywayButton()->click();
    ASSERT_TRUE(test::waitFor([&] { return panel->runButton()->isEnabled(); }, 180000)) << panel->statusLabel()->text().toStdString();
    settle();
    const QString after = panel->warningView()->toPlainText();
    EXPECT_TRUE(panel->warningView()->isVisible());
    EXPECT_TRUE(after.contains("Do not trust this result")) << after.toStdString();
    EXPECT_TRUE(after.contains("Cerebrum and brainstem is")) << after.toStdString() << ": the implausible volume, by name";
    EXPECT_FALSE(panel->runAnywayButton()->isVisible());
    // Each proposal carries what concerns it: the unfit image all of them, its own flags each.
    int proposals = 0;
    for (const auto& segment : window->document()->segments()) {
        if (!segment.proposed) continue;
        ++proposals;
        EXPECT_NE(segment.provenance.caution.find("the image is CT; the model is for MR"), std::string::npos) << segment.provenance.caution;
        const core::Label* label = window->document()->labels()->labels().find(segment.value);
        if (label && label->name == "Cerebrum and brainstem") {
            EXPECT_NE(segment.provenance.caution.find("Cerebrum and brainstem is"), std::string::npos) << segment.provenance.caution;
        }
    }
    EXPECT_EQ(proposals, 3);
    QTreeWidget* rows = window->segmentPanel()->labelTree();
    ASSERT_GT(rows->topLevelItemCount(), 0);
    EXPECT_TRUE(rows->topLevelItem(0)->text(3).startsWith(QStringLiteral("⚠"))) << rows->topLevelItem(0)->text(3).toStdString();
    EXPECT_TRUE(rows->topLevelItem(0)->toolTip(3).contains("Check this proposal with particular care")) << rows->topLevelItem(0)->toolTip(3).toStdString();
    test::saveScreenshot(window.get(), "34-ai-result-flagged");

    // Another series: a clean panel.
    openAndWait(seriesWithModality("MR"));
    EXPECT_FALSE(panel->warningView()->isVisible());
}
