// The whole AI loop in the viewer, as an annotator goes through it (QTest under xvfb-run, the real
// lumen-ai worker): segment the demo brain with the bundled model, correct it with the eraser and
// the brush, add it to the model's training set; a second brain becomes the locked validation
// case; fine-tune a few iterations with live plots; the new version's before/after metrics; make
// it active and roll back in the model manager; the lesion detector's proposals accepted and
// rejected; SEG and SR exported through the File menu (dciodvfy checks them).
#include "TestSupport.h"
#include "ViewerFixture.h"
#include "logic/AiAssist.h"
#include "logic/Document.h"
#include "logic/FineTuneController.h"
#include "logic/SegmentEditor.h"
#include "ui/AiDocks.h"
#include "ui/AiPanel.h"
#include "ui/FindingsPanel.h"
#include "ui/ModelManagerDialog.h"
#include "ui/SegmentEditorPanel.h"
#include "ui/TrainingChart.h"
#include "ui/TrainingPanel.h"

#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>

#include <filesystem>

using namespace lumen;
using test::answerFileDialog;
using test::menuAction;
using test::runModel;
using test::Viewer;

namespace {

std::size_t voxelsOf(const logic::Document& doc, std::uint16_t value) {
    const auto h = doc.labels()->histogram();
    const auto it = h.find(value);
    return it == h.end() ? 0 : it->second;
}

std::uint16_t labelNamed(const logic::Document& doc, const std::string& name) {
    for (const auto& l : doc.labels()->labels().labels())
        if (l.name == name) return l.value;
    return 0;
}

}  // namespace

