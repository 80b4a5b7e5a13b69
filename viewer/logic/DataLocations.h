#pragma once
#include <QString>

namespace lumen::logic {

// Where Lumen keeps the user's data: $LUMEN_DATA_DIR if set (tests), else
// $XDG_DATA_HOME/Lumen (~/.local/share/Lumen), the folder installer/demo.sh uses too.
class DataLocations {
public:
    static QString dataDirectory();
    static QString databasePath();    // <data>/studies.sqlite
    static QString demoFolder();      // <data>/demo
    static QString importedFiles();   // <data>/files: copies made by "copy into Lumen" imports
};

}  // namespace lumen::logic
