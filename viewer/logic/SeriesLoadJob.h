#pragma once
#include "core/Progress.h"
#include "core/Volume.h"
#include "io/ImageLoader.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace lumen::logic {

using SharedVolume = std::shared_ptr<const core::Volume>;
using SharedImage = std::shared_ptr<const io::LoadedImage>;

// Loads a series from the study database on a worker thread. The middle slice comes first
// (firstSlice) so a view shows something in a fraction of the full load; the whole volume
// follows (loaded). No header is read: the database has the instance records.
class SeriesLoadJob : public QObject {
    Q_OBJECT
public:
    SeriesLoadJob(QString databasePath, QString seriesUid, QObject* parent = nullptr);
    ~SeriesLoadJob() override;
    void start();
    void cancel();
    const QString& seriesUid() const { return seriesUid_; }

signals:
    void firstSlice(lumen::logic::SharedVolume slice);
    void loaded(lumen::logic::SharedImage image);
    void progress(double fraction, QString stage);
    void failed(QString message);

private:
    void run();
    QString databasePath_, seriesUid_;
    core::Progress progress_;
    std::unique_ptr<QThread> thread_;  // waited for, then deleted, by the destructor
};

}  // namespace lumen::logic

Q_DECLARE_METATYPE(lumen::logic::SharedVolume)
Q_DECLARE_METATYPE(lumen::logic::SharedImage)
