#pragma once
#include "logic/PacsRetrieveJob.h"
#include "logic/SeriesLoadJob.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <string>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace lumen::logic { class ArrivingSeries; }

namespace lumen::ui {

// The study browser's PACS tab: a configured server, a query (name, ID, accession, modality,
// dates), studies with their series on demand and how much of each is in Lumen already, and
// Retrieve / Retrieve missing / Cancel. A retrieve runs in the background (PacsRetrieveJob); the
// chosen series (or the study's first image series) is shown as it arrives (ArrivingSeries).
// Then the patient's earlier studies are listed and the newest one of the same modality is
// fetched in the background, ready for Open beside.
class PacsPanel : public QWidget {
    Q_OBJECT
public:
    explicit PacsPanel(QString databasePath, QWidget* parent = nullptr);
    ~PacsPanel() override;
    void reloadServers();
    void search();
    void retrieveSelected();
    void cancelRetrieve();
    bool retrieving() const { return job_ != nullptr; }
    QTreeWidget* results() const { return results_; }
    QTreeWidget* priors() const { return priors_; }
    const QString& priorSeries() const { return priorSeries_; }  // fetched, ready for Open beside
    QString serverName() const;

signals:
    void retrieveStarted();
    void arrivingImage(lumen::logic::SharedImage image);  // show it: its slices fill in place
    void arrivingMore(int landed, int total);
    void seriesRetrieved(const QString& seriesUid);       // whole and in the database: open it
    void databaseChanged();
    void openBeside(const QString& seriesUid);            // the fetched prior, beside the current series
    void serversRequested();                              // Preferences → PACS

private:
    void withServer(std::function<void(const net::PacsServer&, const std::string& secret)> use);
    void searchOn(const net::PacsServer& server, const std::string& secret);
    void listSeries(QTreeWidgetItem* study, const net::PacsServer& server, const std::string& secret);
    void retrieveFrom(const net::PacsServer& server, const std::string& secret);
    void searchDone(std::vector<std::map<std::string, std::string>> studies, const QString& error);
    void expandStudy(QTreeWidgetItem* item);
    void showLocalCount(QTreeWidgetItem* series, int local);
    void retrieveFinished(const logic::PacsRetrieveSummary& summary, const QString& error, bool canceled);
    void setBusy(bool busy);
    void listPriors();
    void fetchPrior(const net::PacsServer& server, const std::string& secret, const QString& studyUid, const QStringList& modalities);
    QString databasePath_;
    QComboBox* server_;
    QPushButton* test_;
    QLineEdit* name_;
    QLineEdit* patientId_;
    QLineEdit* accession_;
    QLineEdit* description_;
    QComboBox* modality_;
    QCheckBox* useDates_;
    QDateEdit* from_;
    QDateEdit* to_;
    QPushButton* search_;
    QTreeWidget* results_;
    QPushButton* retrieve_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* status_;
    std::unique_ptr<logic::PacsRetrieveJob> job_;
    std::unique_ptr<logic::ArrivingSeries> arriving_;
    QString showSeries_;  // the series to show while it arrives (empty: the first image series)
    QString studyUid_;
    QLabel* priorsTitle_;
    QTreeWidget* priors_;
    QPushButton* openBeside_;
    std::unique_ptr<logic::PacsRetrieveJob> priorJob_;
    QString priorSeries_;  // the fetched prior's series to open beside
    bool shownOpened_ = false;
    int searchGeneration_ = 0;  // a canceled or superseded search's answer is dropped
};

}  // namespace lumen::ui
