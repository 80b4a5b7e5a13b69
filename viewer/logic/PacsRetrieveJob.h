#pragma once
#include "core/InstanceRecord.h"
#include "net/PacsQuery.h"
#include "net/PacsServer.h"

#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace lumen::logic {

// One series of a retrieve: what the PACS lists and what the database holds of it now.
struct PacsSeriesCount {
    QString seriesUid, modality, description;
    int listed = 0, stored = 0;
    bool complete() const { return stored >= listed; }
};

struct PacsRetrieveSummary {
    QList<PacsSeriesCount> series;
    int retries = 0;
    bool complete() const;
    int missing() const;  // instances listed by the PACS that are not in the database
};

using PacsInstanceList = std::shared_ptr<const std::vector<net::PacsRecord>>;
using InstanceBatch = std::shared_ptr<const std::vector<core::InstanceRecord>>;

// Retrieves a study, or chosen series of it, from a PACS into the study database on a worker
// thread, like an import: files under DataLocations::importedFiles(), records added as they land
// (so a series can be opened after its first image), thumbnails at the end. Only what the
// database does not hold yet is asked for, so running it again is "Retrieve missing". A
// transfer that breaks off (network, PACS restarted) is retried with back-off; what arrived stays.
class PacsRetrieveJob : public QObject {
    Q_OBJECT
public:
    // `secret`: the DICOMweb password or token of this session, if the server needs one.
    PacsRetrieveJob(QString databasePath, net::PacsServer server, QString studyUid, QStringList seriesUids = {}, QObject* parent = nullptr,
                    std::string secret = {});
    ~PacsRetrieveJob() override;
    void setRetryPause(int firstMs, int attempts);  // default: 1 s, doubling, 3 retries
    void start();
    void cancel();

signals:
    // Each series' instances as the PACS lists them (UIDs, positions), before any is asked for.
    void listed(QString seriesUid, QString modality, lumen::logic::PacsInstanceList instances);
    // Instances now in the database (their records, as indexed); `stored` of `listed` so far.
    void stored(QString seriesUid, lumen::logic::InstanceBatch records, int stored, int listed);
    void progress(double fraction, QString stage);
    void finished(lumen::logic::PacsRetrieveSummary summary);
    void failed(QString message, lumen::logic::PacsRetrieveSummary summary);  // what did arrive is in the database
    void canceled(lumen::logic::PacsRetrieveSummary summary);

private:
    struct Run;
    void run();
    QString databasePath_, studyUid_;
    net::PacsServer server_;
    QStringList seriesUids_;
    std::string secret_;
    int retryPauseMs_ = 1000, retryAttempts_ = 3;
    std::atomic<bool> cancel_{false};
    std::unique_ptr<QThread> thread_;  // waited for, then deleted, by the destructor
};

}  // namespace lumen::logic

Q_DECLARE_METATYPE(lumen::logic::PacsRetrieveSummary)
Q_DECLARE_METATYPE(lumen::logic::PacsInstanceList)
Q_DECLARE_METATYPE(lumen::logic::InstanceBatch)
