// The annotation workflows driven like an annotator (QTest under xvfb-run): painting, slice
// interpolation, lasso, undo; reviewing and editing findings by their handles; the recovery
// offer after a crash. Each saves screenshots in build/<preset>/gui-screenshots.
#include "ViewerFixture.h"
#include "logic/AnnotationStore.h"
#include "logic/Document.h"
#include "logic/SegmentEditor.h"
#include "ui/FindingsPanel.h"
#include "ui/SegmentEditorPanel.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QTreeWidget>

using namespace lumen;
using test::Viewer;

namespace {

// Voxels of `label` on axial slice k of the document's label map.
std::size_t onSlice(const logic::Document& doc, std::size_t k, std::uint16_t label = 1) {
    const core::LabelMap* m = doc.labels();
    if (!m) return 0;
    const auto& d = m->geometry().dims();
    std::size_t n = 0;
    for (std::size_t j = 0; j < d[1]; ++j)
        for (std::size_t i = 0; i < d[0]; ++i) n += m->at(i, j, k) == label;
    return n;
}

QPoint display(ui::SliceView* v, const core::Point3& world) {
    double x = 0, y = 0;
    v->state().worldToDisplay(world, v->width(), v->height(), x, y);
    return QPoint(int(std::lround(x)), int(std::lround(y)));
}

}  // namespace

