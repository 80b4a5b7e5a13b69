#pragma once
// The one QCoreApplication of logic_tests (signals, timers and threads need it).
#include <QCoreApplication>

namespace lumen::test {

inline QCoreApplication& coreApp() {
    static int argc = 1;
    static char name[] = "logic_tests";
    static char* argv[] = {name, nullptr};
    static QCoreApplication instance(argc, argv);
    return instance;
}

}  // namespace lumen::test
