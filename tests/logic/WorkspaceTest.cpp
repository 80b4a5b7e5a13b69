#include "TestSupport.h"
#include "WorkspaceStates.h"

#include "io/AnnotationJson.h"
#include "logic/Workspace.h"

#include <gtest/gtest.h>

#include <csignal>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace lumen;
namespace fs = std::filesystem;

namespace {

// Equal when their JSON (everything but the voxels) and their voxels are equal.
bool same(const core::AnnotationSet& a, const core::AnnotationSet& b) {
    if (io::annotationsToJson(a, "x", 0) != io::annotationsToJson(b, "x", 0)) return false;
    return a.labels.empty() == b.labels.empty() && (a.labels.empty() || io::labelChecksum(a.labels) == io::labelChecksum(b.labels));
}

}  // namespace

TEST(Workspace, SaveAndLoadRestoreEverything) {
    test::TempDir dir("workspace");
    logic::Workspace w(logic::Workspace::folderFor(dir.path(), "1.2.3/../4"));
    EXPECT_EQ(w.folder().filename(), "1.2.3_.._4") << "a UID cannot climb out of the data folder";
    EXPECT_FALSE(w.hasSaved());
    const auto a = test::workspaceState(0);
    w.save(a);
    ASSERT_TRUE(w.hasSaved());
    const auto back = w.load(test::workspaceGrid());
    EXPECT_TRUE(same(a, back));
    EXPECT_EQ(back.segments.at(0).provenance.voxelsAdded, 120u);
    EXPECT_EQ(back.findings.at(0).status, core::Finding::Status::Accepted);
    EXPECT_EQ(back.labels.labels().find(2)->name, "lesion A");

    // A second save leaves exactly one label file.
    w.save(test::workspaceState(1));
    std::size_t labelFiles = 0;
    for (const auto& e : fs::directory_iterator(w.folder())) labelFiles += e.path().filename().string().rfind("labels-", 0) == 0;
    EXPECT_EQ(labelFiles, 1u);
}

TEST(Workspace, AutosaveIsOfferedAsRecoveryUntilSaved) {
    test::TempDir dir("workspace-recovery");
    logic::Workspace w(dir.path() / "ws");
    w.save(test::workspaceState(0));
    w.autosave(test::workspaceState(1));
    ASSERT_TRUE(w.hasRecovery());
    EXPECT_TRUE(same(w.loadRecovery(test::workspaceGrid()), test::workspaceState(1)));
    EXPECT_TRUE(same(w.load(test::workspaceGrid()), test::workspaceState(0)));
    w.save(test::workspaceState(1));
    EXPECT_FALSE(w.hasRecovery());
}

TEST(Workspace, CorruptOrMismatchedFilesAreClearErrorsAndChangeNothing) {
    test::TempDir dir("workspace-bad");
    logic::Workspace w(dir.path() / "ws");
    w.save(test::workspaceState(0));
    // A label map on another grid.
    const core::ImageGeometry other({128, 128, 65}, {0.8, 0.8, 1.5}, {-50, -50, -40});
    try {
        w.load(other);
        FAIL() << "loaded onto the wrong grid";
    } catch (const logic::WorkspaceError& e) {
        EXPECT_NE(std::string(e.what()).find("label map"), std::string::npos) << e.what();
    }
    // Truncated annotations.json.
    const fs::path json = w.folder() / "annotations.json";
    std::string text = test::readText(json);
    std::ofstream(json, std::ios::trunc) << text.substr(0, text.size() / 2);
    const std::string truncated = test::readText(json);
    EXPECT_THROW(w.load(test::workspaceGrid()), logic::WorkspaceError);
    EXPECT_EQ(test::readText(json), truncated) << "reading never writes";
    // Valid JSON of the wrong kind, and a wrong status.
    std::ofstream(json, std::ios::trunc) << "{\"format\": \"something else\"}";
    EXPECT_THROW(w.load(test::workspaceGrid()), logic::WorkspaceError);
    std::string bad = text;
    bad.replace(bad.find("\"accepted\""), 10, "\"maybe\"");
    std::ofstream(json, std::ios::trunc) << bad;
    EXPECT_THROW(w.load(test::workspaceGrid()), logic::WorkspaceError);
}

TEST(Workspace, SigkillWhileSavingLeavesTheOldOrTheNewStateNeverACorruptOne) {
    // A writer process saves states A and B alternately; it is killed (SIGKILL) at random
    // moments, 25 times. After each kill the workspace must load as exactly A or B.
    test::TempDir dir("workspace-crash");
    const fs::path folder = dir.path() / "ws";
    const std::string writer = (test::binaryDir() / "bin/workspace_crash_writer").string();
    ASSERT_TRUE(fs::exists(writer));
    const core::AnnotationSet states[2] = {test::workspaceState(0), test::workspaceState(1)};
    std::mt19937 rng(12345);
    int loadedA = 0, loadedB = 0;
    for (int round = 0; round < 25; ++round) {
        int out[2];
        ASSERT_EQ(::pipe(out), 0);
        const pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::dup2(out[1], 1);
            ::close(out[0]);
            ::execl(writer.c_str(), writer.c_str(), folder.c_str(), std::to_string(round % 2).c_str(), nullptr);
            ::_exit(127);
        }
        ::close(out[1]);
        // Kill at a random moment within one save: time the writer's second save, then kill
        // somewhere inside its third (so slow and fast machines are hit alike).
        FILE* lines = ::fdopen(out[0], "r");
        char line[64];
        ASSERT_TRUE(std::fgets(line, sizeof line, lines)) << "the writer did not save";
        const auto t0 = std::chrono::steady_clock::now();
        ASSERT_TRUE(std::fgets(line, sizeof line, lines));
        const auto oneSave = std::chrono::steady_clock::now() - t0;
        std::this_thread::sleep_for(oneSave * (double(rng() % 1000) / 1000));
        ::kill(pid, SIGKILL);
        std::fclose(lines);
        int status = 0;
        ::waitpid(pid, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "the writer must have been killed, not have exited";
        logic::Workspace w(folder);
        core::AnnotationSet got;
        ASSERT_NO_THROW(got = w.load(test::workspaceGrid())) << "round " << round;
        const bool a = same(got, states[0]), b = same(got, states[1]);
        ASSERT_TRUE(a || b) << "round " << round << ": a mix of states";
        loadedA += a, loadedB += b;
    }
    std::cout << "loaded A " << loadedA << " times, B " << loadedB << " times\n";
}
