#include "ai/RobotUser.h"

#include "ai/Resampler.h"
#include "ai/internal/BinaryComponents.h"
#include "core/DistanceTransform.h"

#include <cmath>
#include <vector>

namespace lumen::ai {

namespace {

// The deepest voxel of component `id`: the distance transform runs on its box grown by one voxel,
// whose rim counts as outside (so the grid's edge is a border too).
RobotClick deepestOf(const core::ImageGeometry& grid, const internal::BinaryComponents& cc, std::uint32_t id) {
    const auto& c = cc.components[id - 1];
    const auto dims = grid.dims();
    const core::ImageGeometry::Dims box{c.hi[0] - c.lo[0] + 3, c.hi[1] - c.lo[1] + 3, c.hi[2] - c.lo[2] + 3};
    std::vector<std::uint8_t> outside(box[0] * box[1] * box[2], 1);
    for (std::size_t k = 1; k + 1 < box[2]; ++k)
        for (std::size_t j = 1; j + 1 < box[1]; ++j)
            for (std::size_t i = 1; i + 1 < box[0]; ++i) {
                const std::size_t v = ((c.lo[2] + k - 1) * dims[1] + (c.lo[1] + j - 1)) * dims[0] + (c.lo[0] + i - 1);
                if (cc.id[v] == id) outside[(k * box[1] + j) * box[0] + i] = 0;
            }
    const auto d2 = core::squaredDistanceTransform(outside, box, grid.spacing());
    // Ties (common on anisotropic grids) go to the voxel nearest the box's centre, then the first.
    const auto offCentre = [&](std::size_t v) {
        double s = 0;
        const std::size_t x[3] = {v % box[0], (v / box[0]) % box[1], v / (box[0] * box[1])};
        for (int a = 0; a < 3; ++a) s += std::pow((double(x[a]) - double(box[a] - 1) / 2) * grid.spacing()[a], 2);
        return s;
    };
    std::size_t best = 0;
    for (std::size_t v = 1; v < d2.size(); ++v)
        if (d2[v] > d2[best] || (d2[v] == d2[best] && d2[v] > 0 && offCentre(v) < offCentre(best))) best = v;
    RobotClick click;
    click.voxel = {c.lo[0] + best % box[0] - 1, c.lo[1] + (best / box[0]) % box[1] - 1, c.lo[2] + best / (box[0] * box[1]) - 1};
    click.world = grid.indexToWorld({double(click.voxel[0]), double(click.voxel[1]), double(click.voxel[2])});
    click.regionVoxels = c.voxels;
    click.depthMm = std::sqrt(d2[best]);
    return click;
}

std::uint32_t largestComponent(const internal::BinaryComponents& cc) {
    std::uint32_t largest = 1;
    for (std::uint32_t id = 2; id <= cc.components.size(); ++id)
        if (cc.components[id - 1].voxels > cc.components[largest - 1].voxels) largest = id;
    return largest;
}

// The largest component of a 0/1 mask given per voxel by `at`, found on the box of `box` (the
// voxels where anything can be set) and its deepest voxel, in `grid`'s indices.
template <typename At>
std::optional<RobotClick> deepestOfLargest(const core::ImageGeometry& grid, const VoxelBox& box, const At& at) {
    const core::ImageGeometry crop = cropGeometry(grid, box);
    const auto& d = grid.dims();
    const auto& c = crop.dims();
    std::vector<std::uint8_t> mask(crop.voxelCount());
    for (std::size_t k = 0, v = 0; k < c[2]; ++k)
        for (std::size_t j = 0; j < c[1]; ++j)
            for (std::size_t i = 0; i < c[0]; ++i, ++v)
                mask[v] = at(((box.lo[2] + k) * d[1] + box.lo[1] + j) * d[0] + box.lo[0] + i);
    const auto cc = internal::binaryComponents(mask.data(), c, 6);
    if (cc.components.empty()) return std::nullopt;
    RobotClick click = deepestOf(crop, cc, largestComponent(cc));
    for (int a = 0; a < 3; ++a) click.voxel[a] += box.lo[a];
    click.world = grid.indexToWorld({double(click.voxel[0]), double(click.voxel[1]), double(click.voxel[2])});
    return click;
}

// The box of the voxels where either mask is set; nothing when neither is.
std::optional<VoxelBox> boxOf(const core::ImageGeometry& grid, const std::uint8_t* a, const std::uint8_t* b) {
    const auto& d = grid.dims();
    VoxelBox box{{d[0], d[1], d[2]}, {0, 0, 0}};
    bool any = false;
    for (std::size_t k = 0, v = 0; k < d[2]; ++k)
        for (std::size_t j = 0; j < d[1]; ++j)
            for (std::size_t i = 0; i < d[0]; ++i, ++v)
                if (a[v] || (b && b[v])) {
                    any = true;
                    box.lo = {std::min(box.lo[0], i), std::min(box.lo[1], j), std::min(box.lo[2], k)};
                    box.hi = {std::max(box.hi[0], i), std::max(box.hi[1], j), std::max(box.hi[2], k)};
                }
    if (!any) return std::nullopt;
    return box;
}

}  // namespace

std::optional<RobotClick> robotClick(const core::ImageGeometry& grid, const std::uint8_t* truth, const std::uint8_t* prediction) {
    // Errors lie inside the box of truth and prediction: only that crop is searched.
    const auto box = boxOf(grid, truth, prediction);
    if (!box) return std::nullopt;
    auto click = deepestOfLargest(grid, *box, [&](std::size_t v) { return std::uint8_t((truth[v] != 0) != (prediction[v] != 0)); });
    if (click) {
        const auto& v = click->voxel;
        click->positive = truth[(v[2] * grid.dims()[1] + v[1]) * grid.dims()[0] + v[0]] != 0;
    }
    return click;
}

std::optional<RobotClick> deepestVoxel(const core::ImageGeometry& grid, const std::uint8_t* mask) {
    const auto box = boxOf(grid, mask, nullptr);
    if (!box) return std::nullopt;
    return deepestOfLargest(grid, *box, [&](std::size_t v) { return std::uint8_t(mask[v] != 0); });
}

}  // namespace lumen::ai
