#include "core/DistanceTransform.h"
#include "core/LabelMapEdit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>

using namespace lumen;
using core::ImageGeometry;

namespace {

std::vector<std::uint8_t> bytes(const core::LabelMap& m) {
    const auto* p = static_cast<const std::uint8_t*>(m.voxels().data());
    return {p, p + m.voxels().byteSize()};
}

// A random box of random value, recorded as one edit.
core::LabelMapEdit randomEdit(core::LabelMap& m, std::mt19937& rng) {
    const auto& d = m.geometry().dims();
    core::VoxelRegion box;
    for (int a = 0; a < 3; ++a) {
        box.lo[a] = rng() % d[a];
        box.hi[a] = std::min(d[a], box.lo[a] + 1 + rng() % 20);
    }
    core::LabelMapEdit e("box");
    e.capture(m, box);
    const auto value = static_cast<std::uint16_t>(rng() % 4);
    for (std::size_t k = box.lo[2]; k < box.hi[2]; ++k)
        for (std::size_t j = box.lo[1]; j < box.hi[1]; ++j)
            for (std::size_t i = box.lo[0]; i < box.hi[0]; ++i) m.set(i, j, k, value);
    e.finish(m);
    return e;
}

}  // namespace

TEST(LabelMapEdit, UndoAndRedoRestoreByteIdenticalMaps) {
    // 40 random edits on a map whose size is not a multiple of the tile, then undo all, redo
    // all, and partial sequences: every state must match its snapshot byte for byte.
    core::LabelMap m(ImageGeometry({37, 29, 23}, {1, 1, 1}, {0, 0, 0}));
    std::mt19937 rng(7);
    core::LabelUndoStack stack;
    std::vector<std::vector<std::uint8_t>> states{bytes(m)};
    for (int n = 0; n < 40; ++n) {
        stack.push(randomEdit(m, rng));
        states.push_back(bytes(m));
    }
    for (int n = 40; n > 0; --n) {
        ASSERT_NE(stack.undo(m), nullptr);
        ASSERT_EQ(bytes(m), states[n - 1]) << "after undoing edit " << n;
    }
    EXPECT_EQ(stack.undo(m), nullptr);
    for (int n = 1; n <= 25; ++n) {
        stack.redo(m);
        ASSERT_EQ(bytes(m), states[n]) << "after redoing edit " << n;
    }
    // A new edit after undos drops the redo side.
    stack.undo(m);
    stack.push(randomEdit(m, rng));
    EXPECT_FALSE(stack.canRedo());
    EXPECT_EQ(stack.undoCount(), 25u);
}

TEST(LabelMapEdit, KeepsOnlyChangedTilesAndCountsTheEffort) {
    core::LabelMap m(ImageGeometry({64, 64, 64}, {1, 1, 1}, {0, 0, 0}));
    core::LabelMapEdit e("paint");
    e.capture(m, core::VoxelRegion::whole(m.geometry()));  // 64 tiles seen
    m.set(5, 5, 5, 2);
    m.set(40, 40, 40, 2);
    ASSERT_TRUE(e.finish(m));
    EXPECT_EQ(e.tiles(), 2u);
    EXPECT_EQ(e.voxelsAdded(), 2u);
    EXPECT_EQ(e.voxelsRemoved(), 0u);
    EXPECT_LT(e.bytes(), 1024u) << "two tiles of two runs each, not 64 tiles";
    core::LabelMapEdit none;
    none.capture(m, core::VoxelRegion::whole(m.geometry()));
    EXPECT_FALSE(none.finish(m));
}

TEST(LabelMapEdit, MemoryBudgetForgetsTheOldestEdits) {
    core::LabelMap m(ImageGeometry({64, 64, 16}, {1, 1, 1}, {0, 0, 0}));
    std::mt19937 rng(3);
    core::LabelUndoStack stack(64 * 1024);
    std::size_t total = 0;
    for (int n = 0; n < 50; ++n) {
        auto e = randomEdit(m, rng);
        total += e.bytes();
        stack.push(std::move(e));
        EXPECT_TRUE(stack.bytes() <= 64 * 1024 || stack.undoCount() == 1) << n;
    }
    ASSERT_GT(total, 64u * 1024) << "the edits must exceed the budget for this test";
    EXPECT_LT(stack.undoCount(), 50u);
    EXPECT_GE(stack.undoCount(), 1u);
}

TEST(DistanceTransform, SignedDistanceOfADiscIsRadialAndAnisotropic) {
    // A disc of radius 10 mm on a 0.5 × 1 mm grid: |signed distance − (r − 10)| within one
    // voxel step of the true radial distance.
    const ImageGeometry::Dims d{81, 41, 1};
    const core::Vector3 sp{0.5, 1, 1};
    std::vector<std::uint8_t> m(d[0] * d[1]);
    for (std::size_t j = 0; j < d[1]; ++j)
        for (std::size_t i = 0; i < d[0]; ++i)
            m[j * d[0] + i] = std::hypot((double(i) - 40) * 0.5, double(j) - 20) <= 10;
    const auto s = core::signedDistance(m, d, sp);
    for (std::size_t j = 0; j < d[1]; ++j)
        for (std::size_t i = 0; i < d[0]; ++i) {
            const double r = std::hypot((double(i) - 40) * 0.5, double(j) - 20);
            EXPECT_NEAR(s[j * d[0] + i], r - 10, 1.0) << i << "," << j;
            EXPECT_EQ(s[j * d[0] + i] < 0, r <= 10);
        }
}
