#include "GuiTestSupport.h"

#include "TestSupport.h"
#include "io/DemoStudy.h"
#include "ui/VtkOpenGLWidget.h"

#include <QDir>
#include <QElapsedTimer>
#include <QThread>

#include <filesystem>

namespace lumen::test {

QApplication& guiApp() {
    static QApplication* app = [] {
        ui::VtkOpenGLWidget::setDefaultSurfaceFormat();
        static int argc = 1;
        static char name[] = "ui_tests";
        static char* argv[] = {name, nullptr};
        qputenv("LUMEN_NO_DIALOGS", "1");
        auto* a = new QApplication(argc, argv);
        QApplication::setOrganizationName("LumenTests");
        QApplication::setApplicationName("LumenTests");
        return a;
    }();
    return *app;
}

QString prepareDataFolder(const QString& name) {
    const auto dir = binaryDir() / "test-tmp" / ("gui-" + name.toStdString());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    // One shared small demo (the CT cut to 40 slices) written once per build tree.
    // ctest runs GUI tests in parallel processes; DemoStudy::write is atomic, so one of them
    // writes the shared copy and the others find it.
    static const auto demo = [] {
        const auto d = binaryDir() / "test-tmp" / "gui-demo-study";
        if (!io::DemoStudy::exists(d.string())) {
            try {
                io::DemoStudy::write(d.string(), 40);
            } catch (const std::exception&) {
                if (!io::DemoStudy::exists(d.string())) throw;  // another process won the race
            }
        }
        return d;
    }();
    std::filesystem::copy(demo, dir / "demo", std::filesystem::copy_options::recursive);
    qputenv("LUMEN_DATA_DIR", QByteArray::fromStdString(dir.string()));
    return QString::fromStdString(dir.string());
}

bool waitFor(const std::function<bool()>& done, int ms) {
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return done();
}

QString screenshotPath(const QString& name) {
    const QString dir = QString::fromStdString((binaryDir() / "gui-screenshots").string());
    QDir().mkpath(dir);
    return dir + "/" + name + ".png";
}

void saveScreenshot(QWidget* widget, const QString& name) {
    QCoreApplication::processEvents();
    ui::VtkOpenGLWidget::grabWithViews(widget).save(screenshotPath(name));
}

}  // namespace lumen::test
