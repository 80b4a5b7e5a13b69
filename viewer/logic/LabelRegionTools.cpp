#include "logic/LabelRegionTools.h"

#include "core/DistanceTransform.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace lumen::logic {

using core::VoxelRegion;

namespace {

std::array<std::size_t, 3> indexOf(std::size_t v, const core::ImageGeometry::Dims& d) {
    return {v % d[0], v / d[0] % d[1], v / (d[0] * d[1])};
}

// An empty box that include() grows to the voxels it is given.
VoxelRegion emptyBox(const core::ImageGeometry::Dims& d) { return {{d[0], d[1], d[2]}, {0, 0, 0}}; }
void include(VoxelRegion& box, const std::array<std::size_t, 3>& idx) {
    for (int a = 0; a < 3; ++a) box.lo[a] = std::min(box.lo[a], idx[a]), box.hi[a] = std::max(box.hi[a], idx[a] + 1);
}

// Sets `voxels` to `value`, recording their bounding box in the edit first.
std::size_t apply(core::LabelMap& labels, const std::vector<std::size_t>& voxels, std::uint16_t value, core::LabelMapEdit& edit) {
    if (voxels.empty()) return 0;
    const auto& d = labels.geometry().dims();
    VoxelRegion box = emptyBox(d);
    for (std::size_t v : voxels) include(box, indexOf(v, d));
    edit.capture(labels, box);
    for (std::size_t v : voxels) labels.set(v, value);
    return voxels.size();
}

// The bounding box of a label grown by `margin` voxels per axis (empty when the label is absent).
VoxelRegion labelBox(const core::LabelMap& labels, std::uint16_t label, const std::array<std::size_t, 3>& margin) {
    const auto& d = labels.geometry().dims();
    VoxelRegion box = emptyBox(d);
    for (std::size_t v = 0; v < labels.geometry().voxelCount(); ++v)
        if (labels.at(v) == label) include(box, indexOf(v, d));
    if (box.empty()) return {};
    for (int a = 0; a < 3; ++a) box.lo[a] = box.lo[a] > margin[a] ? box.lo[a] - margin[a] : 0, box.hi[a] = std::min(d[a], box.hi[a] + margin[a]);
    return box;
}

void checkAxis(int axis) {
    if (axis < 0 || axis > 2) throw std::invalid_argument("a grid axis is 0, 1 or 2");
}

}  // namespace

int gridAxisNearest(const core::ImageGeometry& grid, const core::Vector3& viewNormal) {
    int best = 0;
    for (int a = 1; a < 3; ++a)
        if (std::abs(grid.axis(a).dot(viewNormal)) > std::abs(grid.axis(best).dot(viewNormal))) best = a;
    return best;
}

std::size_t floodFill(core::LabelMap& labels, const core::Volume& image, const std::array<std::size_t, 3>& seed,
                      std::uint16_t label, double low, double high, int axis, bool onlyEmpty, core::LabelMapEdit& edit) {
    if (!labels.fits(image.geometry())) throw std::invalid_argument("the label map is not on the image's grid");
    const auto& d = labels.geometry().dims();
    for (int a = 0; a < 3; ++a)
        if (seed[a] >= d[a]) return 0;
    // The fill spreads through in-range voxels (those already labelled included); with
    // onlyEmpty, other labels stop it.
    const auto fillable = [&](std::size_t v) {
        const double x = image.realValue(v);
        const std::uint16_t current = labels.at(v);
        return x >= low && x <= high && !(onlyEmpty && current != 0 && current != label);
    };
    const std::size_t start = (seed[2] * d[1] + seed[1]) * d[0] + seed[0];
    if (!fillable(start)) return 0;
    std::vector<bool> seen(labels.geometry().voxelCount(), false);
    std::vector<std::size_t> stack{start}, filled;
    seen[start] = true;
    const std::size_t stride[3] = {1, d[0], d[0] * d[1]};
    while (!stack.empty()) {
        const std::size_t v = stack.back();
        stack.pop_back();
        if (labels.at(v) != label) filled.push_back(v);
        const auto idx = indexOf(v, d);
        for (int a = 0; a < 3; ++a) {
            if (a == axis) continue;
            if (idx[a] > 0 && !seen[v - stride[a]] && fillable(v - stride[a])) seen[v - stride[a]] = true, stack.push_back(v - stride[a]);
            if (idx[a] + 1 < d[a] && !seen[v + stride[a]] && fillable(v + stride[a])) seen[v + stride[a]] = true, stack.push_back(v + stride[a]);
        }
    }
    return apply(labels, filled, label, edit);
}

