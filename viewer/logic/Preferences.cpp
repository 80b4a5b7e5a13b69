#include "logic/Preferences.h"

#include <QSettings>

#include <pwd.h>
#include <unistd.h>

#include <algorithm>

namespace lumen::logic {

QString Preferences::language() { return QSettings().value("preferences/language", "en").toString(); }
void Preferences::setLanguage(const QString& code) { QSettings().setValue("preferences/language", code); }
bool Preferences::hidePatientIdentity() { return QSettings().value("preferences/hidePatientIdentity", false).toBool(); }
void Preferences::setHidePatientIdentity(bool hide) { QSettings().setValue("preferences/hidePatientIdentity", hide); }
bool Preferences::copyOnImport() { return QSettings().value("preferences/copyOnImport", false).toBool(); }
void Preferences::setCopyOnImport(bool copy) { QSettings().setValue("preferences/copyOnImport", copy); }
int Preferences::cineFramesPerSecond() { return std::clamp(QSettings().value("preferences/cineFps", 15).toInt(), 1, 60); }
void Preferences::setCineFramesPerSecond(int fps) { QSettings().setValue("preferences/cineFps", std::clamp(fps, 1, 60)); }
QString Preferences::sendAfterSaveServer() { return QSettings().value("preferences/sendAfterSave").toString(); }
void Preferences::setSendAfterSaveServer(const QString& name) { QSettings().setValue("preferences/sendAfterSave", name); }
bool Preferences::listenerEnabled() { return QSettings().value("pacs/listen", false).toBool(); }
QString Preferences::listenerAet() { return QSettings().value("pacs/listenAet", "LUMEN").toString(); }
int Preferences::listenerPort() { return QSettings().value("pacs/listenPort", 11113).toInt(); }
void Preferences::setListener(bool enabled, const QString& aet, int port) {
    QSettings settings;
    settings.setValue("pacs/listen", enabled);
    settings.setValue("pacs/listenAet", aet);
    settings.setValue("pacs/listenPort", port);
}

// The login name: $USER where the session sets it, else the account itself (a service, sudo or
// a desktop launcher may leave $USER unset, and an empty author made reviews anonymous).
QString Preferences::authorName() {
    QString name = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    if (name.isEmpty())
        if (const passwd* account = ::getpwuid(::getuid())) name = QString::fromLocal8Bit(account->pw_name);
    return name;
}

}  // namespace lumen::logic
