// The main window's side of the PACS tab: a series shown while it arrives, then completed in place.
#include "ui/MainWindow.h"

#include "logic/AnnotationExchange.h"
#include "logic/AnnotationStore.h"
#include "logic/PacsListener.h"
#include "logic/PacsSendJob.h"
#include "logic/Preferences.h"
#include "logic/SecretStore.h"
#include "net/PacsError.h"
#include "net/PacsServerList.h"
#include "logic/DataLocations.h"
#include "logic/Document.h"
#include "logic/StudyBrowserModel.h"
#include "ui/PacsPanel.h"
#include "ui/PreferencesDialog.h"
#include "ui/SliceView.h"
#include "ui/StudyBrowserPanel.h"
#include "ui/ViewerLayout.h"
#include "ui/VolumeView.h"

#include <QInputDialog>
#include <QPointer>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>

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
    connect(pacs_, &PacsPanel::retrieveStarted, this, [this] {
        seriesBeforeRetrieve_ = document_->hasImage() ? QString::fromStdString(document_->image().series.seriesUid) : QString();
    });
    connect(pacs_, &PacsPanel::seriesRetrieved, this, [this](const QString& uid) {
        browser_->refresh();
        // The database's load, whole, completes the arriving image in place; a series it could not
        // show while arriving opens now, unless the user has opened another one meanwhile.
        const QString current = document_->hasImage() ? QString::fromStdString(document_->image().series.seriesUid) : QString();
        if ((document_->arriving() && current == uid) || current == seriesBeforeRetrieve_) openSeries(uid);
    });
    connect(pacs_, &PacsPanel::databaseChanged, browser_, &StudyBrowserPanel::refresh);
    connect(pacs_, &PacsPanel::openBeside, this, [this](const QString& uid) { openSeries(uid, true); });
    connect(pacs_, &PacsPanel::serversRequested, this, [this] {
        PreferencesDialog dialog(this);
        dialog.showPacsPage();
        if (dialog.exec() == QDialog::Accepted) applyListener();
        pacs_->reloadServers();
    });
    listener_ = new logic::PacsListener(logic::DataLocations::databasePath(), this);
    connect(listener_, &logic::PacsListener::received, this, [this](int instances) {
        browser_->refresh();
        statusBar()->showMessage(tr("Received %n image(s) from the network", nullptr, instances), 10000);
    });
    return tabs;
}

// Preferences → PACS → Receive studies sent to Lumen: on, off, or on another port.
void MainWindow::applyListener() {
    listener_->stop();
    if (!logic::Preferences::listenerEnabled()) return;
    if (!listener_->start(logic::Preferences::listenerAet(), logic::Preferences::listenerPort())) reportError(listener_->error());
}

void MainWindow::showArriving(const std::shared_ptr<const io::LoadedImage>& image) {
    if (load_) return;  // a series the user opened meanwhile wins over one still arriving
    if (store_->dirty()) store_->save();
    if (prior_->hasImage() && prior_->image().patient.patientId != image->patient.patientId) endComparison();
    for (int i = 0; i < 4; ++i) viewer_->sliceView(i)->endPreview();
    document_->setArrivingImage(*image);
    statusBar()->showMessage(tr("Retrieving from the PACS: the first image is in; the rest fill in as they arrive"));
}

// File ▸ Send to PACS (and Save, when Preferences names a server): the SEG and SR of the open
// series, by C-STORE, confirmed by a query. `serverName` empty: the one configured, or ask.
void MainWindow::sendToPacs(const QString& serverName) {
    if (!document_->hasImage()) return;
    if (document_->arriving()) return reportError(tr("The series is still arriving: send its annotations once it is whole."));
    net::PacsServerList servers;
    try {
        servers = net::PacsServerList::load(net::PacsServerList::readPath());
    } catch (const net::PacsError& e) {
        return reportError(QString::fromStdString(e.what()));
    }
    QString name = serverName;
    if (name.isEmpty()) {
        QStringList names;
        for (const auto& s : servers.servers) names << QString::fromStdString(s.name);
        if (names.isEmpty()) return reportError(tr("No PACS is configured: add one in Preferences → PACS."));
        bool ok = true;
        name = names.size() == 1 ? names.front() : QInputDialog::getItem(this, tr("Send to PACS"), tr("Send the annotations to"), names, 0, false, &ok);
        if (!ok) return;
    }
    const auto server = servers.find(name.toStdString());
    if (!server) return reportError(tr("There is no PACS named %1 any more: see Preferences → PACS.").arg(name));
    if (store_->dirty()) store_->save();
    auto folder = std::make_shared<QTemporaryDir>();
    QStringList files;
    try {
        std::vector<std::string> exported = logic::AnnotationExchange::exportForSending(*document_, folder->path().toStdString());
        // A PACS outside the hospital gets them de-identified, through the identity map that
        // File ▸ Export anonymised used for the images: they point at the images sent there.
        if (server->deidentify) {
            io::IdentityMap map = io::IdentityMap::load(logic::AnonymisedExport::defaultMapPath());
            const io::DeidentificationResult r = io::DicomDeidentifier({}, map).run(exported, folder->filePath("deidentified").toStdString());
            if (!r.refused.empty()) return reportError(tr("Not sent: %1").arg(QString::fromStdString(r.refused.front())));
            map.save(logic::AnonymisedExport::defaultMapPath());
            exported = r.files;
        }
        for (const auto& f : exported) files << QString::fromStdString(f);
    } catch (const std::exception& e) {
        return reportError(QString::fromStdString(e.what()));
    }
    const auto start = [this, server = *server, files, folder, name](const std::string& secret) {
        auto* job = new logic::PacsSendJob(server, files, this, secret);
        statusBar()->showMessage(tr("Sending the annotations to %1…").arg(name));
        connect(job, &logic::PacsSendJob::finished, this, [this, job, folder, name](const logic::PacsSendSummary& s) {
            job->deleteLater();
            if (!s.refused.isEmpty()) return reportError(tr("%1 refused: %2").arg(name, s.refused.join("; ")));
            if (s.confirmed < s.stored.size())
                return reportError(tr("%1 accepted %2 object(s) but a query finds only %3 of them.").arg(name).arg(s.stored.size()).arg(s.confirmed));
            statusBar()->showMessage(tr("Sent to %1 and found there by a query: %2").arg(name, tr("%n object(s) (SEG, SR)", nullptr, int(s.stored.size()))),
                                     15000);
            emit sentToPacs(s.confirmed);
        });
        connect(job, &logic::PacsSendJob::failed, this, [this, job, folder, name](const QString& message) {
            job->deleteLater();
            reportError(tr("Cannot send to %1: %2").arg(name, message));
        });
        job->start();
    };
    if (!server->usesDicomWeb() || server->auth == net::DicomWebPeer::Auth::None) return start({});
    QPointer<MainWindow> self(this);
    logic::SecretStore::instance().read(name, [self, start](const QString& secret, const QString& error) {
        if (!self) return;
        if (secret.isEmpty()) return self->reportError(error);
        start(secret.toStdString());
    });
}

}  // namespace lumen::ui
