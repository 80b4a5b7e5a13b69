#pragma once
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace lumen::logic {

// PACS passwords and tokens: in the desktop keyring (QtKeychain: the Secret Service of GNOME
// Keyring or KWallet), never in QSettings, the server file or a log. Without a keyring they are
// kept for this session only, and the caller is told so. The keyring's answers come later
// (D-Bus): callbacks run on the owner's thread. One instance per application.
class SecretStore : public QObject {
    Q_OBJECT
public:
    static SecretStore& instance();

    // `done(secret, error)`: the secret, or an empty one and why ("none stored for …").
    void read(const QString& server, std::function<void(const QString& secret, const QString& error)> done);
    // `done(error)`: empty when the keyring has it; else why (it is then kept for this session).
    void write(const QString& server, const QString& secret, std::function<void(const QString& error)> done = {});
    void remove(const QString& server);
    // Drops this session's copies (the keyring keeps its own): the next read asks the keyring.
    void forgetSession() { session_.clear(); }
    // Whether this session has a D-Bus session bus, where a keyring could answer.
    static bool keyringReachable();

private:
    explicit SecretStore(QObject* parent = nullptr);
    QHash<QString, QString> session_;  // what this session knows, keyring or not
};

}  // namespace lumen::logic
