#include "logic/PacsListener.h"

#include "io/DicomIndexer.h"
#include "io/IoError.h"
#include "io/StudyDatabase.h"
#include "logic/BackgroundTask.h"
#include "logic/DataLocations.h"
#include "logic/ImportJob.h"
#include "net/PacsError.h"
#include "net/StoreListener.h"

#include <memory>

namespace lumen::logic {

PacsListener::PacsListener(QString databasePath, QObject* parent) : QObject(parent), databasePath_(std::move(databasePath)) {
    tick_.setInterval(500);
    connect(&tick_, &QTimer::timeout, this, &PacsListener::flush);
}

PacsListener::~PacsListener() { stop(); }

bool PacsListener::start(const QString& aet, int port) {
    stop();
    error_.clear();
    net::DimsePeer self;
    self.callingAet = aet.toStdString();
    try {
        listener_ = std::make_unique<net::StoreListener>(self, port, (DataLocations::importedFiles() + "/received").toStdString(),
                                                         [this](const std::string& file, const std::string&) {
                                                             std::lock_guard lock(mutex_);
                                                             pending_ << QString::fromStdString(file);
                                                             return true;
                                                         });
        listener_->start();
    } catch (const net::PacsError& e) {
        listener_.reset();
        error_ = tr("Lumen cannot receive as %1 on port %2: %3").arg(aet).arg(port).arg(QString::fromStdString(e.what()));
        return false;
    }
    tick_.start();
    return true;
}

void PacsListener::stop() {
    tick_.stop();
    if (listener_) listener_->stop();
    listener_.reset();
    flush();
}

// What arrived since the last tick, into the database on a worker (headers, then thumbnails of
// the series it touched); one batch at a time.
void PacsListener::flush() {
    if (busy_) return;
    QStringList files;
    {
        std::lock_guard lock(mutex_);
        files.swap(pending_);
    }
    if (files.isEmpty()) return;
    busy_ = true;
    auto series = std::make_shared<QStringList>();
    runInBackground(
        this,
        [db = databasePath_.toStdString(), files, series] {
            std::vector<std::string> paths;
            for (const QString& f : files) paths.push_back(f.toStdString());
            const io::DicomIndex index = io::DicomIndexer::index(paths, nullptr, 1);
            io::StudyDatabase database(db);
            database.add(index);
            for (const core::SeriesRecord* s : index.allSeries()) {
                *series << QString::fromStdString(s->seriesUid);
                if (auto whole = database.series(s->seriesUid)) try {
                        ImportJob::storeThumbnail(database, *whole);
                    } catch (const io::IoError&) {  // a SEG or an SR: no thumbnail
                    }
            }
        },
        [this, files, series](const QString& error) {
            busy_ = false;
            if (error.isEmpty()) emit received(int(files.size()), *series);
            else error_ = error;
        });
}

}  // namespace lumen::logic
