#pragma once
#include "logic/PacsRetrieveJob.h"
#include "logic/SeriesLoadJob.h"

#include <QObject>
#include <QTimer>

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace lumen::logic {

// A series shown while it is retrieved. The PACS's instance list (UIDs, positions) and the first
// image's header are laid out by the same SeriesAssembler as a finished series, so the grid is
// known before the rest arrive: the volume is allocated once, each image is decoded on a worker
// and copied into its slice on the owner's thread (the views read the voxels there). A series
// that cannot be laid out ahead (multi-frame, no positions, irregular spacing) says so: it opens
// when complete, like an import.
class ArrivingSeries : public QObject {
    Q_OBJECT
public:
    ArrivingSeries(QString databasePath, QString seriesUid, PacsInstanceList listed, QObject* parent = nullptr);
    ~ArrivingSeries() override;
    const QString& seriesUid() const { return seriesUid_; }
    // Instances now in the database (PacsRetrieveJob::stored); decoded in the background.
    void add(const InstanceBatch& records);
    int landed() const { return landed_; }
    int total() const;

signals:
    void ready(lumen::logic::SharedImage image);  // the grid, with the first image in it; more land in place
    void landedMore(int landed, int total);       // slices copied into the volume (at most ten times a second)
    void unsuitable(QString why);

private:
    struct Layout;
    void work();
    void take(const core::InstanceRecord& record);
    bool layOut(const core::InstanceRecord& first);
    void place(std::size_t slice, const core::Volume& pixels);
    QString databasePath_, seriesUid_;
    PacsInstanceList listed_;
    std::unique_ptr<Layout> layout_;  // the worker's (the owner reads the grid once ready)
    std::shared_ptr<io::LoadedImage> image_;
    int landed_ = 0;
    bool failed_ = false, allocated_ = false;  // the worker's
    QTimer notify_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<core::InstanceRecord> queue_;
    bool stop_ = false;
    std::thread worker_;
};

}  // namespace lumen::logic
