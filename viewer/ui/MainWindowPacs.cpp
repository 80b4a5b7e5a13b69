// The main window's side of the PACS tab: a series shown while it arrives, then completed in place.
#include "ui/MainWindow.h"

#include "logic/AnnotationStore.h"
#include "logic/DataLocations.h"
#include "logic/Document.h"
#include "logic/StudyBrowserModel.h"
#include "ui/PacsPanel.h"
#include "ui/PreferencesDialog.h"
#include "ui/SliceView.h"
#include "ui/StudyBrowserPanel.h"
#include "ui/ViewerLayout.h"
#include "ui/VolumeView.h"

#include <QStatusBar>
#include <QTabWidget>

namespace lumen::ui {

QWidget* MainWindow::buildStudyTabs() {
    pacs_ = new PacsPanel(logic::DataLocations::databasePath(), this);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName("studyTabs");
    tabs->setDocumentMode(true);
    tabs->addTab(browser_, tr("Local"));
    tabs->addTab(pacs_, tr("PACS"));
    connect(pacs_, &PacsPanel::arrivingImage, this, &MainWindow::showArriving);
    connect(pacs_, &PacsPanel::arrivingMore, this, [this](int landed, int total) {
        if (!document_->arriving()) return;
        document_->imageVoxelsArrived();
        statusBar()->showMessage(tr("Retrieving from the PACS: %1 of %2 images").arg(landed).arg(total));
    });
    connect(pacs_, &PacsPanel::seriesRetrieved, this, [this](const QString& uid) {
        browser_->refresh();
        openSeries(uid);  // the database's load, whole: it completes the arriving image in place
    });
    connect(pacs_, &PacsPanel::databaseChanged, browser_, &StudyBrowserPanel::refresh);
    connect(pacs_, &PacsPanel::serversRequested, this, [this] {
        PreferencesDialog dialog(this);
        dialog.showPacsPage();
        dialog.exec();
        pacs_->reloadServers();
    });
    return tabs;
}

void MainWindow::showArriving(const std::shared_ptr<const io::LoadedImage>& image) {
    if (load_) return;  // a series the user opened meanwhile wins over one still arriving
    if (store_->dirty()) store_->save();
    if (prior_->hasImage() && prior_->image().patient.patientId != image->patient.patientId) endComparison();
    for (int i = 0; i < 4; ++i) viewer_->sliceView(i)->endPreview();
    document_->setArrivingImage(*image);
    statusBar()->showMessage(tr("Retrieving from the PACS: the first image is in; the rest fill in as they arrive"));
}

}  // namespace lumen::ui
