#pragma once
#include <QString>

namespace lumen::logic {

// The user's preferences, kept in QSettings (organisation "Lumen", application "Lumen").
class Preferences {
public:
    // Who reviews and annotates, for provenance ("accepted by", "added by"): the login name.
    static QString authorName();
    static QString language();  // "en", "de", "fr"; takes effect on the next start
    static void setLanguage(const QString& code);
    static bool hidePatientIdentity();
    static void setHidePatientIdentity(bool hide);
    static bool copyOnImport();
    static void setCopyOnImport(bool copy);
    static int cineFramesPerSecond();
    static void setCineFramesPerSecond(int fps);
    // The PACS that File ▸ Save also sends the annotations to (SEG, SR); empty: none.
    static QString sendAfterSaveServer();
    static void setSendAfterSaveServer(const QString& name);
    // The always-on C-STORE listener (off by default): Lumen's AE title and port for it.
    static bool listenerEnabled();
    static QString listenerAet();
    static int listenerPort();
    static void setListener(bool enabled, const QString& aet, int port);
};

}  // namespace lumen::logic
