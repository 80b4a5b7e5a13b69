#include "ui/MainWindow.h"

#include "core/Progress.h"
#include "core/WindowLevel.h"
#include "io/DemoStudy.h"
#include "io/LabelMapReader.h"
#include "logic/AiAssist.h"
#include "logic/AnnotationExchange.h"
#include "logic/AnnotationStore.h"
#include "logic/DataLocations.h"
#include "logic/Document.h"
#include "logic/ImportJob.h"
#include "logic/Preferences.h"
#include "logic/SegmentEditor.h"
#include "logic/SeriesLoadJob.h"
#include "logic/StudyBrowserModel.h"
#include "render/VolumePreset.h"
#include "ui/MeasurementPanel.h"
#include "ui/AiDocks.h"
#include "ui/AiPanel.h"
#include "ui/FindingsPanel.h"
#include "ui/ImportSummaryDialog.h"
#include "logic/InteractiveSegmentation.h"
#include "ui/InteractivePanel.h"
#include "ui/MainWindowMenus.h"
#include "ui/SegmentEditorPanel.h"
#include "ui/internal/ToolkitNames.h"
#include "ui/PreferencesDialog.h"
#include "ui/ShortcutsDialog.h"
#include "ui/SliceView.h"
#include "ui/StudyBrowserPanel.h"
#include "ui/VolumeView.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QThread>
#include <QTimer>
#include <QWindow>

