// The viewer driven like a user (QTest, under xvfb-run): every workflow asserts what it must
// change and saves a screenshot in build/<preset>/gui-screenshots for a person to look at.
#include "ViewerFixture.h"
#include "TestSupport.h"
#include "io/LabelMapReader.h"
#include "logic/Document.h"
#include "logic/StudyBrowserModel.h"
#include "ui/FindingsPanel.h"
#include "ui/MeasurementPanel.h"
#include "ui/SegmentEditorPanel.h"
#include "ui/SliceView.h"
#include "ui/StudyBrowserPanel.h"
#include "ui/VolumeView.h"

#include <QCheckBox>
#include <QScreen>
#include <QWindow>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTreeWidget>
#include <QTest>
#include <QTreeView>
#include <QWheelEvent>

#include <gtest/gtest.h>

using namespace lumen;
using test::Viewer;

namespace {

TEST_F(Viewer, DemoOpensTheBrainInMprWithItsWindow) {
    const auto& v = window->document()->volume();
    ASSERT_FALSE(v.empty());
    EXPECT_EQ(v.geometry().dims(), (core::ImageGeometry::Dims{181, 217, 181}));
    EXPECT_EQ(window->document()->image().patient.name, "Demo^Brain");
    EXPECT_EQ(window->viewerLayout()->viewLayout(), ui::Layout::Mpr);
    EXPECT_EQ(window->viewerLayout()->visibleSliceViews().size(), 3u);
    EXPECT_TRUE(window->viewerLayout()->volumeView()->isVisible());
    EXPECT_DOUBLE_EQ(view(0)->state().windowLevel().window, 180) << "the DICOM window";
    EXPECT_EQ(view(2)->orientation(), core::ViewOrientation::Sagittal);
    test::saveScreenshot(window.get(), "01-demo-mpr");
}

TEST_F(Viewer, LayoutsSwitch) {
    const std::pair<ui::Layout, std::size_t> layouts[] = {
        {ui::Layout::Single, 1}, {ui::Layout::SideBySide, 2}, {ui::Layout::Grid, 4}, {ui::Layout::Mpr, 3}};
    int n = 0;
    for (auto [layout, views] : layouts) {
        window->setViewLayout(layout);
        settle();
        EXPECT_EQ(window->viewerLayout()->visibleSliceViews().size(), views);
        // Every view shows its whole image in the new layout (a zoom fitted to the old one had
        // cut it off in 1×2 and left the fourth view of 2×2 too close).
        for (auto* v : window->viewerLayout()->visibleSliceViews()) {
            const double shown = v->state().heightMm();
            v->fitToView();
            EXPECT_NEAR(v->state().heightMm(), shown, 1e-6) << v->objectName().toStdString();
        }
        test::saveScreenshot(window.get(), QString("02-layout-%1").arg(++n));
    }
    // The views of one series share its window: a drag in one is in all (2×2 had not followed).
    window->setViewLayout(ui::Layout::Grid);
    settle();
    drag(view(0), Qt::LeftButton, QPoint(200, 200), QPoint(260, 230));
    for (int i = 1; i < 4; ++i) {
        EXPECT_DOUBLE_EQ(view(i)->state().windowLevel().window, view(0)->state().windowLevel().window) << i;
        EXPECT_DOUBLE_EQ(view(i)->state().windowLevel().level, view(0)->state().windowLevel().level) << i;
    }
}

TEST_F(Viewer, WheelScrollsAndTheCrosshairFollows) {
    ui::SliceView* axial = view(0);
    const std::size_t before = axial->state().slice();
    const double zBefore = view(1)->state().center().z;
    wheel(axial, QPoint(100, 100), 3);
    settle();
    EXPECT_EQ(axial->state().slice(), before + 3);
    // The crosshair moved with the axial plane; the coronal view did not change its slice.
    EXPECT_DOUBLE_EQ(view(1)->state().center().z, zBefore);
    QTest::keyClick(axial, Qt::Key_PageDown);
    EXPECT_EQ(axial->state().slice(), before + 2);
    test::saveScreenshot(window.get(), "03-scrolled");
}

// Each view presents into a native child window of its own: a frame reaches the screen without
// Qt repainting the rest of the main window (a QOpenGLWidget's frame made it compose the whole
// window, docks included, on the software renderer; no widget is repainted either). What is on
// the screen is the view's frame, and a screenshot of the window shows it.
TEST_F(Viewer, AViewsFrameReachesTheScreenWithoutRepaintingTheWindow) {
    window->setViewLayout(ui::Layout::Single);
    settle();
    ui::SliceView* v = view(0);
    ASSERT_TRUE(v->surface() && v->surface()->parent() && v->surface()->isExposed()) << "a native child window inside the view";
    struct PaintCounter : QObject {
        int paints = 0;
        bool eventFilter(QObject*, QEvent* e) override {
            paints += e->type() == QEvent::Paint;
            return false;
        }
    } counter;
    for (QWidget* w : window->findChildren<QWidget*>())
        if (!qobject_cast<ui::VtkOpenGLWidget*>(w) && !w->isAncestorOf(v)) w->installEventFilter(&counter);
    // Up to three tries: a window of a GUI test running beside this one (ctest -j) that closes
    // over this one exposes it, and that repaint is not the scrolling's.
    for (int attempt = 0; attempt < 3; ++attempt) {
        window->raise();
        settle();
        counter.paints = 0;
        for (int i = 0; i < 10; ++i) {
            const auto frames = v->frameCount();
            wheel(v, QPoint(100, 100), attempt % 2 ? -1 : 1);
            ASSERT_TRUE(test::waitFor([&] { return v->frameCount() > frames; }, 5000));
        }
        if (counter.paints == 0) break;
    }
    EXPECT_EQ(counter.paints, 0) << "scrolling repainted other widgets of the window";
    settle();
    const QImage frame = v->grabFramebuffer();
    // The surface's own X window, read back from the server. Other GUI tests may run at the same
    // time on the same Xvfb screen (ctest -j) and cover it: raise the window and try again.
    double difference = 0, brightness = 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
        window->raise();
        settle(100 + 200 * attempt);
        const QImage screen = v->surface()->screen()->grabWindow(v->surface()->winId()).toImage().convertToFormat(QImage::Format_RGB32);
        ASSERT_EQ(screen.size(), frame.size());
        difference = brightness = 0;
        for (int y = 0; y < frame.height(); y += 4)
            for (int x = 0; x < frame.width(); x += 4) {
                difference += std::abs(qGray(frame.pixel(x, y)) - qGray(screen.pixel(x, y)));
                brightness += qGray(frame.pixel(x, y));
            }
        if (brightness > 0 && difference / brightness < 0.02) break;
    }
    EXPECT_GT(brightness, 0.0) << "the frame shows the brain";
    EXPECT_LT(difference / brightness, 0.02) << "the screen shows the view's frame";
    const QImage grabbed = ui::VtkOpenGLWidget::grabWithViews(window.get()).toImage();
    const QPoint at = v->mapTo(window.get(), QPoint(v->width() / 2, v->height() / 2)) * grabbed.devicePixelRatio();
    EXPECT_EQ(grabbed.pixel(at), frame.pixel(frame.width() / 2, frame.height() / 2)) << "the window's screenshot shows the view";
}

