#pragma once
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <mutex>

namespace lumen::net { class StoreListener; }

namespace lumen::logic {

// The always-on C-STORE receiver of Preferences → PACS (off by default): studies a PACS or a
// modality pushes to Lumen land in the study database like an import, in batches (records and
// thumbnails added on a worker twice a second), under DataLocations::importedFiles()/received.
class PacsListener : public QObject {
    Q_OBJECT
public:
    explicit PacsListener(QString databasePath, QObject* parent = nullptr);
    ~PacsListener() override;
    // Listens as `aet` on `port`; false, and error() says why, when it cannot (a port in use).
    bool start(const QString& aet, int port);
    void stop();
    bool listening() const { return listener_ != nullptr; }
    const QString& error() const { return error_; }

signals:
    void received(int instances, QStringList seriesUids);  // now in the database

private:
    void flush();
    QString databasePath_, error_;
    std::unique_ptr<net::StoreListener> listener_;
    std::mutex mutex_;
    QStringList pending_;  // files received, not yet in the database
    QTimer tick_;
    bool busy_ = false;  // a batch is being added
};

}  // namespace lumen::logic
