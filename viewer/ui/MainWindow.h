#pragma once
#include "logic/AnonymisedExport.h"
#include "ui/InteractionMode.h"
#include "ui/ViewerLayout.h"

#include <QMainWindow>

#include <functional>
#include <vector>
#include <QPointer>
#include <QProgressDialog>

#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;


namespace lumen::io { struct LoadedImage; }

namespace lumen::logic {
class AiAssist;
class AnnotationStore;
class Document;
class SegmentEditor;
class ImportJob;
class PacsListener;
class SeriesLoadJob;
class StudyBrowserModel;
}  // namespace lumen::logic

namespace lumen::ui {

class AiDocks;
class AiPanel;
class FindingsPanel;
class MeasurementPanel;
class PacsPanel;
class SegmentEditorPanel;
class StudyBrowserPanel;

// Lumen's main window: study browser, view layouts, tools, panels. Composes ui widgets over
// logic; long work (import, loading, demo generation) runs on worker threads.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Writes the demo study on first use, imports it and opens the brain MRI in MPR.
    void openDemo();
    // Imports files/folders/DICOMDIRs in the background; opens the largest series if asked.
    // Paths that arrive while an import runs wait for it, then import (and open) in turn.
    void importPaths(const QStringList& paths, bool openAfter);
    // Files that a later launch of Lumen handed over (logic::InstanceChannel): the window comes
    // to the front and opens them.
    void openFromAnotherLaunch(const QStringList& paths);
    void openSeries(const QString& seriesUid, bool compare = false);
    void sendToPacs(const QString& serverName = {});  // File ▸ Send to PACS (MainWindowPacs.cpp)
    // File ▸ Export anonymised, once its dialog has said where and how (MainWindowExchange.cpp).
    void exportAnonymised(const logic::AnonymisedExport::Request& request);
    void setViewLayout(Layout layout);
    void setInteractionMode(InteractionMode mode);

    ViewerLayout* viewerLayout() const { return viewer_; }
    logic::Document* document() const { return document_; }
    StudyBrowserPanel* browser() const { return browser_; }
    PacsPanel* pacsPanel() const { return pacs_; }
    MeasurementPanel* measurementPanel() const { return measurements_; }
    SegmentEditorPanel* segmentPanel() const { return segments_; }
    FindingsPanel* findingsPanel() const { return findings_; }
    logic::SegmentEditor* segmentEditor() const { return editor_; }
    logic::AnnotationStore* annotationStore() const { return store_; }
    AiPanel* aiPanel() const;
    AiDocks* aiDocks() const { return aiDocks_; }
    logic::AiAssist* aiAssist() const { return assist_; }
    QProgressDialog* progressDialog() const { return progress_; }
    bool busy() const;
    bool exchanging() const { return exchanging_; }  // a File ▸ Export / Import is being written or read

signals:
    void seriesOpened(const QString& seriesUid);
    void importFinished(int series);
    void sentToPacs(int objects);  // found on the PACS by a query after the send
    void anonymisedExported(int images, int annotationObjects);
    void failed(const QString& message);

protected:
    void showEvent(QShowEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* e) override;
    void closeEvent(QCloseEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    bool aiClickOn() const;  // the views are in AI click mode
    void buildActions();
    void buildMenusAndToolbars();
    void buildDocks();
    void importDialog(bool dicomdir);
    void openImageFileDialog();
    void saveScreenshot();
    void jumpToMeasurement(std::uint64_t id);
    void jumpTo(const core::Point3& point);
    void offerRecovery();
    // File ▸ Export / Import annotations and Load label map (MainWindowExchange.cpp).
    struct ExchangeAction { QString key, text; std::function<void()> slot; };
    std::vector<ExchangeAction> exchangeActions();
    void exchangeAnnotations(bool exporting, int format);
    void exportAnonymisedDialog();
    void loadLabelMapDialog() { exchangeAnnotations(false, 2); }
    void showProgress(const QString& title, bool cancellable);
    void hideProgress();
    void reportError(const QString& message);
    void updateTitle();
    void endComparison();  // the comparison pane's edits saved, the pane back to the main series
    void afterFirstPaint();
    QWidget* buildStudyTabs();  // the Local and PACS tabs (MainWindowPacs.cpp)
    void showArriving(const std::shared_ptr<const io::LoadedImage>& image);
    void applyListener();  // what the first paint does not need: the study list, the model list

    logic::Document* document_;
    logic::Document* prior_;
    logic::StudyBrowserModel* model_;
    ViewerLayout* viewer_;
    StudyBrowserPanel* browser_ = nullptr;
    PacsPanel* pacs_ = nullptr;
    logic::PacsListener* listener_ = nullptr;
    QString seriesBeforeRetrieve_;  // what was open when a PACS retrieve started
    MeasurementPanel* measurements_ = nullptr;
    SegmentEditorPanel* segments_ = nullptr;
    FindingsPanel* findings_ = nullptr;
    logic::SegmentEditor* editor_;
    logic::AnnotationStore* store_;
    logic::AnnotationStore* priorStore_;  // the comparison pane's series
    logic::AiAssist* assist_;
    AiDocks* aiDocks_ = nullptr;
    QMenu* aiMenu_ = nullptr;
    QLabel* cursorLabel_ = nullptr;
    QPointer<QProgressDialog> progress_;
    bool exchanging_ = false;
    std::unique_ptr<logic::ImportJob> import_;
    QList<QPair<QStringList, bool>> waitingImports_;  // importPaths() while import_ runs
    std::unique_ptr<logic::SeriesLoadJob> load_;
    QString openAfterImportModality_;
    bool shown_ = false, listed_ = false;

    QActionGroup* layoutGroup_ = nullptr;
    QActionGroup* toolGroup_ = nullptr;
    QActionGroup* presetGroup3d_ = nullptr;
    QAction* hideIdentity_ = nullptr;
    QAction* linkScroll_ = nullptr;
    QAction* cine_ = nullptr;
    QAction* clipping_ = nullptr;
    std::map<QString, QAction*> actions_;
};

}  // namespace lumen::ui