std::size_t fillPolygon(core::LabelMap& labels, const std::vector<core::Point3>& polygon, const core::Vector3& viewNormal,
                        std::uint16_t label, bool onlyEmpty, core::LabelMapEdit& edit) {
    if (polygon.size() < 3) return 0;
    const auto& g = labels.geometry();
    const auto& d = g.dims();
    const int axis = gridAxisNearest(g, viewNormal), u = (axis + 1) % 3, w = (axis + 2) % 3;
    const long slice = std::lround(g.worldToIndex(polygon.front())[axis]);
    if (slice < 0 || slice >= long(d[axis])) return 0;
    std::vector<std::array<double, 2>> corners;  // the polygon in the slice's (u, w) index plane
    double lo[2] = {1e300, 1e300}, hi[2] = {-1e300, -1e300};
    for (const auto& p : polygon) {
        const core::Vector3 idx = g.worldToIndex(p);
        corners.push_back({idx[u], idx[w]});
        for (int c = 0; c < 2; ++c) lo[c] = std::min(lo[c], corners.back()[c]), hi[c] = std::max(hi[c], corners.back()[c]);
    }
    const auto inside = [&](double a, double b) {  // even-odd crossing test
        bool in = false;
        for (std::size_t i = 0, j = corners.size() - 1; i < corners.size(); j = i++) {
            const auto &p = corners[i], &q = corners[j];
            if ((p[1] > b) != (q[1] > b) && a < (q[0] - p[0]) * (b - p[1]) / (q[1] - p[1]) + p[0]) in = !in;
        }
        return in;
    };
    const auto first = [](double x) { return std::size_t(std::max(0.0, std::ceil(x))); };
    const auto last = [](double x, std::size_t n) { return std::size_t(std::clamp(std::floor(x) + 1, 0.0, double(n))); };
    std::vector<std::size_t> voxels;
    std::array<std::size_t, 3> idx{};
    idx[axis] = std::size_t(slice);
    for (std::size_t b = first(lo[1]); b < last(hi[1], d[w]); ++b)
        for (std::size_t a = first(lo[0]); a < last(hi[0], d[u]); ++a) {
            if (!inside(double(a), double(b))) continue;
            idx[u] = a, idx[w] = b;
            const std::size_t v = (idx[2] * d[1] + idx[1]) * d[0] + idx[0];
            const std::uint16_t current = labels.at(v);
            if (current != label && !(onlyEmpty && current != 0)) voxels.push_back(v);
        }
    return apply(labels, voxels, label, edit);
}

std::size_t interpolateSlices(core::LabelMap& labels, std::uint16_t label, int axis, core::LabelMapEdit& edit) {
    checkAxis(axis);
    const auto& g = labels.geometry();
    const auto& d = g.dims();
    const int u = (axis + 1) % 3, w = (axis + 2) % 3;  // the plane's axes
    const std::size_t stride[3] = {1, d[0], d[0] * d[1]};
    const std::size_t nu = d[u], nw = d[w];
    const auto voxel = [&](std::size_t p, std::size_t a, std::size_t b) { return p * stride[axis] + a * stride[u] + b * stride[w]; };
    const auto mask = [&](std::size_t p) {
        std::vector<std::uint8_t> m(nu * nw);
        for (std::size_t b = 0; b < nw; ++b)
            for (std::size_t a = 0; a < nu; ++a) m[b * nu + a] = labels.at(voxel(p, a, b)) == label;
        return m;
    };
    std::vector<std::size_t> labelled;
    for (std::size_t p = 0; p < d[axis]; ++p) {
        const auto m = mask(p);
        if (std::find(m.begin(), m.end(), 1) != m.end()) labelled.push_back(p);
    }
    // The plane as a 2D grid: u along x, w along y.
    const core::ImageGeometry::Dims planeDims{nu, nw, 1};
    const core::Vector3 planeSpacing{g.spacing()[u], g.spacing()[w], 1};
    std::size_t planes = 0;
    for (std::size_t n = 0; n + 1 < labelled.size(); ++n) {
        const std::size_t p0 = labelled[n], p1 = labelled[n + 1];
        if (p1 - p0 < 2) continue;
        const auto s0 = core::signedDistance(mask(p0), planeDims, planeSpacing);
        const auto s1 = core::signedDistance(mask(p1), planeDims, planeSpacing);
        for (std::size_t p = p0 + 1; p < p1; ++p) {
            const double t = double(p - p0) / double(p1 - p0);
            std::vector<std::size_t> inside;
            for (std::size_t b = 0; b < nw; ++b)
                for (std::size_t a = 0; a < nu; ++a) {
                    const std::size_t q = b * nu + a, v = voxel(p, a, b);
                    if ((1 - t) * s0[q] + t * s1[q] < 0 && labels.at(v) == 0) inside.push_back(v);
                }
            planes += apply(labels, inside, label, edit) > 0;
        }
    }
    return planes;
}