TEST_F(Viewer, LeftDragChangesWindowAndLevel) {
    window->setViewLayout(ui::Layout::Single);
    settle();
    ui::SliceView* v = view(0);
    const core::WindowLevel before = v->state().windowLevel();
    drag(v, Qt::LeftButton, QPoint(200, 200), QPoint(300, 250));
    settle();
    // 100 px right widens, 50 px down raises the level, in steps of window / 250 per pixel.
    EXPECT_GT(v->state().windowLevel().window, before.window);
    EXPECT_GT(v->state().windowLevel().level, before.level);
    v->setFocus();
    QTest::keyClick(v, Qt::Key_1);  // CT brain preset, keys 1-8
    EXPECT_DOUBLE_EQ(v->state().windowLevel().window, 80);
    test::saveScreenshot(window.get(), "04-window-level");
}

TEST_F(Viewer, RightDragZoomsAndMiddleDragPans) {
    window->setViewLayout(ui::Layout::Single);
    settle();
    ui::SliceView* v = view(0);
    const double height = v->state().heightMm();
    drag(v, Qt::RightButton, QPoint(200, 300), QPoint(200, 200));
    EXPECT_LT(v->state().heightMm(), height) << "dragging up zooms in";
    const core::Point3 centre = v->state().center();
    drag(v, Qt::MiddleButton, QPoint(200, 200), QPoint(260, 200));
    EXPECT_LT(v->state().center().x, centre.x) << "the image follows the mouse to the right";
    settle();
    test::saveScreenshot(window.get(), "05-zoom-pan");
}