TEST_F(Viewer, PaintInterpolateLassoAndUndo) {
    logic::Document* doc = window->document();
    ui::SliceView* axial = view(0);
    window->setInteractionMode(ui::InteractionMode::Paint);
    window->segmentEditor()->setBrushRadius(5);
    const QPoint c(axial->width() / 2, axial->height() / 2);
    // The demo brain's axial slices run along the grid's k axis.
    const std::size_t first = axial->state().slice();
    drag(axial, Qt::LeftButton, c - QPoint(40, 0), c + QPoint(40, 0));
    ASSERT_GT(onSlice(*doc, first), 100u);
    EXPECT_EQ(doc->labelUndo().undoCount(), 1u);
    wheel(axial, c, 12);
    const std::size_t second = axial->state().slice();
    ASSERT_EQ(second, first + 12);
    drag(axial, Qt::LeftButton, c - QPoint(20, 30), c + QPoint(20, 30));
    const std::size_t middle = (first + second) / 2;
    EXPECT_EQ(onSlice(*doc, middle), 0u);
    window->segmentPanel()->button("interpolate")->click();
    EXPECT_GT(onSlice(*doc, middle), 50u) << "the slices between are filled";
    EXPECT_EQ(doc->labelUndo().undoCount(), 3u);
    wheel(axial, c, -6);
    EXPECT_TRUE(test::waitFor([&] { return window->segmentPanel()->labelTree()->topLevelItemCount() == 1; }, 5000));
    test::saveScreenshot(window.get(), "20-painted-and-interpolated");

    // Ctrl+Z takes the interpolation back, Ctrl+Shift+Z brings it again.
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(onSlice(*doc, middle), 0u);
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_GT(onSlice(*doc, middle), 50u);

    // A second label drawn with the lasso: a triangle on the current slice.
    window->segmentEditor()->addLabel("lesion");
    window->setInteractionMode(ui::InteractionMode::Lasso);
    const std::size_t here = axial->state().slice();
    const QPoint a = c + QPoint(-60, 50), b = c + QPoint(10, 50), t = c + QPoint(-60, -10);
    std::vector<QPoint> path;
    for (auto [from, to] : {std::pair{a, b}, std::pair{b, t}})
        for (int step = 1; step <= 8; ++step) path.push_back(from + (to - from) * step / 8);
    QTest::mousePress(axial, Qt::LeftButton, {}, a);
    for (const QPoint& q : path) {
        QMouseEvent move(QEvent::MouseMove, q, axial->mapToGlobal(q), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(axial, &move);
    }
    QTest::mouseRelease(axial, Qt::LeftButton, {}, a);  // closes the polygon
    const std::size_t lassoed = onSlice(*doc, here, 2);
    // The triangle's legs are 70 and 60 pixels: its area in voxels at this zoom.
    const double mmPerPixel = axial->state().heightMm() / axial->height();
    EXPECT_NEAR(double(lassoed), 0.5 * 70 * 60 * mmPerPixel * mmPerPixel, 0.2 * 0.5 * 70 * 60 * mmPerPixel * mmPerPixel);
    EXPECT_TRUE(test::waitFor([&] { return window->segmentPanel()->labelTree()->topLevelItemCount() == 2; }, 5000));
    window->setInteractionMode(ui::InteractionMode::Paint);
    QMouseEvent hover(QEvent::MouseMove, c + QPoint(60, -40), axial->mapToGlobal(c + QPoint(60, -40)), Qt::NoButton, Qt::NoButton, {});
    QApplication::sendEvent(axial, &hover);  // the brush outline under the mouse
    settle();
    test::saveScreenshot(window.get(), "21-lasso-and-brush-outline");
}

TEST_F(Viewer, FindingsAreReviewedAndEditedByTheirHandles) {
    logic::Document* doc = window->document();
    ui::SliceView* axial = view(0);
    const core::Point3 centre = axial->state().center();
    core::Finding proposal;
    proposal.className = "lesion";
    proposal.score = 0.87;
    proposal.status = core::Finding::Status::Proposed;
    proposal.boxMin = centre - core::Vector3{12, 10, 8};
    proposal.boxMax = centre + core::Vector3{12, 10, 8};
    proposal.provenance.source = "lesion-detector";
    proposal.provenance.modelVersion = "3";
    const auto id = doc->addFinding(proposal);
    core::Finding other = proposal;
    other.id = 0;
    other.score = 0.31;
    other.boxMin = centre + core::Vector3{20, 20, -5};
    other.boxMax = centre + core::Vector3{35, 32, 5};
    const auto otherId = doc->addFinding(other);
    QTreeWidget* tree = window->findingsPanel()->tree();
    ASSERT_EQ(tree->topLevelItemCount(), 2);
    EXPECT_EQ(tree->topLevelItem(0)->text(2), "proposed");

    // Select the first in the list: the views go to it.
    tree->setCurrentItem(tree->topLevelItem(0));
    EXPECT_EQ(doc->selectedFinding(), id);
    window->setInteractionMode(ui::InteractionMode::Findings);
    settle();
    // Drag its right edge 30 pixels to the right (axial: screen right is the patient's left, +x).
    const core::Point3 edge = centre + axial->state().right() * 12;
    drag(axial, Qt::LeftButton, display(axial, edge), display(axial, edge) + QPoint(30, 0));
    const core::Finding* f = doc->finding(id);
    ASSERT_NE(f, nullptr);
    const double moved = (f->boxMax - proposal.boxMax).norm() + (f->boxMin - proposal.boxMin).norm();
    EXPECT_NEAR(moved, 30 * axial->state().heightMm() / axial->height(), 1.0);
    EXPECT_EQ(f->status, core::Finding::Status::Edited);
    EXPECT_TRUE(f->provenance.editedByUser);
    EXPECT_GT(f->provenance.editSeconds, 0.0);  // the drag is correction effort
    window->findingsPanel()->button("accept")->click();
    EXPECT_EQ(doc->finding(id)->status, core::Finding::Status::Edited) << "accepted after correction stays 'edited'";

    // Reject the other; rename the first's class in the list.
    tree->setCurrentItem(tree->topLevelItem(1));
    window->findingsPanel()->button("reject")->click();
    EXPECT_EQ(doc->finding(otherId)->status, core::Finding::Status::Rejected);
    tree->topLevelItem(0)->setText(0, "metastasis");
    EXPECT_EQ(doc->finding(id)->className, "metastasis");
    tree->setCurrentItem(tree->topLevelItem(0));
    settle();
    test::saveScreenshot(window.get(), "22-findings-reviewed");
    // Shortcuts reach the active window only: ctest runs other GUI tests on the same X server,
    // whose windows may have taken activation meanwhile.
    QApplication::setActiveWindow(window.get());
    QTest::keyClick(axial, Qt::Key_Delete);
    EXPECT_EQ(doc->finding(id), nullptr);
}

TEST_F(Viewer, AfterACrashTheAutosaveIsOffered) {
    window->annotationStore()->setDebounceMs(50);
    window->setInteractionMode(ui::InteractionMode::Paint);
    ui::SliceView* axial = view(0);
    const QPoint c(axial->width() / 2, axial->height() / 2);
    QSignalSpy autosaved(window->annotationStore(), &logic::AnnotationStore::autosaved);
    drag(axial, Qt::LeftButton, c - QPoint(30, 0), c + QPoint(30, 0));
    ASSERT_TRUE(autosaved.wait(5000));
    const std::size_t painted = window->document()->labels()->histogram().at(1);
    window.reset();  // dies without closing: nothing saved but the autosave

    window = std::make_unique<ui::MainWindow>();
    window->resize(1400, 900);
    window->show();
    bool asked = false;
    QTimer answer;
    QObject::connect(&answer, &QTimer::timeout, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()); box && box->objectName() == "recoveryQuestion") {
            asked = true;
            test::saveScreenshot(box, "23-recovery-offer");
            for (auto* button : box->buttons())
                if (button->text() == "Restore") return button->click();
        }
    });
    answer.start(100);
    opened.clear();
    QObject::connect(window.get(), &ui::MainWindow::seriesOpened, [this](const QString& uid) { opened = uid; });
    window->openDemo();
    ASSERT_TRUE(test::waitFor([this] { return !opened.isEmpty(); }, 120000));
    ASSERT_TRUE(test::waitFor([&] { return asked; }, 10000)) << "no recovery question";
    ASSERT_TRUE(test::waitFor([&] { return window->document()->labels() != nullptr; }, 5000));
    EXPECT_EQ(window->document()->labels()->histogram().at(1), painted);
    EXPECT_TRUE(window->annotationStore()->dirty()) << "restored, not yet saved";
}
