#pragma once
#include "core/ImageGeometry.h"

#include <array>
#include <cstddef>
#include <vector>

namespace lumen::ai::internal {

// Where each voxel of a target grid falls in a source grid, for trilinear interpolation: the
// source cell (its lowest corner's linear index) and the fractions along source x, y, z. Outside
// the source, coordinates are clamped to the edge voxels (MONAI's "border" padding). Shared by
// the resampler and the label decision so both interpolate the same eight voxels.
class GridMapping {
public:
    GridMapping(const core::ImageGeometry& source, const core::ImageGeometry& target);

    // Target row (j, k): the cell of every i of the row.
    void rowCells(std::size_t j, std::size_t k, std::size_t* cell) const;
    // Fractions along source x, y, z of target voxel (i, j, k) within its cell.
    std::array<double, 3> fraction(std::size_t i, std::size_t j, std::size_t k) const;

    // Offsets of a cell's eight corners from its lowest one (0 along single-voxel axes).
    const std::array<std::size_t, 8>& corners() const { return corners_; }
    // Trilinear weights of the eight corners, in the order of corners().
    static std::array<double, 8> weights(const std::array<double, 3>& f);
    // The trilinear value in the cell whose lowest corner `lowest` points at.
    template <typename T>
    double trilinear(const T* lowest, const std::array<double, 8>& w) const {
        double v = 0;
        for (int q = 0; q < 8; ++q) v += w[q] * double(lowest[corners_[q]]);
        return v;
    }

    // The lowest corner index along an axis of n voxels and the fraction towards the next one.
    static void clampIndex(double x, std::size_t n, std::size_t& lo, double& f);

    // Axis-aligned mappings (every model grid of a straight image): target axis t moves only
    // source axis sourceAxis(t), and a target row is one source line.
    bool aligned() const { return aligned_; }
    int sourceAxis(int t) const { return axisOf_[t]; }
    // Source continuous index along its own axis sourceAxis(t) at target index n of axis t.
    double alignedCoordinate(int t, std::size_t n) const { return b_[axisOf_[t]] + a_[t][axisOf_[t]] * static_cast<double>(n); }
    // Aligned: target row (j, k) is the source line through `base` along sourceAxis(0),
    // interpolated across the other two axes: value(x) = Σ w[q]·source[base + x·stride + offset[q]].
    struct Line {
        std::size_t base;
        std::array<double, 4> w;
        std::array<std::size_t, 4> offset;
        // The line's value at the source voxel `q` points at (base + x·stride of some channel).
        template <typename T>
        double at(const T* q) const {
            return w[0] * double(q[offset[0]]) + w[1] * double(q[offset[1]]) + w[2] * double(q[offset[2]]) + w[3] * double(q[offset[3]]);
        }
    };
    Line alignedLine(std::size_t j, std::size_t k) const;
    // Aligned: target i of a row grouped into runs that share their source cell along the line.
    struct Span { std::size_t x, begin, end; };
    const std::vector<Span>& alignedSpans() const { return spans_; }
    // Aligned: lowest corner and fraction along sourceAxis(0) for each target i.
    const std::vector<std::size_t>& alignedLo0() const { return lo0_; }
    const std::vector<double>& alignedF0() const { return f0_; }
    std::size_t stride(int sourceAxis) const { return stride_[sourceAxis]; }
    const core::ImageGeometry::Dims& sourceDims() const { return sd_; }
    const core::ImageGeometry::Dims& targetDims() const { return td_; }

private:
    core::ImageGeometry::Dims sd_{}, td_{};
    core::Vector3 a_[3], b_;  // source continuous index = b + a[0]·i + a[1]·j + a[2]·k
    std::array<std::size_t, 3> stride_{};
    std::array<std::size_t, 8> corners_{};
    bool aligned_ = true;
    int axisOf_[3] = {-1, -1, -1};
    std::vector<std::size_t> lo0_;  // aligned: per target i, along sourceAxis(0)
    std::vector<std::size_t> offset0_;  // aligned: lo0_ · its stride
    std::vector<double> f0_;
    std::vector<Span> spans_;
};

}  // namespace lumen::ai::internal
