#pragma once
#include "core/Progress.h"

#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace lumen::core { struct SeriesRecord; }
namespace lumen::io { class StudyDatabase; }

namespace lumen::logic {

struct ImportSummary {
    int series = 0, files = 0, skipped = 0;
    QStringList errors;      // "file: reason"
    QStringList seriesUids;  // what the import added or updated, largest first
};

// Imports files, folders, DICOMDIRs and NIfTI/NRRD/MHA files into the study database on a
// worker thread: headers, thumbnails, optionally copies of the files. Progress and the result
// arrive as signals on the thread that owns the job; cancel() stops it between files.
class ImportJob : public QObject {
    Q_OBJECT
public:
    ImportJob(QString databasePath, QStringList paths, bool copyFiles = false, QObject* parent = nullptr);
    ~ImportJob() override;
    void start();
    void cancel();
    // The middle image of the series' largest stack, into the database; throws io::IoError.
    static void storeThumbnail(io::StudyDatabase& db, const core::SeriesRecord& series);

signals:
    void progress(double fraction, QString stage);
    void finished(lumen::logic::ImportSummary summary);
    void failed(QString message);
    void canceled();

private:
    void run();
    void report(double fraction);
    QString databasePath_;
    QStringList paths_;
    bool copyFiles_;
    core::Progress progress_;
    QString stage_;
    std::atomic<int> stageNumber_{0};
    std::unique_ptr<QThread> thread_;  // waited for, then deleted, by the destructor
};

}  // namespace lumen::logic

Q_DECLARE_METATYPE(lumen::logic::ImportSummary)