std::size_t fillHoles(core::LabelMap& labels, std::uint16_t label, core::LabelMapEdit& edit) {
    const auto& d = labels.geometry().dims();
    const std::size_t n = labels.geometry().voxelCount();
    std::vector<bool> outside(n, false);
    std::vector<std::size_t> stack;
    for (std::size_t v = 0; v < n; ++v) {
        const auto idx = indexOf(v, d);
        const bool border = idx[0] == 0 || idx[1] == 0 || idx[2] == 0 || idx[0] + 1 == d[0] || idx[1] + 1 == d[1] || idx[2] + 1 == d[2];
        if (border && labels.at(v) != label) outside[v] = true, stack.push_back(v);
    }
    const std::size_t stride[3] = {1, d[0], d[0] * d[1]};
    while (!stack.empty()) {
        const std::size_t v = stack.back();
        stack.pop_back();
        const auto idx = indexOf(v, d);
        for (int a = 0; a < 3; ++a) {
            if (idx[a] > 0 && !outside[v - stride[a]] && labels.at(v - stride[a]) != label) outside[v - stride[a]] = true, stack.push_back(v - stride[a]);
            if (idx[a] + 1 < d[a] && !outside[v + stride[a]] && labels.at(v + stride[a]) != label) outside[v + stride[a]] = true, stack.push_back(v + stride[a]);
        }
    }
    std::vector<std::size_t> holes;
    for (std::size_t v = 0; v < n; ++v)
        if (!outside[v] && labels.at(v) == 0) holes.push_back(v);
    return apply(labels, holes, label, edit);
}

std::size_t smoothLabel(core::LabelMap& labels, std::uint16_t label, Morphology op, double radiusMm, core::LabelMapEdit& edit) {
    const auto& g = labels.geometry();
    std::array<std::size_t, 3> margin{};
    for (int a = 0; a < 3; ++a) margin[a] = static_cast<std::size_t>(std::ceil(radiusMm / g.spacing()[a])) + 1;
    const VoxelRegion box = labelBox(labels, label, margin);
    if (box.empty()) return 0;
    // Work on the label's box only: distance maps of the whole grid would be gigabytes.
    const core::ImageGeometry::Dims bd{box.hi[0] - box.lo[0], box.hi[1] - box.lo[1], box.hi[2] - box.lo[2]};
    const std::size_t n = bd[0] * bd[1] * bd[2];
    const auto gridVoxel = [&](std::size_t q) {
        const auto idx = indexOf(q, bd);
        return labels.voxels().linearIndex(box.lo[0] + idx[0], box.lo[1] + idx[1], box.lo[2] + idx[2]);
    };
    std::vector<std::uint8_t> m(n), complement(n);
    for (std::size_t q = 0; q < n; ++q) m[q] = labels.at(gridVoxel(q)) == label, complement[q] = !m[q];
    const double r2 = radiusMm * radiusMm;
    const auto dilate = [&](const std::vector<std::uint8_t>& x) {
        const auto dist = core::squaredDistanceTransform(x, bd, g.spacing());
        std::vector<std::uint8_t> out(n);
        for (std::size_t q = 0; q < n; ++q) out[q] = dist[q] <= r2;
        return out;
    };
    const auto invert = [&](std::vector<std::uint8_t> x) {
        for (auto& b : x) b = !b;
        return x;
    };
    // Erosion is the complement of the dilated complement.
    const std::vector<std::uint8_t> result = op == Morphology::Open ? dilate(invert(dilate(complement))) : invert(dilate(invert(dilate(m))));
    std::vector<std::size_t> removed, added;
    for (std::size_t q = 0; q < n; ++q) {
        if (m[q] && !result[q]) removed.push_back(gridVoxel(q));
        if (!m[q] && result[q] && labels.at(gridVoxel(q)) == 0) added.push_back(gridVoxel(q));
    }
    return apply(labels, removed, 0, edit) + apply(labels, added, label, edit);
}

std::size_t mergeLabel(core::LabelMap& labels, std::uint16_t from, std::uint16_t into, core::LabelMapEdit& edit) {
    if (from == 0 || from == into) return 0;
    // In place within the label's box: a list of its voxels could be hundreds of MB.
    const VoxelRegion box = labelBox(labels, from, {0, 0, 0});
    std::size_t n = 0;
    if (!box.empty()) {
        edit.capture(labels, box);
        for (std::size_t k = box.lo[2]; k < box.hi[2]; ++k)
            for (std::size_t j = box.lo[1]; j < box.hi[1]; ++j)
                for (std::size_t i = box.lo[0]; i < box.hi[0]; ++i)
                    if (labels.at(i, j, k) == from) labels.set(i, j, k, into), ++n;
    }
    labels.labels().remove(from);
    return n;
}

}  // namespace lumen::logic
