// lumen: the viewer. Composition only: OpenGL format, translations, theme, command line.
#include "logic/InstanceChannel.h"
#include "logic/Preferences.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"
#include "ui/VtkOpenGLWidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QWindow>
#include <QTranslator>

#include <chrono>
#include <cstdio>
#include <cstring>

namespace {
QString requestedLanguage(const QStringList& args) {
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == "--language" && i + 1 < args.size()) return args[i + 1];
        if (args[i].startsWith("--language=")) return args[i].mid(11);
    }
    return lumen::logic::Preferences::language();
}
// --startup-time: the moment the user first sees the window, i.e. when the expose (or update)
// that painted the main window has been flushed to the screen; then when the views have their
// first frames (they render after the window is shown, not before).
class FirstPaintReporter : public QObject {
public:
    FirstPaintReporter(QWidget* window) : QObject(window), window_(window) {
        window->installEventFilter(this);
        window->windowHandle()->installEventFilter(this);
    }
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (reported_) return false;
        if (watched == window_) {
            painted_ |= event->type() == QEvent::Paint;
            return false;
        }
        if (event->type() != QEvent::Expose && event->type() != QEvent::UpdateRequest) return false;
        watched->removeEventFilter(this);
        watched->event(event);  // the paint and the flush happen in here
        watched->installEventFilter(this);
        if (painted_) {
            reported_ = true;
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch());
            std::printf("first-paint-epoch-ms %lld\n", static_cast<long long>(ms.count()));
            std::fflush(stdout);
            waitForViews();
        }
        return true;
    }
    // Then the moment every visible view has shown its first frame.
    void waitForViews() {
        for (auto* view : window_->findChildren<lumen::ui::VtkOpenGLWidget*>())
            if (view->isVisible() && view->frameCount() == 0) return (void)QTimer::singleShot(1, this, [this] { waitForViews(); });
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch());
        std::printf("views-epoch-ms %lld\n", static_cast<long long>(ms.count()));
        std::fflush(stdout);
        QApplication::quit();
    }

private:
    QWidget* window_;
    bool painted_ = false, reported_ = false;
};

// --version and --help print and quit: they must work without a display (ssh, scripts, help2man).
bool onlyPrints(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        for (const char* flag : {"-v", "--version", "-h", "--help", "--help-all", "-?"})
            if (std::strcmp(argv[i], flag) == 0) return true;
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    lumen::ui::VtkOpenGLWidget::setDefaultSurfaceFormat();  // before QApplication
    if (onlyPrints(argc, argv) && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setOrganizationName("Lumen");
    QApplication::setApplicationName("Lumen");
    QApplication::setApplicationVersion(LUMEN_VERSION);
    QGuiApplication::setDesktopFileName("org.lumenviewer.Lumen");  // the desktop entry (resources/desktop): icon and name in the task bar

    // Before the parser, so that --help speaks the language too.
    // English loads its catalogue too: it holds the plural forms ("1 image", "24 images").
    QTranslator lumenTranslator, qtTranslator;
    QString lang = requestedLanguage(QApplication::arguments());
    if (lumenTranslator.load(":/i18n/lumen_" + lang + ".qm")) {
        QApplication::installTranslator(&lumenTranslator);
    } else {
        std::fprintf(stderr, "lumen: no translation for '%s', using English\n", qPrintable(lang));
        lang = "en";
        if (lumenTranslator.load(":/i18n/lumen_en.qm")) QApplication::installTranslator(&lumenTranslator);
    }
    if (lang != "en" && qtTranslator.load("qtbase_" + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QLocale::setDefault(QLocale(lang));  // numbers and dates as the UI's language writes them
    app.setProperty("lumenLanguage", lang);  // the language in use, which Preferences shows
    lumen::ui::applyDarkTheme(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Lumen, a radiology viewer with AI assist"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo("demo", QApplication::translate("main", "Open the demo study (written on first use)."));
    const QCommandLineOption screenshot("screenshot", QApplication::translate("main", "Save the window as PNG once a series is open, then quit."), "png");
    const QCommandLineOption language("language", QApplication::translate("main", "Use this language (en, de, fr) instead of the preference."), "code");
    parser.addOption(demo);
    parser.addOption(screenshot);
    parser.addOption(language);
    const QCommandLineOption startupTime("startup-time", QApplication::translate("main", "Print when the main window is first painted (ms since the epoch), then quit (benchmarks)."));
    parser.addOption(startupTime);
    const QCommandLineOption newWindow("new-window", QApplication::translate("main", "Open a window of its own even when Lumen is already running."));
    parser.addOption(newWindow);
    parser.addPositionalArgument("path", QApplication::translate("main", "A DICOM file, folder or DICOMDIR, or a NIfTI/NRRD/MHA file to open."));
    parser.process(app);

    // One window: a later launch hands its files to the running Lumen and ends. Screenshots,
    // benchmarks and --demo always get a window of their own.
    const bool ownWindow = parser.isSet(newWindow) || parser.isSet(screenshot) || parser.isSet(startupTime) || parser.isSet(demo);
    lumen::logic::InstanceChannel channel;
    if (!ownWindow && channel.handOver(parser.positionalArguments())) {
        std::printf("lumen: handed over to the running Lumen\n");
        return 0;
    }

    lumen::ui::MainWindow window;
    window.show();
    if (!ownWindow && channel.listen())
        QObject::connect(&channel, &lumen::logic::InstanceChannel::openRequested, &window, &lumen::ui::MainWindow::openFromAnotherLaunch);
    if (parser.isSet(startupTime)) new FirstPaintReporter(&window);
    if (parser.isSet(screenshot)) {
        const QString png = parser.value(screenshot);
        QObject::connect(&window, &lumen::ui::MainWindow::seriesOpened, &window, [&window, png] {
            // Let the views paint, then grab.
            QTimer::singleShot(1500, &window, [&window, png] {
                lumen::ui::VtkOpenGLWidget::grabWithViews(&window).save(png);
                QApplication::quit();
            });
        });
        QObject::connect(&window, &lumen::ui::MainWindow::failed, &app, [] { QApplication::exit(1); });
    }
    if (parser.isSet(demo)) QTimer::singleShot(0, &window, [&window] { window.openDemo(); });
    else if (!parser.positionalArguments().isEmpty()) window.importPaths(parser.positionalArguments(), true);
    return app.exec();
}
