// Progress/cancel, parallelFor and the synthetic CT generator.
#include "core/OperationCanceled.h"
#include "core/ParallelFor.h"
#include "core/PathComponent.h"
#include "core/Progress.h"
#include "core/SyntheticCtGenerator.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <atomic>
#include <cstring>
#include <mutex>
#include <vector>

using namespace lumen::core;

namespace {

TEST(Progress, ReportsFractionsAndCancels) {
    std::mutex m;
    std::vector<double> seen;
    Progress p([&](double f, const std::string& stage) {
        std::lock_guard<std::mutex> lock(m);
        seen.push_back(f);
        EXPECT_EQ(stage, "Work");
    });
    p.beginStage("Work", 1000);
    parallelFor(1000, 4, [&](std::size_t) { p.advance(); });
    EXPECT_DOUBLE_EQ(p.fraction(), 1.0);
    EXPECT_LE(seen.size(), 102u) << "at most once per percent";
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);
    EXPECT_NO_THROW(p.checkCanceled());
    p.cancel();
    EXPECT_THROW(p.checkCanceled(), OperationCanceled);
}

TEST(ParallelFor, VisitsEveryIndexOnceAndRethrowsTheFirstError) {
    std::vector<std::atomic<int>> hits(10000);
    parallelFor(hits.size(), 0, [&](std::size_t i) { hits[i]++; });
    for (const auto& h : hits) ASSERT_EQ(h.load(), 1);
    std::atomic<int> ran{0};
    // Items take 1 ms, so that the thread that did not fail cannot finish all of them in the
    // moment the failing one is descheduled between taking item 10 and running it.
    EXPECT_THROW(parallelFor(1000, 2, [&](std::size_t i) {
                     ++ran;
                     if (i == 10) throw std::runtime_error("boom");
                     std::this_thread::sleep_for(std::chrono::milliseconds(1));
                 }),
                 std::runtime_error);
    EXPECT_LT(ran.load(), 1000) << "work stops after a failure";
}

TEST(SyntheticCtGenerator, AnatomyHasRealisticHounsfieldUnits) {
    SyntheticCtGenerator::Options o;
    o.size = 128;
    o.slices = 60;
    o.pixelSpacing = 3.0;
    o.sliceSpacing = 6.0;
    o.noiseHu = 0;
    const Volume ct = SyntheticCtGenerator::generate(o);
    EXPECT_EQ(ct.rescale().units, "HU");
    // The generator's layout: chest above chestFloor, liver centred 70 mm below it.
    const double zExtent = 59 * 6.0, chestFloor = zExtent / 2 - 0.45 * zExtent;
    const double chest = chestFloor + 0.55 * (zExtent / 2 - chestFloor), liverZ = chestFloor - 70;
    auto huAt = [&](Point3 p) {
        const Vector3 idx = ct.geometry().worldToIndex(p);
        return ct.realValueAt(std::size_t(std::lround(idx.x)), std::size_t(std::lround(idx.y)), std::size_t(std::lround(idx.z)));
    };
    EXPECT_EQ(huAt({0, -180, 0}), -1000) << "air in front of the patient";
    EXPECT_LT(huAt({75, 15, chest}), -700) << "lung";
    EXPECT_GT(huAt({-25, 50, chest}), 150) << "contrast in the aorta";
    EXPECT_GT(huAt({0, 75, 2}), 200) << "vertebral body";
    EXPECT_NEAR(huAt({-60, -10, liverZ}), 60, 1) << "liver";
}

TEST(SyntheticCtGenerator, SameSeedSameImageOtherSeedOtherNoise) {
    SyntheticCtGenerator::Options o;
    o.size = 32;
    o.slices = 4;
    o.pixelSpacing = 11;
    const Volume a = SyntheticCtGenerator::generate(o), b = SyntheticCtGenerator::generate(o);
    EXPECT_EQ(std::memcmp(a.data(), b.data(), a.byteSize()), 0);
    o.seed = 2;
    const Volume c = SyntheticCtGenerator::generate(o);
    EXPECT_NE(std::memcmp(a.data(), c.data(), a.byteSize()), 0);
}

}  // namespace

TEST(PathComponent, RealUidsStayAndAnythingElseBecomesAHashedName) {
    using lumen::core::uidPathComponent;
    EXPECT_EQ(uidPathComponent("1.2.840.113619.2.55.3"), "1.2.840.113619.2.55.3");
    for (const std::string& hostile : std::vector<std::string>{"../../x", "/etc/passwd", "", ".", "..", "1.2/3", "1..2", "Qzvxk^Wilhelmina", "1.2.", std::string(65, '1')}) {
        const std::string safe = uidPathComponent(hostile);
        EXPECT_EQ(safe.size(), 17u) << hostile;
        EXPECT_EQ(safe.front(), 'x');
        EXPECT_EQ(safe.find_first_of("/\\."), std::string::npos) << hostile;
    }
    EXPECT_NE(uidPathComponent("../a"), uidPathComponent("../b")) << "different values, different names";
}
