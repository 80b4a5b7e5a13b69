#include "ui/MainWindowMenus.h"

#include "ui/Theme.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QToolButton>

namespace lumen::ui {

QMenu* MainWindowMenus::build(QMainWindow* window, const MainWindowActions& a) {
    const auto act = [&a](const QString& name) { return a.byName.at(name); };
    QMenuBar* menus = window->menuBar();
    QMenu* file = menus->addMenu(tr("&File"));
    for (const char* k : {"import", "importDicomdir", "openFile", "demo"}) file->addAction(act(k));
    file->addSeparator();
    file->addAction(act("saveAnnotations"));
    QMenu* exportMenu = file->addMenu(tr("&Export annotations"));
    for (const char* k : {"exportSeg", "exportSr", "exportRtStruct", "exportNifti", "exportSegNrrd"}) exportMenu->addAction(act(k));
    QMenu* importMenu = file->addMenu(tr("Import &annotations"));
    for (const char* k : {"importSeg", "importSr", "importRtStruct"}) importMenu->addAction(act(k));
    importMenu->addAction(act("loadLabels"));
    file->addAction(act("exportAnonymised"));
    file->addAction(act("sendToPacs"));
    file->addSeparator();
    file->addAction(act("screenshot"));
    file->addAction(act("preferences"));
    file->addSeparator();
    file->addAction(act("quit"));
    QMenu* edit = menus->addMenu(tr("&Edit"));
    for (const char* k : {"undo", "redo", "deleteMeasurement"}) edit->addAction(act(k));
    QMenu* view = menus->addMenu(tr("&View"));
    for (auto* a : a.layouts->actions()) view->addAction(a);
    view->addSeparator();
    QMenu* presets = view->addMenu(tr("Window / level &presets"));
    for (int i = 0; i < 9; ++i) presets->addAction(act(QString("preset%1").arg(i)));
    for (const char* k : {"invert", "reset", "cine", "hideIdentity", "linkScroll", "alignToGrid", "fullScreen"}) view->addAction(act(k));
    QMenu* tools = menus->addMenu(tr("&Tools"));
    for (auto* a : a.tools->actions()) tools->addAction(a);
    tools->addSeparator();
    tools->addAction(act("loadLabels"));
    QMenu* threeD = menus->addMenu(tr("&3D"));
    for (auto* a : a.presets3d->actions()) threeD->addAction(a);
    threeD->addSeparator();
    threeD->addAction(act("volumeRendering"));
    threeD->addAction(a.clipping);
    QMenu* ai = menus->addMenu(tr("&AI"));  // filled by AiDocks
    QMenu* help = menus->addMenu(tr("&Help"));
    help->addAction(act("shortcuts"));
    help->addAction(act("about"));

    // Two rows that fit 1400 px in German and French too (the longest labels); what does not fit
    // a narrower window goes behind each toolbar's overflow arrow. Toolbar labels are short forms
    // (iconText); the menus keep the full ones.
    const auto toolbar = [window](const QString& title, const char* name) {
        QToolBar* bar = window->addToolBar(title);
        bar->setObjectName(name);
        bar->setMovable(false);
        return bar;
    };
    const auto menuButton = [](QToolBar* bar, const QString& text, QMenu* menu) {
        auto* button = new QToolButton(bar);
        button->setText(text);
        button->setMenu(menu);
        button->setPopupMode(QToolButton::InstantPopup);
        bar->addWidget(button);
    };
    QToolBar* bar = toolbar(tr("Main"), "mainToolbar");
    bar->addAction(act("import"));
    bar->addSeparator();
    for (auto* a : a.layouts->actions()) bar->addAction(a);
    bar->addSeparator();
    const QStringList annotationTools{"toolPaint", "toolErase", "toolFill", "toolLasso", "toolFindings", "toolAiClick"};
    for (auto* a : a.tools->actions())
        if (!annotationTools.contains(a->objectName())) bar->addAction(a);
    bar->addSeparator();
    menuButton(bar, tr("W/L presets"), presets);
    for (const char* k : {"invert", "reset"}) bar->addAction(act(k));
    act("reset")->setIconText(tr("Reset"));

    window->addToolBarBreak();
    QToolBar* annotate = toolbar(tr("Annotate"), "annotateToolbar");
    for (const auto& name : annotationTools) annotate->addAction(act(name));
    annotate->addSeparator();
    for (const char* k : {"undo", "redo", "saveAnnotations"}) annotate->addAction(act(k));
    act("undo")->setIconText(tr("Undo"));
    act("redo")->setIconText(tr("Redo"));
    act("saveAnnotations")->setIconText(tr("Save"));
    QToolBar* display = toolbar(tr("Display"), "displayToolbar");
    for (const char* k : {"cine", "linkScroll"}) display->addAction(act(k));
    act("linkScroll")->setIconText(tr("Link"));
    menuButton(display, tr("3D preset"), threeD);
    display->addAction(act("screenshot"));
    act("screenshot")->setIconText(tr("Screenshot"));
    for (auto* b : {bar, annotate, display}) showOverflowArrow(b);
    return ai;
}

}  // namespace lumen::ui
