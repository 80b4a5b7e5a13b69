#include "logic/InstanceChannel.h"

#include "logic/DataLocations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>

namespace lumen::logic {

namespace {
// One request per connection: {"open": [absolute paths]}\n, answered by "ok\n".
constexpr qint64 kMaxRequestBytes = 1 << 20;
}  // namespace

InstanceChannel::InstanceChannel(QString name, QObject* parent) : QObject(parent), name_(std::move(name)) {}

InstanceChannel::~InstanceChannel() = default;

QString InstanceChannel::defaultName() {
    const QByteArray user = qgetenv("USER").isEmpty() ? qgetenv("LOGNAME") : qgetenv("USER");
    const QByteArray data = QDir(DataLocations::dataDirectory()).absolutePath().toUtf8();
    return "lumen-" + QString::fromUtf8(QCryptographicHash::hash(user + '\0' + data, QCryptographicHash::Sha256).toHex().left(16));
}

bool InstanceChannel::handOver(const QStringList& paths, int timeoutMs) const {
    QLocalSocket socket;
    socket.connectToServer(name_);
    if (!socket.waitForConnected(timeoutMs)) return false;
    QJsonArray absolute;
    for (const QString& p : paths) absolute.append(QFileInfo(p).absoluteFilePath());
    socket.write(QJsonDocument(QJsonObject{{"open", absolute}}).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs)) return false;
    while (!socket.canReadLine())
        if (!socket.waitForReadyRead(timeoutMs)) return false;
    return socket.readLine().trimmed() == "ok";
}

bool InstanceChannel::listen() {
    if (listening()) return true;
    // Ask first: with access options Qt binds beside the socket and renames over it, so listen()
    // alone would take the channel from a running Lumen. One that answers stays the one; a socket
    // nobody answers on was left by a Lumen that crashed, and is replaced.
    {
        QLocalSocket probe;
        probe.connectToServer(name_);
        if (probe.waitForConnected(500)) return false;
    }
    if (!server_) {
        server_ = new QLocalServer(this);
        server_->setSocketOptions(QLocalServer::UserAccessOption);  // other users' Lumen cannot talk to it
        connect(server_, &QLocalServer::newConnection, this, &InstanceChannel::onConnection);
    }
    QLocalServer::removeServer(name_);
    return server_->listen(name_);
}

bool InstanceChannel::listening() const { return server_ && server_->isListening(); }

void InstanceChannel::onConnection() {
    while (QLocalSocket* socket = server_->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > kMaxRequestBytes) return socket->abort();
            if (!socket->canReadLine()) return;
            const QJsonDocument request = QJsonDocument::fromJson(socket->readLine());
            QStringList paths;
            for (const auto& p : request.object().value("open").toArray())
                if (p.isString() && QFileInfo(p.toString()).isAbsolute()) paths << p.toString();
            socket->write(request.isObject() ? "ok\n" : "error\n");
            socket->flush();
            socket->disconnectFromServer();
            if (request.isObject()) emit openRequested(paths);  // none: a plain `lumen`, the window comes to the front
        });
    }
}

}  // namespace lumen::logic