TEST_F(Viewer, LengthMeasurementIsTheDistanceOnScreenInMillimetres) {
    window->setViewLayout(ui::Layout::Single);
    window->setInteractionMode(ui::InteractionMode::Length);
    settle();
    ui::SliceView* v = view(0);
    const QPoint a(150, 220), b(330, 220);
    drag(v, Qt::LeftButton, a, b);
    settle();
    const auto& items = window->document()->measurements().items();
    ASSERT_EQ(items.size(), 1u);
    const double expected = double(b.x() - a.x()) / v->state().pixelsPerMm(v->height());
    EXPECT_NEAR(items[0].value, expected, 1e-6);
    EXPECT_EQ(window->measurementPanel()->table()->rowCount(), 1);
    test::saveScreenshot(window.get(), "06-length-measurement");
    window->setInteractionMode(ui::InteractionMode::Ellipse);
    drag(v, Qt::LeftButton, QPoint(220, 150), QPoint(290, 210));
    settle();
    ASSERT_EQ(items.size(), 2u);
    EXPECT_TRUE(items[1].statistics && items[1].statistics->samples > 0);
    test::saveScreenshot(window.get(), "07-ellipse-roi");
}

TEST_F(Viewer, ImportShowsProgressAndAddsThePatient) {
    test::TempDir dir("gui-import");
    ASSERT_EQ(test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("make_series.py")) + " " +
                        test::quote(dir / "ct") + " ct_rescale 2>/dev/null").exitCode, 0);
    auto* model = static_cast<logic::StudyBrowserModel*>(window->browser()->tree()->model());
    const int patients = model->patientCount();
    int importedSeries = -1;
    QObject::connect(window.get(), &ui::MainWindow::importFinished, [&](int n) { importedSeries = n; });
    window->importPaths({QString::fromStdString((dir / "ct").string())}, false);
    QCoreApplication::processEvents();
    ASSERT_TRUE(window->progressDialog() && window->progressDialog()->isVisible());
    test::saveScreenshot(window->progressDialog(), "08-import-progress-dialog");
    ASSERT_TRUE(test::waitFor([&] { return importedSeries >= 0; }, 60000));
    EXPECT_EQ(importedSeries, 1);
    EXPECT_EQ(model->patientCount(), patients + 1);
    EXPECT_FALSE(window->progressDialog()->isVisible());
    settle();
    test::saveScreenshot(window.get(), "09-imported");
    // The summary says what was added (and would list refused files); it does not block the window.
    auto* summary = window->findChild<QDialog*>("importSummary");
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->isVisible() && !summary->isModal());
    auto* tree = summary->findChild<QTreeWidget*>("importSummaryTree");
    ASSERT_NE(tree, nullptr);
    ASSERT_GE(tree->topLevelItemCount(), 1);
    EXPECT_EQ(tree->topLevelItem(0)->childCount(), 1);
    EXPECT_TRUE(tree->topLevelItem(0)->child(0)->text(0).startsWith("CT")) << tree->topLevelItem(0)->child(0)->text(0).toStdString();
    test::saveScreenshot(summary, "09b-import-summary");
    summary->close();
}

TEST_F(Viewer, LabelMapOverlayFillAndOutline) {
    QSignalSpy surfaces(window->viewerLayout()->volumeView(), &ui::VolumeView::surfacesUpdated);
    window->document()->setLabels(io::LabelMapReader::read(std::string(test::kMricronTemplates) + "/aal.nii.gz",
                                                           window->document()->volume().geometry()));
    ASSERT_NE(window->document()->labels(), nullptr);
    settle();
    test::saveScreenshot(window.get(), "10-labels-fill");
    EXPECT_EQ(window->segmentPanel()->labelTree()->topLevelItemCount(), 116);
    EXPECT_EQ(window->segmentPanel()->labelTree()->topLevelItem(0)->text(0), "Precentral_L");
    window->segmentPanel()->outlineBox()->click();
    EXPECT_TRUE(window->segmentPanel()->style().outline);
    window->viewerLayout()->volumeView()->setVolumeVisible(false);  // the label surfaces alone in 3D
    ASSERT_TRUE(surfaces.count() > 0 || surfaces.wait(60000)) << "116 labels' surfaces, built off the GUI thread";
    settle();
    test::saveScreenshot(window.get(), "11-labels-outline-surfaces");
}

