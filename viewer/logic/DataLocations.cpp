#include "logic/DataLocations.h"

#include <QDir>
#include <QStandardPaths>

namespace lumen::logic {

QString DataLocations::dataDirectory() {
    QString dir = qEnvironmentVariable("LUMEN_DATA_DIR");
    if (dir.isEmpty()) dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/Lumen";
    QDir().mkpath(dir);
    return dir;
}

QString DataLocations::databasePath() { return dataDirectory() + "/studies.sqlite"; }
QString DataLocations::demoFolder() { return dataDirectory() + "/demo"; }
QString DataLocations::importedFiles() { return dataDirectory() + "/files"; }

}  // namespace lumen::logic
