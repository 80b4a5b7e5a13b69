#include "logic/SecretStore.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <qt6keychain/keychain.h>

namespace lumen::logic {

namespace {
const QString kService = QStringLiteral("Lumen PACS");

// A desktop session has a D-Bus session bus: its address in the environment, or the socket
// systemd makes in XDG_RUNTIME_DIR. Without one (ssh, a kiosk, CI) the keyring is not asked at
// all: libsecret would try to autolaunch a bus by spawning dbus-launch from its own thread for
// every call, only to fail.
bool sessionBusExists() {
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) return true;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return !runtime.isEmpty() && QFileInfo(runtime + "/bus").exists();
}
}  // namespace

bool SecretStore::keyringReachable() {
    static const bool reachable = sessionBusExists();
    return reachable;
}

SecretStore& SecretStore::instance() {
    static SecretStore* store = new SecretStore(QCoreApplication::instance());  // deleted with the application
    return *store;
}

SecretStore::SecretStore(QObject* parent) : QObject(parent) {}

void SecretStore::read(const QString& server, std::function<void(const QString&, const QString&)> done) {
    if (const auto it = session_.constFind(server); it != session_.constEnd()) return done(*it, {});
    if (!keyringReachable()) return done({}, tr("no password or token known for %1 (no desktop keyring in this session)").arg(server));
    auto* job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(server);
    connect(job, &QKeychain::Job::finished, this, [this, server, done](QKeychain::Job* j) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(j);
        if (read->error() == QKeychain::NoError) {
            session_.insert(server, read->textData());
            return done(read->textData(), {});
        }
        done({}, read->error() == QKeychain::EntryNotFound ? tr("no password or token stored for %1").arg(server)
                                                           : tr("the desktop keyring cannot be read (%1)").arg(read->errorString()));
    });
    job->start();
}

void SecretStore::write(const QString& server, const QString& secret, std::function<void(const QString&)> done) {
    session_.insert(server, secret);
    if (!keyringReachable()) {
        if (done) done(tr("no desktop keyring (no D-Bus session): the password is kept until Lumen closes"));
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(server);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job* j) {
        if (!done) return;
        done(j->error() == QKeychain::NoError ? QString()
                                              : tr("no desktop keyring (%1): the password is kept until Lumen closes").arg(j->errorString()));
    });
    job->start();
}

void SecretStore::remove(const QString& server) {
    session_.remove(server);
    if (!keyringReachable()) return;
    auto* job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(server);
    job->start();
}

}  // namespace lumen::logic
