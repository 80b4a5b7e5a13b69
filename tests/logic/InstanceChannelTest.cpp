// One window per user: a later launch hands its files to the Lumen that listens, over a real
// local socket; the later launch runs in a thread of its own here, as it would in a process.
#include "logic/InstanceChannel.h"

#include "CoreApp.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QSignalSpy>
#include <QUuid>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <future>

using namespace lumen;

namespace {

QString uniqueName() { return "lumen-test-" + QUuid::createUuid().toString(QUuid::Id128).left(12); }

// Runs a later launch's handOver while this thread serves the socket.
bool handOverFromAnotherThread(const QString& name, const QStringList& paths) {
    auto later = std::async(std::launch::async, [name, paths] { return logic::InstanceChannel(name).handOver(paths, 3000); });
    while (later.wait_for(std::chrono::milliseconds(5)) != std::future_status::ready) QCoreApplication::processEvents();
    QCoreApplication::processEvents();  // the signal is emitted after the answer
    return later.get();
}

}  // namespace

TEST(InstanceChannel, NobodyListeningMeansTheLaunchOpensItsOwnWindowAtOnce) {
    test::coreApp();
    const auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(logic::InstanceChannel(uniqueName()).handOver({"/tmp/a.nii.gz"}));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1)) << "no waiting when no Lumen runs";
}

TEST(InstanceChannel, TheRunningLumenGetsTheLaterLaunchsFilesAsAbsolutePaths) {
    test::coreApp();
    const QString name = uniqueName();
    logic::InstanceChannel running(name);
    ASSERT_TRUE(running.listen());
    QSignalSpy opened(&running, &logic::InstanceChannel::openRequested);

    ASSERT_TRUE(handOverFromAnotherThread(name, {"brain.nii.gz", "/data/ct/DICOMDIR"}));
    ASSERT_EQ(opened.size(), 1);
    const QStringList paths = opened.at(0).at(0).toStringList();
    EXPECT_EQ(paths, (QStringList{QDir::current().absoluteFilePath("brain.nii.gz"), "/data/ct/DICOMDIR"}))
        << "relative to the later launch's folder, not the running one's";

    // A plain `lumen` while one runs: no files, the window only comes to the front.
    ASSERT_TRUE(handOverFromAnotherThread(name, {}));
    ASSERT_EQ(opened.size(), 2);
    EXPECT_TRUE(opened.at(1).at(0).toStringList().isEmpty());
}

TEST(InstanceChannel, ASecondLumenDoesNotTakeTheChannelFromTheRunningOne) {
    test::coreApp();
    const QString name = uniqueName();
    logic::InstanceChannel first(name), second(name);
    ASSERT_TRUE(first.listen());
    // `second` probes the socket; `first` must answer while it does, so probe from a thread.
    auto taken = std::async(std::launch::async, [&second] { return second.listen(); });
    while (taken.wait_for(std::chrono::milliseconds(5)) != std::future_status::ready) QCoreApplication::processEvents();
    EXPECT_FALSE(taken.get());
    EXPECT_TRUE(first.listening());
}

TEST(InstanceChannel, ASocketLeftByACrashedLumenIsTakenOver) {
    test::coreApp();
    const QString name = uniqueName();
    // A crash leaves the socket file behind with nobody listening on it: a server whose
    // process is gone. Closing a QLocalServer removes its file, so make the file by hand.
    QLocalServer crashed;
    ASSERT_TRUE(crashed.listen(name));
    const QString file = crashed.fullServerName();
    crashed.close();
    {
        // Recreate a dead socket file at the same place: bind and never listen (Python is Debian's).
        const std::string cmd = "/usr/bin/python3 -c \"import socket; s = socket.socket(socket.AF_UNIX); s.bind('" +
                                file.toStdString() + "')\"";
        ASSERT_EQ(std::system(cmd.c_str()), 0);
    }
    ASSERT_TRUE(QFileInfo::exists(file));
    logic::InstanceChannel next(name);
    EXPECT_TRUE(next.listen()) << "the stale socket of a crashed Lumen must not stop the next one";
    EXPECT_TRUE(handOverFromAnotherThread(name, {"/tmp/x.nrrd"}));
}
