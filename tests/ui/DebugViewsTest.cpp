#include "GuiTestSupport.h"
#include "ui/SliceView.h"
#include "ui/VolumeView.h"

#include <gtest/gtest.h>

using namespace lumen;

TEST(Debug, GrabEachView) {
    test::guiApp();
    test::prepareDataFolder("debug");
    ui::MainWindow w;
    w.resize(1400, 900);
    w.show();
    bool opened = false;
    QObject::connect(&w, &ui::MainWindow::seriesOpened, [&] { opened = true; });
    w.openDemo();
    ASSERT_TRUE(test::waitFor([&] { return opened; }, 60000));
    test::waitFor([] { return false; }, 1000);
    for (int i = 0; i < 3; ++i) {
        auto* v = w.viewerLayout()->sliceView(i);
        const auto& st = v->state();
        printf("view %d orientation %d dir (%.2f %.2f %.2f) up (%.2f %.2f %.2f) center (%.1f %.1f %.1f) slice %zu/%zu\n", i,
               int(v->orientation()), st.viewDirection().x, st.viewDirection().y, st.viewDirection().z, st.up().x, st.up().y,
               st.up().z, st.center().x, st.center().y, st.center().z, st.slice(), st.slices().count());
        v->grabFramebuffer().save(test::screenshotPath(QString("debug-view%1").arg(i)));
    }
    w.viewerLayout()->volumeView()->grabFramebuffer().save(test::screenshotPath("debug-3d"));
    test::saveScreenshot(&w, "debug-window");
    w.setViewLayout(ui::Layout::Single);
    w.viewerLayout()->sliceView(0)->setOrientation(core::ViewOrientation::Sagittal);
    test::waitFor([] { return false; }, 500);
    w.viewerLayout()->sliceView(0)->grabFramebuffer().save(test::screenshotPath("debug-single-sagittal"));
}