namespace lumen::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      document_(new logic::Document(this)),
      prior_(new logic::Document(this)),
      model_(new logic::StudyBrowserModel(logic::DataLocations::databasePath(), this, false)),
      editor_(new logic::SegmentEditor(document_, this)),
      store_(new logic::AnnotationStore(document_, logic::DataLocations::dataDirectory(), this)),
      priorStore_(new logic::AnnotationStore(prior_, logic::DataLocations::dataDirectory(), this)),
      assist_(new logic::AiAssist(document_, {}, this)) {
    setObjectName("mainWindow");
    setAcceptDrops(true);
    viewer_ = new ViewerLayout(document_, prior_, this);
    viewer_->setSegmentEditor(editor_);
    // Asked once the series is on screen, so the user sees what the recovery is about.
    connect(store_, &logic::AnnotationStore::recoveryAvailable, this, &MainWindow::offerRecovery, Qt::QueuedConnection);
    connect(store_, &logic::AnnotationStore::failed, this, &MainWindow::reportError);
    // The comparison pane is a full view of its own series: its annotations are restored and
    // what is drawn there is kept, in that series' workspace.
    connect(priorStore_, &logic::AnnotationStore::failed, this, &MainWindow::reportError);
    connect(store_, &logic::AnnotationStore::autosaved, this, [this] { statusBar()->showMessage(tr("Annotations autosaved"), 2000); });
    connect(store_, &logic::AnnotationStore::saved, this, [this] { statusBar()->showMessage(tr("Annotations saved"), 4000); });
    connect(editor_, &logic::SegmentEditor::refused, this, [this](const QString& why) { statusBar()->showMessage(why, 4000); });
    connect(editor_, &logic::SegmentEditor::reported, this, [this](const QString& what) { statusBar()->showMessage(what, 8000); });
    setCentralWidget(viewer_);
    cursorLabel_ = new QLabel(this);
    // A fixed width: text that changes with every mouse move must not relayout the window (that
    // repainted the whole view area on each brush move).
    cursorLabel_->setFixedWidth(cursorLabel_->fontMetrics().horizontalAdvance("(-000.0, -000.0, -000.0) mm  -0.0000e+00 HU") + 8);
    statusBar()->addPermanentWidget(cursorLabel_);
    buildActions();
    buildMenusAndToolbars();
    buildDocks();
    connect(viewer_, &ViewerLayout::cursorInfo, cursorLabel_, &QLabel::setText);
    connect(document_, &logic::Document::imageChanged, this, &MainWindow::updateTitle);
    viewer_->setHidePatientIdentity(logic::Preferences::hidePatientIdentity());
    hideIdentity_->setChecked(logic::Preferences::hidePatientIdentity());

    QSettings settings;
    resize(1400, 900);
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions() {
    auto add = [&](const QString& key, const QString& text, const QKeySequence& shortcut, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcut(shortcut);
        a->setObjectName(key);
        connect(a, &QAction::triggered, this, slot);
        actions_[key] = a;
        addAction(a);
        return a;
    };
    add("import", tr("&Import folder…"), QKeySequence(Qt::CTRL | Qt::Key_I), [this] { importDialog(false); });
    add("importDicomdir", tr("Import &DICOMDIR…"), QKeySequence(), [this] { importDialog(true); });
    add("openFile", tr("&Open image file…"), QKeySequence(Qt::CTRL | Qt::Key_O), [this] { openImageFileDialog(); });
    add("demo", tr("Open the &demo study"), QKeySequence(), [this] { openDemo(); });
    add("screenshot", tr("Save &screenshot…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), [this] { saveScreenshot(); });
    add("saveAnnotations", tr("&Save annotations"), QKeySequence::Save, [this] {
        store_->save();
        if (const QString pacs = logic::Preferences::sendAfterSaveServer(); !pacs.isEmpty() && document_->hasImage() && document_->image().fromDicom)
            sendToPacs(pacs);
    });
    add("sendToPacs", tr("Send annotations to &PACS…"), QKeySequence(), [this] { sendToPacs(); });
    // With AI click on, undo and redo step through its prompts (each repaints the object).
    add("undo", tr("&Undo label edit"), QKeySequence::Undo, [this] {
        if (!(aiClickOn() && aiDocks_->interactive()->undo())) document_->undoLabelEdit();
    });
    add("redo", tr("&Redo label edit"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), [this] {
        if (!(aiClickOn() && aiDocks_->interactive()->redo())) document_->redoLabelEdit();
    })
        ->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    for (const auto& e : exchangeActions()) add(e.key, e.text, QKeySequence(), e.slot);
    add("preferences", tr("&Preferences…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] {
        if (PreferencesDialog(this).exec() == QDialog::Accepted) applyListener();
    });
    add("quit", tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), [this] { close(); });
    add("invert", tr("&Invert"), QKeySequence(Qt::Key_I), [this] {
        if (viewer_->activeView()) viewer_->activeView()->toggleInvert();
    });
    add("reset", tr("&Reset view"), QKeySequence(Qt::Key_R), [this] {
        for (auto* v : viewer_->visibleSliceViews()) v->resetView();
        viewer_->volumeView()->resetCamera();
    });
    add("deleteMeasurement", tr("&Delete measurement or finding"), QKeySequence(Qt::Key_Delete), [this] {
        if (auto finding = document_->selectedFinding(); finding && toolGroup_->checkedAction() == actions_["toolFindings"])
            document_->removeFinding(*finding);
        else if (auto id = document_->measurements().selected())
            document_->removeMeasurement(*id);
    });
    add("fullScreen", tr("&Full screen"), QKeySequence(Qt::Key_F11), [this] { isFullScreen() ? showNormal() : showFullScreen(); });
    add("shortcuts", tr("&Keyboard and mouse"), QKeySequence(Qt::Key_F1 | Qt::SHIFT), [this] { ShortcutsDialog(this).exec(); });
    add("about", tr("&About Lumen"), QKeySequence(), [this] {
        QMessageBox::about(this, tr("About Lumen"),
                           tr("<b>Lumen</b> 0.1 — a radiology viewer with AI assist.<br>"
                              "Qt %1, VTK, ITK, DCMTK. Not a medical device.").arg(qVersion()));
    });

    hideIdentity_ = add("hideIdentity", tr("&Hide patient identity"), QKeySequence(), [this](bool on) {
        logic::Preferences::setHidePatientIdentity(on);
        viewer_->setHidePatientIdentity(on);
    });
    hideIdentity_->setCheckable(true);
    linkScroll_ = add("linkScroll", tr("&Link scrolling (same frame of reference)"), QKeySequence(), [this](bool on) {
        viewer_->setLinkedScrolling(on);
    });
    linkScroll_->setCheckable(true);
    linkScroll_->setChecked(true);
    add("alignToGrid", tr("&Align views to the image grid (oblique scans)"), QKeySequence(), [this](bool on) {
        viewer_->setAlignedToGrid(on);
    })->setCheckable(true);
    cine_ = add("cine", tr("&Cine"), QKeySequence(Qt::Key_C), [this](bool on) {
        if (viewer_->activeView()) viewer_->activeView()->setCinePlaying(on, logic::Preferences::cineFramesPerSecond());
    });
    cine_->setCheckable(true);
    clipping_ = add("clipping", tr("&Clipping box"), QKeySequence(), [this](bool on) { viewer_->volumeView()->setClippingBox(on); });
    clipping_->setCheckable(true);
    auto* volumeOn = add("volumeRendering", tr("&Volume rendering"), QKeySequence(), [this](bool on) {
        viewer_->volumeView()->setVolumeVisible(on);
    });
    volumeOn->setCheckable(true);
    volumeOn->setChecked(true);

    layoutGroup_ = new QActionGroup(this);
    const std::pair<QString, Layout> layouts[] = {{tr("1 × 1"), Layout::Single}, {tr("1 × 2"), Layout::SideBySide},
                                                  {tr("2 × 2"), Layout::Grid}, {tr("MPR + 3D"), Layout::Mpr}};
    int f = 0;
    for (const auto& [text, layout] : layouts) {
        Layout l = layout;
        auto* a = add(QString("layout%1").arg(f), text, QKeySequence(Qt::Key_F1 + f), [this, l] { setViewLayout(l); });
        a->setCheckable(true);
        a->setChecked(l == Layout::Mpr);
        layoutGroup_->addAction(a);
        ++f;
    }
    toolGroup_ = new QActionGroup(this);
    const std::tuple<QString, QString, InteractionMode, QKeySequence> tools[] = {
        {"toolWindowLevel", tr("Window / level"), InteractionMode::WindowLevel, Qt::Key_W},
        {"toolCrosshair", tr("Crosshair"), InteractionMode::Crosshair, Qt::Key_X},
        {"toolLength", tr("Length"), InteractionMode::Length, Qt::Key_L},
        {"toolAngle", tr("Angle"), InteractionMode::Angle, Qt::Key_A},
        {"toolEllipse", tr("Ellipse ROI"), InteractionMode::Ellipse, Qt::Key_E},
        {"toolRectangle", tr("Rectangle ROI"), InteractionMode::Rectangle, Qt::Key_T},
        {"toolPaint", tr("Paint"), InteractionMode::Paint, Qt::Key_B},
        {"toolErase", tr("Erase"), InteractionMode::Erase, QKeySequence(Qt::SHIFT | Qt::Key_B)},
        {"toolFill", tr("Fill"), InteractionMode::Fill, Qt::Key_F},
        {"toolLasso", tr("Lasso"), InteractionMode::Lasso, Qt::Key_P},
        {"toolFindings", tr("Findings"), InteractionMode::Findings, Qt::Key_G},
        {"toolAiClick", tr("AI click"), InteractionMode::AiClick, Qt::Key_K}};
    for (const auto& [key, text, mode, shortcut] : tools) {
        InteractionMode m = mode;
        auto* a = add(key, text, shortcut, [this, m] { setInteractionMode(m); });
        a->setData(int(m));
        a->setCheckable(true);
        a->setChecked(m == InteractionMode::WindowLevel);
        toolGroup_->addAction(a);
    }
    const auto& presets = core::ctWindowLevelPresets();
    for (int i = 0; i < 9; ++i) {
        const QString name = i < int(presets.size()) ? internal::windowLevelPresetTitle(presets[std::size_t(i)].name)
                                                     : tr("Automatic (histogram)");
        add(QString("preset%1").arg(i), name, QKeySequence(Qt::Key_1 + i), [this, i] { viewer_->applyWindowLevelPreset(i); });
    }
    presetGroup3d_ = new QActionGroup(this);
    for (auto preset : render::allVolumePresets()) {
        auto* a = add(QString::fromStdString("volume-" + render::volumePresetName(preset)),
                      internal::volumePresetTitle(preset),
                      QKeySequence(), [this, preset] { viewer_->volumeView()->setPreset(preset); });
        a->setCheckable(true);
        presetGroup3d_->addAction(a);
    }
}

void MainWindow::buildMenusAndToolbars() {
    aiMenu_ = MainWindowMenus::build(this, {actions_, layoutGroup_, toolGroup_, presetGroup3d_, clipping_});
}

void MainWindow::buildDocks() {
    browser_ = new StudyBrowserPanel(model_, this);
    auto* browserDock = new QDockWidget(tr("Studies"), this);
    browserDock->setObjectName("studiesDock");
    browserDock->setWidget(buildStudyTabs());
    addDockWidget(Qt::LeftDockWidgetArea, browserDock);
    connect(browser_, &StudyBrowserPanel::openSeries, this, [this](const QString& uid) {
        // In 1×2 with the right pane active a double-click fills that pane (as RadiAnt does), not both.
        openSeries(uid, viewer_->viewLayout() == Layout::SideBySide && viewer_->activeView() == viewer_->sliceView(1));
    });
    connect(browser_, &StudyBrowserPanel::compareSeries, this, [this](const QString& uid) { openSeries(uid, true); });
    connect(browser_, &StudyBrowserPanel::importRequested, this, [this] { importDialog(false); });

    measurements_ = new MeasurementPanel(document_, this);
    auto* measurementDock = new QDockWidget(tr("Measurements"), this);
    measurementDock->setObjectName("measurementsDock");
    measurementDock->setWidget(measurements_);
    addDockWidget(Qt::RightDockWidgetArea, measurementDock);
    connect(measurements_, &MeasurementPanel::jumpTo, this, &MainWindow::jumpToMeasurement);

    segments_ = new SegmentEditorPanel(document_, editor_, this);
    auto* segmentDock = new QDockWidget(tr("Segment editor"), this);
    segmentDock->setObjectName("labelsDock");
    segmentDock->setWidget(segments_);
    addDockWidget(Qt::RightDockWidgetArea, segmentDock);
    connect(segments_, &SegmentEditorPanel::styleChanged, viewer_, &ViewerLayout::setOverlayStyle);
    connect(segments_, &SegmentEditorPanel::loadRequested, this, &MainWindow::loadLabelMapDialog);
    connect(segments_, &SegmentEditorPanel::interpolateRequested, this, [this] {
        if (SliceView* v = viewer_->activeView()) editor_->interpolate(v->state().viewDirection());
    });

    aiDocks_ = new AiDocks(this, document_, assist_, editor_, browserDock, segmentDock);
    aiDocks_->populateMenu(aiMenu_);
    viewer_->setInteractiveSegmentation(aiDocks_->interactive());
    connect(aiDocks_->interactivePanel(), &InteractivePanel::toolRequested, this, [this] { setInteractionMode(InteractionMode::AiClick); });

    findings_ = new FindingsPanel(document_, this);
    auto* findingsDock = new QDockWidget(tr("Findings"), this);
    findingsDock->setObjectName("findingsDock");
    findingsDock->setWidget(findings_);
    addDockWidget(Qt::RightDockWidgetArea, findingsDock);
    connect(findings_, &FindingsPanel::jumpTo, this, &MainWindow::jumpTo);
    connect(aiPanel(), &AiPanel::jumpTo, this, &MainWindow::jumpTo);
    connect(viewer_, &ViewerLayout::activeViewChanged, this, [this](SliceView* v) {  // each pane its own document
        measurements_->setDocument(v->document());
        findings_->setDocument(v->document());
    });
    connect(findings_, &FindingsPanel::editRequested, this, [this] {  // E in the list: the box's handles in the views
        setInteractionMode(InteractionMode::Findings);
        if (SliceView* v = viewer_->activeView()) v->setFocus();
    });
    tabifyDockWidget(measurementDock, findingsDock);
    measurementDock->raise();
    resizeDocks({browserDock}, {330}, Qt::Horizontal);
    resizeDocks({measurementDock, segmentDock}, {320, 320}, Qt::Horizontal);
    resizeDocks({measurementDock, segmentDock}, {260, 560}, Qt::Vertical);
}

AiPanel* MainWindow::aiPanel() const { return aiDocks_->panel(); }

bool MainWindow::aiClickOn() const {
    const QAction* tool = toolGroup_->checkedAction();
    return tool && tool->data().toInt() == int(InteractionMode::AiClick);
}

bool MainWindow::busy() const { return import_ != nullptr || load_ != nullptr; }

void MainWindow::showProgress(const QString& title, bool cancellable) {
    if (!progress_) {
        progress_ = new QProgressDialog(this);
        progress_->setObjectName("progressDialog");
        progress_->setWindowModality(Qt::WindowModal);
        progress_->setMinimumDuration(0);
        progress_->setAutoClose(false);
        progress_->setAutoReset(false);
        progress_->setRange(0, 1000);
    }
    progress_->setWindowTitle(title);
    progress_->setLabelText(title);
    progress_->setValue(0);
    progress_->setCancelButtonText(cancellable ? tr("Cancel") : QString());
    progress_->show();
}

void MainWindow::hideProgress() {
    if (progress_) progress_->hide();
}

void MainWindow::reportError(const QString& message) {
    statusBar()->showMessage(message, 15000);
    emit failed(message);
    if (!qEnvironmentVariableIsSet("LUMEN_NO_DIALOGS")) QMessageBox::warning(this, tr("Lumen"), message);
}

void MainWindow::openFromAnotherLaunch(const QStringList& paths) {
    if (isMinimized()) showNormal();
    raise();
    activateWindow();
    importPaths(paths, true);
}

void MainWindow::importPaths(const QStringList& paths, bool openAfter) {
    if (paths.isEmpty()) return;
    if (import_) {
        waitingImports_.append({paths, openAfter});
        return statusBar()->showMessage(tr("%n more import(s) waiting for the current one", nullptr, int(waitingImports_.size())), 5000);
    }
    import_ = std::make_unique<logic::ImportJob>(logic::DataLocations::databasePath(), paths, logic::Preferences::copyOnImport());
    showProgress(tr("Importing"), true);
    connect(progress_, &QProgressDialog::canceled, import_.get(), &logic::ImportJob::cancel);
    connect(import_.get(), &logic::ImportJob::progress, this, [this](double fraction, const QString& stage) {
        if (!progress_) return;
        progress_->setLabelText(stage);
        progress_->setValue(int(fraction * 1000));
    });
    auto done = [this] {
        hideProgress();
        import_.release()->deleteLater();
        browser_->refresh();
        if (!waitingImports_.isEmpty())
            QTimer::singleShot(0, this, [this] {
                if (import_ || waitingImports_.isEmpty()) return;
                const auto [next, open] = waitingImports_.takeFirst();
                importPaths(next, open);
            });
    };
    const bool demo = !openAfterImportModality_.isEmpty();  // the demo's own import needs no report
    connect(import_.get(), &logic::ImportJob::finished, this, [this, done, openAfter, demo](const logic::ImportSummary& s) {
        done();
        statusBar()->showMessage(ImportSummaryDialog::headline(s), 15000);
        if (!demo) (new ImportSummaryDialog(s, model_->database(), this))->show();
        emit importFinished(s.series);
        if (openAfter && !s.seriesUids.isEmpty()) {
            QString pick = s.seriesUids.first();
            if (!openAfterImportModality_.isEmpty())
                for (const QString& uid : s.seriesUids)
                    if (auto summary = model_->database().summary(uid.toStdString()); summary && QString::fromStdString(summary->modality) == openAfterImportModality_)
                        pick = uid;
            openAfterImportModality_.clear();
            browser_->selectSeries(pick);
            openSeries(pick);
        }
    });
    connect(import_.get(), &logic::ImportJob::failed, this, [this, done](const QString& message) {
        done();
        reportError(tr("Import failed: %1").arg(message));
    });
    connect(import_.get(), &logic::ImportJob::canceled, this, [this, done] {
        done();
        statusBar()->showMessage(tr("Import canceled"), 5000);
    });
    import_->start();
}

void MainWindow::openSeries(const QString& uid, bool compare) {
    const auto openIn = [&](const logic::Document* d) { return d->hasImage() && QString::fromStdString(d->image().series.seriesUid) == uid; };
    if (compare && openIn(document_)) return statusBar()->showMessage(tr("This series is open in the main view already"), 5000);
    if (!compare && openIn(prior_)) endComparison();  // one series, one pane: two would write one workspace
    if (load_) {  // its results are no longer wanted, nor the slice it showed meanwhile
        load_.release()->deleteLater();
        for (int i = 0; i < 4; ++i) viewer_->sliceView(i)->endPreview();
    }
    // The series on screen while it arrives from the PACS: completed in place, no preview.
    const bool completing = !compare && document_->arriving() && openIn(document_);
    load_ = std::make_unique<logic::SeriesLoadJob>(logic::DataLocations::databasePath(), uid);
    auto* job = load_.get();
    statusBar()->showMessage(tr("Loading…"));
    if (compare && viewer_->viewLayout() == Layout::Single) setViewLayout(Layout::SideBySide);
    viewer_->setComparison(compare || viewer_->comparing());
    SliceView* previewView = compare ? viewer_->sliceView(1) : viewer_->sliceView(0);
    if (!completing) {
        viewer_->volumeView()->setLoading(!compare);  // a compare load supersedes a main one: show the main series
        connect(job, &logic::SeriesLoadJob::firstSlice, this, [this, job, previewView](const logic::SharedVolume& slice) {
            if (job == load_.get()) previewView->showPreview(*slice);  // not a superseded load's late slice
        });
    }
    connect(job, &logic::SeriesLoadJob::loaded, this, [this, job, uid, compare](const logic::SharedImage& image) {
        if (job != load_.get()) return;
        logic::AnnotationStore* store = compare ? priorStore_ : store_;
        if (store->dirty()) store->save();  // switching series keeps the edits
        if (!compare && document_->arriving() && document_->image().series.seriesUid == image->series.seriesUid) document_->completeImage(*image);
        else (compare ? prior_ : document_)->setImage(*image);
        if (!compare) {
            // The prior stays beside a series of the same patient (an import or a new series of
            // the study does not end the comparison), not beside another patient's.
            if (prior_->hasImage() && prior_->image().patient.patientId != image->patient.patientId) endComparison();
            browser_->selectSeries(uid);
        }
        QString note = tr("Opened %1").arg(QString::fromStdString(image->series.description));
        if (!image->warnings.empty()) note += " — " + QString::fromStdString(image->warnings.front());
        statusBar()->showMessage(note, 15000);
        load_.release()->deleteLater();
        emit seriesOpened(uid);
    });
    connect(job, &logic::SeriesLoadJob::failed, this, [this, job](const QString& message) {
        if (job != load_.get()) return;
        load_.release()->deleteLater();
        viewer_->volumeView()->setLoading(false);
        for (int i = 0; i < 4; ++i) viewer_->sliceView(i)->endPreview();
        reportError(tr("Cannot open the series: %1").arg(message));
    });
    job->start();
}

void MainWindow::endComparison() {
    if (priorStore_->dirty()) priorStore_->save();
    viewer_->setComparison(false);
    prior_->clear();
    measurements_->setDocument(document_);
}

void MainWindow::openDemo() {
    const QString folder = logic::DataLocations::demoFolder();
    auto importDemo = [this, folder] {
        setViewLayout(Layout::Mpr);
        openAfterImportModality_ = "MR";
        importPaths({folder}, true);
    };
    if (io::DemoStudy::exists(folder.toStdString())) return importDemo();
    // First use: write the demo study on a worker thread.
    showProgress(tr("Writing the demo study (first use)"), false);
    const std::size_t ctSlices = qEnvironmentVariableIsSet("LUMEN_DEMO_CT_SLICES") ? qEnvironmentVariableIntValue("LUMEN_DEMO_CT_SLICES") : 240;
    auto* progress = new core::Progress([this](double f, const std::string&) {
        QMetaObject::invokeMethod(this, [this, f] {
            if (progress_) progress_->setValue(int(f * 1000));
        });
    });
    auto error = std::make_shared<QString>();
    QThread* worker = QThread::create([folder, ctSlices, progress, error] {
        try {
            io::DemoStudy::write(folder.toStdString(), ctSlices, progress);
        } catch (const std::exception& e) {
            *error = QString::fromStdString(e.what());
        }
    });
    connect(worker, &QThread::finished, this, [this, worker, progress, error, importDemo] {
        worker->deleteLater();
        delete progress;
        hideProgress();
        if (!error->isEmpty()) return reportError(tr("Cannot write the demo study: %1").arg(*error));
        importDemo();
    });
    worker->start();
}

void MainWindow::setViewLayout(Layout layout) {
    viewer_->setViewLayout(layout);
    const int index = int(layout);
    if (layoutGroup_ && index < layoutGroup_->actions().size()) layoutGroup_->actions()[index]->setChecked(true);
}

void MainWindow::setInteractionMode(InteractionMode mode) {
    viewer_->setMode(mode);
    for (auto* a : toolGroup_->actions())
        if (a->data().toInt() == int(mode)) a->setChecked(true);
    if (mode == InteractionMode::Findings)
        if (auto* dock = findChild<QDockWidget*>("findingsDock")) dock->raise();
    // Tools whose gesture is not obvious say it (the angle's two steps had been a puzzle).
    if (mode == InteractionMode::Angle) statusBar()->showMessage(tr("Angle: drag along the first arm, then click where the second ends"), 8000);
    else if (mode == InteractionMode::Lasso) statusBar()->showMessage(tr("Lasso: draw round the region to fill with the active label"), 8000);
    else if (mode == InteractionMode::AiClick) {
        statusBar()->showMessage(aiDocks_->interactive()->hasModel()
                                     ? tr("AI click: click inside the object, right-click or Shift+click outside it, drag a box round it")
                                     : tr("AI click needs an interactive segmentation model: none is installed (AI → Manage models)"),
                                 8000);
        if (auto* dock = findChild<QDockWidget*>("aiDock")) dock->raise();
    }
}

void MainWindow::offerRecovery() {
    if (!store_->hasRecovery()) return;
    QMessageBox box(QMessageBox::Question, tr("Recover annotations"),
                    tr("This series has annotations that were not saved when Lumen last closed (it may have crashed).\n\n"
                       "Restore them, or discard them and keep the last saved state?"),
                    QMessageBox::NoButton, this);
    box.setObjectName("recoveryQuestion");
    QPushButton* restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
    box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() == static_cast<QAbstractButton*>(restore)) store_->restoreRecovery();
    else store_->discardRecovery();
}

void MainWindow::importDialog(bool dicomdir) {
    const QString path = dicomdir ? QFileDialog::getOpenFileName(this, tr("Import a DICOMDIR"), QString(), "DICOMDIR (DICOMDIR dicomdir)")
                                  : QFileDialog::getExistingDirectory(this, tr("Import a folder of DICOM files"));
    if (!path.isEmpty()) importPaths({path}, true);
}

void MainWindow::openImageFileDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open an image file"), QString(),
                                                      tr("Images (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd *.dcm);;All files (*)"));
    if (!path.isEmpty()) importPaths({path}, true);
}

