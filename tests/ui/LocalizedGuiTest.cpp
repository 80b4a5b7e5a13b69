// The main window in German, as a German radiologist has it: every toolbar command reachable at
// 1400 px, and below that behind the toolbar's overflow arrow, numbers with the locale's decimal comma.
#include "GuiTestSupport.h"
#include "core/Measurement.h"
#include "logic/AiModel.h"
#include "logic/Document.h"
#include "logic/MeasurementList.h"

#include <QLocale>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace lumen;

namespace {

class German : public ::testing::Test {
protected:
    void SetUp() override {
        test::guiApp();
        // A folder per test: ctest runs the German tests in parallel processes.
        test::prepareDataFolder(QString("German-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        ASSERT_TRUE(translator_.load(":/i18n/lumen_de.qm"));
        QCoreApplication::installTranslator(&translator_);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    }
    void TearDown() override {
        QCoreApplication::removeTranslator(&translator_);
        QLocale::setDefault(QLocale::c());
    }
    QTranslator translator_;
};

TEST_F(German, EveryToolbarCommandIsOnTheToolbarOrBehindItsOverflowArrow) {
    for (const int width : {1280, 1400, 1600}) {
        ui::MainWindow window;
        window.resize(width, 900);
        window.show();
        test::waitFor([] { return false; }, 300);
        ASSERT_LE(window.width(), width + 1) << "the toolbars must not force the window wider than the screen";
        for (auto* bar : window.findChildren<QToolBar*>()) {
            auto* arrow = bar->findChild<QToolButton*>("qt_toolbar_ext_button");
            const bool overflows = arrow && arrow->isVisible();
            for (QAction* a : bar->actions()) {
                if (a->isSeparator() || !a->isVisible()) continue;
                QWidget* w = bar->widgetForAction(a);
                const bool shown = w && w->isVisible() && bar->rect().contains(w->geometry()) &&
                                   window.rect().contains(QRect(w->mapTo(&window, QPoint()), w->size()));
                EXPECT_TRUE(shown || (overflows && width < 1400)) << width << " px, " << bar->objectName().toStdString() << ": \""
                                                << a->text().toStdString() << "\" is cut off (an overflow arrow is for narrower windows only)";
            }
        }
        if (width == 1400) test::saveScreenshot(&window, "60-german-1400");
    }
}

TEST_F(German, NumbersUseTheDecimalComma) {
    core::Measurement length;
    length.kind = core::Measurement::Kind::Length;
    length.value = 97.5;
    EXPECT_EQ(logic::measurementText(length), "97,5 mm");
    core::Measurement ellipse;
    ellipse.kind = core::Measurement::Kind::Ellipse;
    ellipse.value = 13660;
    ellipse.statistics = core::RegionStatistics{};
    ellipse.statistics->samples = 10;
    ellipse.statistics->mean = 40.25;
    ellipse.statistics->standardDeviation = 2;
    EXPECT_TRUE(logic::measurementText(ellipse).startsWith("Mittel 40,3 ± 2,0")) << logic::measurementText(ellipse).toStdString();
    EXPECT_TRUE(logic::measurementText(ellipse).endsWith("136,60 cm²")) << logic::measurementText(ellipse).toStdString();
}

TEST_F(German, MeasurementNamesTasksAndTheDeviceAreGerman) {
    logic::MeasurementList list;
    core::Measurement m;
    m.kind = core::Measurement::Kind::Length;
    list.add(m);
    list.add(m);
    m.kind = core::Measurement::Kind::Rectangle;
    list.add(m);
    EXPECT_EQ(list.items()[1].label, "Länge 2");
    EXPECT_EQ(list.items()[2].label, "Rechteck 1");
    EXPECT_EQ(logic::taskTitle("segmentation"), "Segmentierung");
    EXPECT_EQ(logic::deviceTitle("CPU, 2 threads"), "CPU, 2 Threads");
    EXPECT_EQ(logic::deviceTitle("CPU, 1 thread"), "CPU, 1 Thread");
    EXPECT_EQ(logic::deviceTitle("GPU: NVIDIA H100"), "GPU: NVIDIA H100");
}

}  // namespace