TEST_F(Viewer, SegmentCorrectAddToTrainingSetFineTuneRollBackReviewFindingsAndExport) {
    logic::Document* doc = window->document();
    ui::AiDocks* ai = window->aiDocks();
    ui::TrainingPanel* training = ai->trainingPanel();

    // 1. The bundled segmentation model on the demo brain.
    ASSERT_TRUE(runModel(*window, "brain-structures")) << window->aiPanel()->statusLabel()->text().toStdString();
    ASSERT_NE(doc->labels(), nullptr);
    EXPECT_EQ(training->model(), "brain-structures") << "the training panel follows the AI panel's model";
    const std::uint16_t cerebellum = labelNamed(*doc, "Cerebellum");
    const std::uint16_t cerebrum = labelNamed(*doc, "Cerebrum and brainstem");
    ASSERT_NE(cerebellum, 0);
    ASSERT_NE(cerebrum, 0);

    // 2. Correct it: erase part of the cerebrum label, paint cerebellum elsewhere.
    ui::SliceView* axial = view(0);
    const QPoint c(axial->width() / 2, axial->height() / 2);
    const std::size_t before = voxelsOf(*doc, cerebrum);
    window->segmentEditor()->setActiveLabel(cerebrum);
    window->segmentEditor()->setBrushRadius(6);
    window->setInteractionMode(ui::InteractionMode::Erase);
    drag(axial, Qt::LeftButton, c - QPoint(60, 20), c + QPoint(60, 20));
    EXPECT_LT(voxelsOf(*doc, cerebrum), before) << "erased";
    window->segmentEditor()->setActiveLabel(cerebellum);
    window->setInteractionMode(ui::InteractionMode::Paint);
    const std::size_t cerebellumBefore = voxelsOf(*doc, cerebellum);
    drag(axial, Qt::LeftButton, c + QPoint(-30, 40), c + QPoint(30, 40));
    EXPECT_GT(voxelsOf(*doc, cerebellum), cerebellumBefore) << "painted";
    settle();
    test::saveScreenshot(window.get(), "40-ai-corrected");
    // Proposals are not annotations yet: accept the corrected labels.
    ui::SegmentEditorPanel* segments = window->segmentPanel();
    ASSERT_TRUE(segments->button("acceptAllLabels")->isVisible());
    segments->button("acceptAllLabels")->click();
    for (const auto& s : doc->segments()) {
        EXPECT_FALSE(s.proposed);
        EXPECT_EQ(s.provenance.source, "brain-structures");
    }
    EXPECT_TRUE(test::waitFor([&] { return !segments->button("acceptAllLabels")->isVisible(); }, 5000));

    // 3. Add it to the training set: the Training tab lists it with its correction effort.
    window->findChild<QDockWidget*>("trainingDock")->raise();
    training->button("addTraining")->click();
    ASSERT_TRUE(test::waitFor([&] { return training->casesTree()->topLevelItemCount() == 1; }, 60000))
        << training->statusLabel()->text().toStdString();
    QTreeWidgetItem* first = training->casesTree()->topLevelItem(0);
    EXPECT_EQ(first->text(1), "training");
    EXPECT_TRUE(first->text(3).contains("voxels")) << first->text(3).toStdString();

    // 4. A second brain (mricron's ch2bet) becomes the locked validation case.
    opened.clear();
    window->importPaths({QString(test::kMricronTemplates) + "/ch2bet.nii.gz"}, true);
    ASSERT_TRUE(test::waitFor([this] { return !opened.isEmpty(); }, 120000));
    settle();
    ASSERT_TRUE(runModel(*window, "brain-structures"));
    window->aiPanel()->findChild<QPushButton*>("acceptAllProposals")->click();
    training->button("addValidation")->click();
    ASSERT_TRUE(test::waitFor([&] { return training->casesTree()->topLevelItemCount() == 2; }, 60000));
    EXPECT_TRUE(training->casesTree()->topLevelItem(0)->text(1).contains("validation"));
    training->casesTree()->setCurrentItem(training->casesTree()->topLevelItem(0));
    EXPECT_FALSE(training->button("removeCase")->isEnabled()) << "validation cases are locked";
    settle();
    test::saveScreenshot(window.get(), "41-training-set");

    // 5. Fine-tune a few iterations: live loss and score, then the before/after table.
    training->setIterations(6);
    ASSERT_TRUE(training->button("fineTune")->isEnabled());
    training->button("fineTune")->click();
    ASSERT_TRUE(test::waitFor([&] { return training->chart()->lossPoints() >= 2; }, 180000)) << training->statusLabel()->text().toStdString();
    settle(200);
    test::saveScreenshot(window.get(), "42-fine-tuning");
    ASSERT_TRUE(test::waitFor([&] { return training->resultTable()->isVisible(); }, 300000)) << training->statusLabel()->text().toStdString();
    EXPECT_EQ(training->chart()->lossPoints(), 6);
    EXPECT_GE(training->chart()->scorePoints(), 2);
    ASSERT_GE(training->resultTable()->rowCount(), 2);
    EXPECT_EQ(training->resultTable()->item(0, 0)->text(), "score");
    EXPECT_TRUE(training->statusLabel()->text().contains("1.1")) << training->statusLabel()->text().toStdString();
    settle();
    test::saveScreenshot(window.get(), "43-fine-tune-result");

    // 6. Make it active, then roll back in the model manager.
    auto& registry = window->aiAssist()->registry();
    QPushButton* activate = training->button("activateResult");
    ASSERT_TRUE(test::waitFor([&] { return activate->isEnabled(); }, 30000));
    activate->click();
    ASSERT_TRUE(test::waitFor([&] { return registry.active("brain-structures") && registry.active("brain-structures")->version == "1.1"; }, 30000));
    ui::ModelManagerDialog* manager = ai->showModelManager();
    ASSERT_TRUE(test::waitFor([&] { return manager->select("brain-structures", "1.1"); }, 30000));
    settle();
    test::saveScreenshot(manager, "44-model-manager");
    manager->button("rollbackModel")->click();
    ASSERT_TRUE(test::waitFor([&] { return registry.active("brain-structures") && registry.active("brain-structures")->version == "1.0"; }, 30000));
    EXPECT_TRUE(manager->statusLabel()->text().contains("Rolling back")) << manager->statusLabel()->text().toStdString();
    manager->close();
    // The before/after table is read back from 1.1's provenance (as after a restart): another model
    // hides it, coming back shows it again with what is active now.
    const int resultRows = training->resultTable()->rowCount();
    training->setModel("lesion-detector");
    EXPECT_TRUE(training->resultTable()->isHidden());
    training->setModel("brain-structures");
    ASSERT_FALSE(training->resultTable()->isHidden());
    EXPECT_EQ(training->resultTable()->rowCount(), resultRows);
    EXPECT_TRUE(training->statusLabel()->text().contains("Last fine-tune: brain-structures 1.1 from 1.0"))
        << training->statusLabel()->text().toStdString();
    EXPECT_TRUE(training->statusLabel()->text().contains("not active")) << training->statusLabel()->text().toStdString();
    QApplication::setActiveWindow(window.get());  // the dialog had it; keyboard review needs the window active

    // 7. Back on the demo brain: the lesion detector's proposals, one accepted, one rejected.
    openAndWait(seriesWithModality("MR"));
    ASSERT_TRUE(runModel(*window, "lesion-detector"));
    ASSERT_GE(doc->findings().size(), 2u);
    // Keyboard review: the list has focus on the first (highest-scored) proposal; A accepts it and
    // moves on, R rejects the next.
    QTreeWidget* list = window->findingsPanel()->tree();
    ASSERT_TRUE(list->hasFocus());
    const auto reviewedFirst = doc->selectedFinding();
    ASSERT_TRUE(reviewedFirst.has_value());
    QTest::keyClick(list, Qt::Key_A);
    EXPECT_EQ(doc->finding(*reviewedFirst)->status, core::Finding::Status::Accepted);
    ASSERT_NE(doc->selectedFinding(), reviewedFirst) << "the next proposal is selected";
    const auto reviewedSecond = doc->selectedFinding();
    QTest::keyClick(list, Qt::Key_R);
    EXPECT_EQ(doc->finding(*reviewedSecond)->status, core::Finding::Status::Rejected);
    EXPECT_FALSE(menuAction(*window, "toolAngle")->isChecked()) << "A went to the list, not to the Angle tool";
    settle();
    test::saveScreenshot(window.get(), "45-findings-reviewed");
    int accepted = 0, rejected = 0;
    for (const auto& f : doc->findings()) {
        accepted += f.status == core::Finding::Status::Accepted;
        rejected += f.status == core::Finding::Status::Rejected;
    }
    EXPECT_EQ(accepted, 1);
    EXPECT_EQ(rejected, 1);

    // The walk that crashed (issue 14): another series, back to the brain, the detector again,
    // then keyboard review. The re-run replaces its unreviewed proposals and does not repeat the
    // reviewed ones, so nothing piles up; the first proposal gets the focus without a dangling item.
    const std::size_t findingsBefore = doc->findings().size();
    openAndWait(seriesWithModality("CT"));
    openAndWait(seriesWithModality("MR"));
    ASSERT_EQ(doc->findings().size(), findingsBefore) << "the workspace kept the review";
    ASSERT_TRUE(runModel(*window, "lesion-detector"));
    EXPECT_EQ(doc->findings().size(), findingsBefore) << "no duplicated proposals";
    const QString said = window->aiPanel()->statusLabel()->text();
    EXPECT_TRUE(said.contains("replace") || said.contains("repeat")) << said.toStdString() << ": the panel says what the re-run did";
    QTest::keyClick(list, Qt::Key_A);
    settle();

    // 8. Export SEG and SR through the File menu; dciodvfy finds no errors.
    test::TempDir out{"gui-export"};
    const QString seg = QString::fromStdString((out / "segmentation.dcm").string());
    const QString sr = QString::fromStdString((out / "report.dcm").string());
    answerFileDialog(seg);
    menuAction(*window, "exportSeg")->trigger();
    ASSERT_TRUE(test::waitFor([&] { return !window->exchanging(); }, 60000));  // written off the GUI thread
    answerFileDialog(sr);
    menuAction(*window, "exportSr")->trigger();
    ASSERT_TRUE(test::waitFor([&] { return !window->exchanging(); }, 60000));
    ASSERT_TRUE(std::filesystem::exists(seg.toStdString()));
    ASSERT_TRUE(std::filesystem::exists(sr.toStdString()));
    EXPECT_TRUE(test::dciodvfyErrors(seg.toStdString(), "Segmentation").empty());
    EXPECT_TRUE(test::dciodvfyErrors(sr.toStdString(), "Comprehensive3DSR").empty());
}
