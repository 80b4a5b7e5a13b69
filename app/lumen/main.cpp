// lumen: the viewer. Composition only: OpenGL format, translations, theme, command line.
#include "logic/Preferences.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QSurfaceFormat>
#include <QTimer>
#include <QTranslator>

int main(int argc, char** argv) {
    // VTK renders with OpenGL 3.2 core into the views; this has to be set before QApplication.
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setRedBufferSize(8);
    format.setGreenBufferSize(8);
    format.setBlueBufferSize(8);
    format.setAlphaBufferSize(8);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    format.setSamples(0);
    format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
    QSurfaceFormat::setDefaultFormat(format);

    QApplication app(argc, argv);
    QApplication::setOrganizationName("Lumen");
    QApplication::setApplicationName("Lumen");
    QApplication::setApplicationVersion("0.1.0");

    QTranslator lumenTranslator, qtTranslator;
    const QString language = lumen::logic::Preferences::language();
    if (language != "en") {
        if (lumenTranslator.load(":/i18n/lumen_" + language + ".qm")) QApplication::installTranslator(&lumenTranslator);
        if (qtTranslator.load("qtbase_" + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&qtTranslator);
    }
    lumen::ui::applyDarkTheme(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Lumen, a radiology viewer with AI assist"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo("demo", QApplication::translate("main", "Open the demo study (written on first use)."));
    const QCommandLineOption screenshot("screenshot", QApplication::translate("main", "Save the window as PNG once a series is open, then quit."), "png");
    parser.addOption(demo);
    parser.addOption(screenshot);
    parser.addPositionalArgument("path", QApplication::translate("main", "A DICOM file, folder or DICOMDIR, or a NIfTI/NRRD/MHA file to open."));
    parser.process(app);

    lumen::ui::MainWindow window;
    window.show();
    if (parser.isSet(screenshot)) {
        const QString png = parser.value(screenshot);
        QObject::connect(&window, &lumen::ui::MainWindow::seriesOpened, &window, [&window, png] {
            // Let the views paint, then grab.
            QTimer::singleShot(1500, &window, [&window, png] {
                window.grab().save(png);
                QApplication::quit();
            });
        });
        QObject::connect(&window, &lumen::ui::MainWindow::failed, &app, [] { QApplication::exit(1); });
    }
    if (parser.isSet(demo)) QTimer::singleShot(0, &window, [&window] { window.openDemo(); });
    else if (!parser.positionalArguments().isEmpty()) window.importPaths(parser.positionalArguments(), true);
    return app.exec();
}
