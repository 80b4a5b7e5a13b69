#pragma once
#include <QObject>
#include <QStringList>

class QLocalServer;

namespace lumen::logic {

// One window per user (as RadiAnt and Weasis do): a file opened while Lumen runs (a double-click
// in the file manager, `lumen FILE` in a shell) goes to the running window instead of a second
// one. The first Lumen listens on a local socket named after the user and the data folder; a
// later launch hands its paths over and exits. Different data folders ($LUMEN_DATA_DIR: tests,
// a second database) are different instances.
class InstanceChannel : public QObject {
    Q_OBJECT
public:
    explicit InstanceChannel(QString name = defaultName(), QObject* parent = nullptr);
    ~InstanceChannel() override;

    // The socket name for this user and data folder.
    static QString defaultName();

    // Hands paths (made absolute here: the running Lumen has another working folder) to the
    // Lumen listening on this channel. True once it acknowledged them; false at once when none
    // listens, or after timeoutMs when one does not answer.
    bool handOver(const QStringList& paths, int timeoutMs = 3000) const;

    // Becomes the instance that others hand their paths to. A socket left by a Lumen that
    // crashed is taken over; false only when another running Lumen answers on it.
    bool listen();
    bool listening() const;

signals:
    // Absolute paths; empty when the later launch named no file (then only show the window).
    void openRequested(const QStringList& paths);

private:
    void onConnection();

    QString name_;
    QLocalServer* server_ = nullptr;
};

}  // namespace lumen::logic
