#include "ai/internal/GridMapping.h"

#include <algorithm>
#include <cmath>

namespace lumen::ai::internal {

GridMapping::GridMapping(const core::ImageGeometry& source, const core::ImageGeometry& target)
    : sd_(source.dims()), td_(target.dims()) {
    b_ = source.worldToIndex(target.origin());
    for (int axis = 0; axis < 3; ++axis) {
        core::Vector3 unit{};
        unit[axis] = 1;
        a_[axis] = source.worldToIndex(target.indexToWorld(unit)) - b_;
    }
    stride_ = {1, sd_[0], sd_[0] * sd_[1]};
    const std::size_t dx = sd_[0] > 1 ? 1 : 0, dy = sd_[1] > 1 ? stride_[1] : 0, dz = sd_[2] > 1 ? stride_[2] : 0;
    corners_ = {0, dx, dy, dx + dy, dz, dz + dx, dz + dy, dz + dx + dy};
    for (int t = 0; t < 3 && aligned_; ++t) {
        for (int q = 0; q < 3; ++q)
            if (std::abs(a_[t][q]) > 1e-9) {
                if (axisOf_[t] >= 0) aligned_ = false;
                axisOf_[t] = q;
            }
        if (axisOf_[t] < 0) aligned_ = false;
    }
    aligned_ = aligned_ && axisOf_[0] != axisOf_[1] && axisOf_[0] != axisOf_[2] && axisOf_[1] != axisOf_[2];
    if (aligned_) {
        lo0_.resize(td_[0]);
        f0_.resize(td_[0]);
        offset0_.resize(td_[0]);
        for (std::size_t i = 0; i < td_[0]; ++i) {
            clampIndex(alignedCoordinate(0, i), sd_[axisOf_[0]], lo0_[i], f0_[i]);
            offset0_[i] = lo0_[i] * stride_[axisOf_[0]];
            if (spans_.empty() || spans_.back().x != lo0_[i]) spans_.push_back({lo0_[i], i, i});
            spans_.back().end = i + 1;
        }
    }
}

void GridMapping::clampIndex(double x, std::size_t n, std::size_t& lo, double& f) {
    x = std::clamp(x, 0.0, static_cast<double>(n - 1));
    lo = std::min(static_cast<std::size_t>(x), n > 1 ? n - 2 : 0);
    f = n > 1 ? x - static_cast<double>(lo) : 0.0;
}

std::array<double, 8> GridMapping::weights(const std::array<double, 3>& f) {
    const double fx = f[0], fy = f[1], fz = f[2];
    return {(1 - fx) * (1 - fy) * (1 - fz), fx * (1 - fy) * (1 - fz), (1 - fx) * fy * (1 - fz), fx * fy * (1 - fz),
            (1 - fx) * (1 - fy) * fz,       fx * (1 - fy) * fz,       (1 - fx) * fy * fz,       fx * fy * fz};
}

GridMapping::Line GridMapping::alignedLine(std::size_t j, std::size_t k) const {
    const int p1 = axisOf_[1], p2 = axisOf_[2];
    std::size_t lo1, lo2;
    double f1, f2;
    clampIndex(alignedCoordinate(1, j), sd_[p1], lo1, f1);
    clampIndex(alignedCoordinate(2, k), sd_[p2], lo2, f2);
    const std::size_t d1 = sd_[p1] > 1 ? stride_[p1] : 0, d2 = sd_[p2] > 1 ? stride_[p2] : 0;
    return {lo1 * stride_[p1] + lo2 * stride_[p2],
            {(1 - f1) * (1 - f2), f1 * (1 - f2), (1 - f1) * f2, f1 * f2},
            {0, d1, d2, d1 + d2}};
}

void GridMapping::rowCells(std::size_t j, std::size_t k, std::size_t* cell) const {
    if (aligned_) {
        const std::size_t base = alignedLine(j, k).base;
        for (std::size_t i = 0; i < td_[0]; ++i) cell[i] = base + offset0_[i];
        return;
    }
    const core::Vector3 start = b_ + a_[1] * static_cast<double>(j) + a_[2] * static_cast<double>(k);
    for (std::size_t i = 0; i < td_[0]; ++i) {
        const core::Vector3 s = start + a_[0] * static_cast<double>(i);
        std::size_t lo[3];
        double f;
        for (int q = 0; q < 3; ++q) clampIndex(s[q], sd_[q], lo[q], f);
        cell[i] = (lo[2] * sd_[1] + lo[1]) * sd_[0] + lo[0];
    }
}

std::array<double, 3> GridMapping::fraction(std::size_t i, std::size_t j, std::size_t k) const {
    std::array<double, 3> f{};
    std::size_t lo;
    if (aligned_) {
        f[axisOf_[0]] = f0_[i];
        clampIndex(alignedCoordinate(1, j), sd_[axisOf_[1]], lo, f[axisOf_[1]]);
        clampIndex(alignedCoordinate(2, k), sd_[axisOf_[2]], lo, f[axisOf_[2]]);
        return f;
    }
    // The same expression as rowCells, so both agree on the cell.
    const core::Vector3 s = (b_ + a_[1] * static_cast<double>(j) + a_[2] * static_cast<double>(k)) + a_[0] * static_cast<double>(i);
    for (int q = 0; q < 3; ++q) clampIndex(s[q], sd_[q], lo, f[q]);
    return f;
}

}  // namespace lumen::ai::internal