void MainWindow::saveScreenshot() {
    SliceView* view = viewer_->activeView();
    if (!view) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save a screenshot"), "lumen.png", tr("PNG images (*.png)"));
    if (!path.isEmpty() && !view->grabFramebuffer().save(path, "PNG")) reportError(tr("Cannot write %1").arg(path));
}

void MainWindow::jumpTo(const core::Point3& point) {  // a finding's centre or a saliency peak, in the open series
    for (auto* v : viewer_->visibleSliceViews())
        if (v->document() == findings_->document()) v->moveTo(point);
    viewer_->setCrosshair(point);
}

void MainWindow::jumpToMeasurement(std::uint64_t id) {
    logic::Document* doc = measurements_->document();
    const core::Measurement* m = doc->measurements().find(id);
    if (!m) return;
    for (auto* v : viewer_->visibleSliceViews())
        if (v->document() == doc && std::abs(m->planeNormal.normalized().dot(v->state().viewDirection())) > 0.999)
            v->moveTo(m->anchor());
    viewer_->setCrosshair(m->anchor());
}

void MainWindow::updateTitle() {
    const QString series = document_->seriesTitle();
    setWindowTitle(series.isEmpty() ? tr("Lumen") : tr("%1 — Lumen").arg(series));
}

// Start-up: the window is painted first; the study list and the model list (a lumen-ai process,
// which loads LibTorch on the other core) come right after, so they do not delay it.
void MainWindow::showEvent(QShowEvent* e) {
    QMainWindow::showEvent(e);
    if (shown_) return;
    shown_ = true;
    if (QWindow* handle = windowHandle()) handle->installEventFilter(this);
    QTimer::singleShot(1000, this, &MainWindow::afterFirstPaint);  // a platform that never exposes
}

bool MainWindow::eventFilter(QObject* watched, QEvent* e) {
    if (watched == windowHandle() && e->type() == QEvent::Expose) {
        watched->removeEventFilter(this);
        QTimer::singleShot(0, this, &MainWindow::afterFirstPaint);  // after this expose has painted
    }
    return QMainWindow::eventFilter(watched, e);
}

void MainWindow::afterFirstPaint() {
    if (listed_) return;
    listed_ = true;
    browser_->refresh();
    assist_->refreshModels();
    applyListener();
}

void MainWindow::closeEvent(QCloseEvent* e) {
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    if (import_) import_->cancel();
    if (load_) load_->cancel();
    for (auto* store : {store_, priorStore_})
        if (store->dirty()) store->save();  // closing keeps the edits, like switching series
    QMainWindow::closeEvent(e);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
    if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
    QStringList paths;
    for (const QUrl& url : e->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    importPaths(paths, true);
}

}  // namespace lumen::ui
