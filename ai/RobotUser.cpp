#include "ai/RobotUser.h"

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

}  // namespace

std::optional<RobotClick> robotClick(const core::ImageGeometry& grid, const std::uint8_t* truth, const std::uint8_t* prediction) {
    const std::size_t n = grid.voxelCount();
    std::vector<std::uint8_t> error(n);
    for (std::size_t v = 0; v < n; ++v) error[v] = (truth[v] != 0) != (prediction[v] != 0);
    const auto cc = internal::binaryComponents(error.data(), grid.dims(), 6);
    if (cc.components.empty()) return std::nullopt;
    RobotClick click = deepestOf(grid, cc, largestComponent(cc));
    const auto& v = click.voxel;
    click.positive = truth[(v[2] * grid.dims()[1] + v[1]) * grid.dims()[0] + v[0]] != 0;
    return click;
}

std::optional<RobotClick> deepestVoxel(const core::ImageGeometry& grid, const std::uint8_t* mask) {
    const auto cc = internal::binaryComponents(mask, grid.dims(), 6);
    if (cc.components.empty()) return std::nullopt;
    return deepestOf(grid, cc, largestComponent(cc));
}

}  // namespace lumen::ai