TEST_F(Viewer, CtWithBonePresetsAndComparison) {
    const QString ct = seriesWithModality("CT");
    ASSERT_FALSE(ct.isEmpty());
    openAndWait(ct);
    EXPECT_EQ(window->document()->volume().rescale().units, "HU");
    window->viewerLayout()->applyWindowLevelPreset(7);  // bone
    window->viewerLayout()->volumeView()->setPreset(render::VolumePreset::CtBone);
    settle(800);
    test::saveScreenshot(window.get(), "12-ct-bone");
    // The brain beside the CT: different frames of reference, so scrolling one leaves the other.
    openAndWait(seriesWithModality("MR"), true);
    window->setViewLayout(ui::Layout::SideBySide);
    settle();
    const std::size_t priorSlice = view(1)->state().slice();
    wheel(view(0), QPoint(100, 100), 2);
    EXPECT_EQ(view(1)->state().slice(), priorSlice);
    test::saveScreenshot(window.get(), "13-compare");

    // The comparison pane is a full view of its own series: a length drawn there is that series'
    // (its panels follow the active pane), saved when the pane changes and back when it reopens.
    window->setInteractionMode(ui::InteractionMode::Length);
    drag(view(1), Qt::LeftButton, QPoint(80, 120), QPoint(200, 160));
    ASSERT_EQ(window->viewerLayout()->activeView(), view(1));
    logic::Document* prior = view(1)->document();
    ASSERT_NE(prior, window->document());
    EXPECT_EQ(prior->measurements().items().size(), 1u);
    EXPECT_TRUE(window->document()->measurements().items().empty());
    EXPECT_EQ(window->measurementPanel()->document(), prior);
    EXPECT_EQ(window->findingsPanel()->document(), prior);
    drag(view(0), Qt::LeftButton, QPoint(80, 120), QPoint(90, 200));
    EXPECT_EQ(window->measurementPanel()->document(), window->document());
    EXPECT_EQ(window->findingsPanel()->document(), window->document());
    openAndWait(seriesWithModality("MR"));  // the brain to the main view: one series, one pane
    EXPECT_FALSE(prior->hasImage()) << "the comparison ended";
    ASSERT_EQ(window->document()->measurements().items().size(), 1u) << "the pane's length was saved and came back";
    EXPECT_EQ(window->document()->measurements().items()[0].kind, core::Measurement::Kind::Length);
}

// Long descriptions are elided within their half of the view (they had been cut at the edge and
// drawn over each other and the orientation letters); a measurement by the right edge keeps its
// label inside. Run again at 2x (QT_SCALE_FACTOR=2, ctest's "...At2x") for the high-DPI screenshot.
TEST_F(Viewer, TextInTheViewsIsElidedAndStaysInside) {
    logic::Document* doc = window->document();
    io::LoadedImage image = doc->image();
    image.fromDicom = true;
    image.patient.name = "Longname-Doublebarrel^Maximiliana Josephine Theodora";
    image.study.description = "MRI brain with and without contrast, epilepsy protocol, research study 2024-117";
    image.series.description = "T1 MPRAGE sagittal 1 mm isotropic, post-contrast, motion-corrected (MNI template)";
    doc->setImage(image);
    window->setViewLayout(ui::Layout::Grid);
    settle();
    const QString suffix = qEnvironmentVariable("LUMEN_SCREENSHOT_SUFFIX");
    QFont font("DejaVu Sans");
    font.setPixelSize(13);
    const QFontMetricsF metrics(font);
    for (int i = 0; i < 4; ++i) {
        const auto& corners = view(i)->cornerText();
        for (const auto& corner : corners)
            for (const QString& line : QString::fromStdString(corner).split('\n'))
                EXPECT_LE(metrics.horizontalAdvance(line), view(i)->width() / 2.0) << line.toStdString();
        EXPECT_TRUE(QString::fromStdString(corners[3]).contains(QChar(0x2026))) << "the long series description is elided";
    }
    window->setInteractionMode(ui::InteractionMode::Length);
    ui::SliceView* v = view(0);
    drag(v, Qt::LeftButton, QPoint(v->width() - 60, v->height() / 2), QPoint(v->width() - 8, v->height() / 2 + 30));
    window->setInteractionMode(ui::InteractionMode::WindowLevel);
    settle();
    ASSERT_EQ(doc->measurements().items().size(), 1u);
    test::saveScreenshot(window.get(), "50-text-and-edges" + suffix);
}

}  // namespace
