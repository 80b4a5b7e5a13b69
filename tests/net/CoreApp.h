#pragma once
// The one QCoreApplication of net_tests (logic's jobs use signals, timers and threads).
#include <QCoreApplication>

namespace lumen::test {

inline QCoreApplication& netApp() {
    static int argc = 1;
    static char name[] = "net_tests";
    static char* argv[] = {name, nullptr};
    static QCoreApplication instance(argc, argv);
    return instance;
}

}  // namespace lumen::test
