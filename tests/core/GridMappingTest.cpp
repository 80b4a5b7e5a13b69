// GridMapping: reorders that keep every voxel's place in space, nearest neighbour otherwise.
#include "core/GridMapping.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace lumen::core;

namespace {

Volume numbered(const ImageGeometry& g, PixelType type = PixelType::UInt16) {
    Volume v = Volume::zeros(type, g);
    for (std::size_t n = 0; n < v.voxelsPerFrame(); ++n) v.as<std::uint16_t>()[n] = std::uint16_t(n + 1);
    return v;
}

// Each voxel of `out` holds the value `in` holds at the same world position.
void expectSamePlaces(const Volume& in, const Volume& out) {
    const auto& d = out.geometry().dims();
    for (std::size_t k = 0; k < d[2]; ++k)
        for (std::size_t j = 0; j < d[1]; ++j)
            for (std::size_t i = 0; i < d[0]; ++i) {
                const Vector3 s = in.geometry().worldToIndex(out.geometry().indexToWorld({double(i), double(j), double(k)}));
                ASSERT_EQ(out.storedValue(out.linearIndex(i, j, k)),
                          in.storedValue(in.linearIndex(std::size_t(std::lround(s.x)), std::size_t(std::lround(s.y)), std::size_t(std::lround(s.z)))));
            }
}

const double kTilt = 0.3;
const Matrix3 kOblique(std::array<double, 9>{1, 0, 0, 0, std::cos(kTilt), -std::sin(kTilt), 0, std::sin(kTilt), std::cos(kTilt)});

TEST(GridMapping, FlipsAndPermutationsAreExactReorders) {
    const ImageGeometry g({5, 4, 3}, {0.8, 0.9, 2.5}, {-10, 20, 30}, kOblique);
    const Volume v = numbered(g);
    // Row flip (dcm2niix), then a permutation of the flipped grid.
    const ImageGeometry flipped = flippedAxis(g, 1);
    const Matrix3 d = flipped.direction();
    const ImageGeometry permuted({3, 5, 4}, {2.5, 0.8, 0.9}, flipped.origin(), Matrix3::fromColumns(d.column(2), d.column(0), d.column(1)));
    for (const ImageGeometry& other : {flipped, flippedAxis(flippedAxis(g, 0), 2), permuted}) {
        const GridMapping m = GridMapping::between(g, other);
        ASSERT_EQ(m.kind(), GridMapping::Kind::Reordered);
        const Volume out = m.apply(v);
        EXPECT_EQ(out.geometry(), other);
        expectSamePlaces(v, out);
        // And back: the original voxels, bit for bit.
        const Volume back = GridMapping::between(other, g).apply(out);
        for (std::size_t n = 0; n < v.voxelsPerFrame(); ++n) ASSERT_EQ(back.as<std::uint16_t>()[n], v.as<std::uint16_t>()[n]);
    }
}

TEST(GridMapping, TheSameGridSharesVoxels) {
    const ImageGeometry g({5, 4, 3}, {1, 1, 1}, {0, 0, 0});
    const Volume v = numbered(g);
    const ImageGeometry nearly({5, 4, 3}, {1, 1, 1}, {0.01, 0, 0});  // within a tenth of a voxel
    const GridMapping m = GridMapping::between(g, nearly);
    EXPECT_EQ(m.kind(), GridMapping::Kind::Identical);
    EXPECT_TRUE(m.apply(v).sharesVoxelsWith(v));
}

TEST(GridMapping, OtherGridsAreResampledByNearestNeighbourAndFarOnesAreDisjoint) {
    const ImageGeometry fine({10, 8, 6}, {1, 1, 1}, {0, 0, 0});
    const ImageGeometry coarse({5, 4, 3}, {2, 2, 2}, {0.5, 0.5, 0.5});
    const Volume v = numbered(coarse);
    const GridMapping m = GridMapping::between(coarse, fine);
    ASSERT_EQ(m.kind(), GridMapping::Kind::Resampled);
    const Volume out = m.apply(v);
    // Fine voxel (2,2,2) lies at 2 mm: coarse index 0.75 → 1.
    EXPECT_EQ(out.storedValue(out.linearIndex(2, 2, 2)), v.storedValue(v.linearIndex(1, 1, 1)));
    // A crop: outside it, background.
    const ImageGeometry crop({2, 2, 2}, {1, 1, 1}, {4, 4, 4});
    const Volume small = numbered(crop);
    const Volume placed = GridMapping::between(crop, fine).apply(small);
    EXPECT_EQ(placed.storedValue(placed.linearIndex(4, 4, 4)), 1);
    EXPECT_EQ(placed.storedValue(placed.linearIndex(0, 0, 0)), 0);
    const ImageGeometry far({2, 2, 2}, {1, 1, 1}, {400, 0, 0});
    EXPECT_EQ(GridMapping::between(far, fine).kind(), GridMapping::Kind::Disjoint);
    EXPECT_THROW(GridMapping::between(far, fine).apply(numbered(far)), std::invalid_argument);
}

TEST(GridMapping, AMirroredGridIsNotMistakenForAFlip) {
    // Slices in the other order, but one slice off: a flip would put every label a slice away.
    const ImageGeometry g({4, 4, 4}, {1, 1, 1}, {0, 0, 0});
    const ImageGeometry shifted({4, 4, 4}, {1, 1, 1}, {0, 0, 2}, Matrix3(std::array<double, 9>{1, 0, 0, 0, 1, 0, 0, 0, -1}));
    EXPECT_EQ(GridMapping::between(g, shifted).kind(), GridMapping::Kind::Resampled);
}

}  // namespace
