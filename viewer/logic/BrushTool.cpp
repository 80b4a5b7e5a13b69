#include "logic/BrushTool.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lumen::logic {

BrushTool::BrushTool(core::LabelMap& labels, const core::Volume* image) : labels_(labels), image_(image) {
    if (image_ && !labels_.fits(image_->geometry())) throw std::invalid_argument("the label map is not on the image's grid");
}

void BrushTool::begin(const core::Point3& world, const core::Vector3& viewNormal) {
    if (settings_.range && !image_) throw std::logic_error("the threshold brush needs the image");
    stroke_.emplace(settings_.erase ? "Erase" : settings_.range ? "Threshold paint" : "Paint");
    normal_ = viewNormal.normalized();
    last_ = world;
    dirty_ = {};
    dab(world);
}

void BrushTool::drag(const core::Point3& world) {
    if (!stroke_) return;
    const double step = std::max(settings_.radiusMm / 4, 1e-3);
    const double length = (world - last_).norm();
    const int n = std::max(1, static_cast<int>(std::ceil(length / step)));
    dirty_ = {};
    for (int s = 1; s <= n; ++s) dab(last_ + (world - last_) * (double(s) / n));
    last_ = world;
}

std::optional<core::LabelMapEdit> BrushTool::end() {
    if (!stroke_) return std::nullopt;
    core::LabelMapEdit edit = std::move(*stroke_);
    stroke_.reset();
    if (!edit.finish(labels_)) return std::nullopt;
    return edit;
}

bool BrushTool::paints(std::uint16_t current, std::size_t voxel) const {
    const auto& s = settings_;
    if (std::find(s.locked.begin(), s.locked.end(), current) != s.locked.end()) return false;
    if (s.erase) return current != 0 && (s.label == 0 || current == s.label);
    if (current == s.label || (s.onlyEmpty && current != 0)) return false;
    if (s.range) {
        const double v = image_->realValue(voxel);
        if (v < s.range->first || v > s.range->second) return false;
    }
    return true;
}

std::size_t BrushTool::dab(const core::Point3& centre) {
    const auto& g = labels_.geometry();
    const auto& d = g.dims();
    const double r = settings_.radiusMm;
    // Index box of the ball (the disc lies inside it): the axes are orthonormal, so the ball
    // spans r / spacing index steps along each.
    const core::Vector3 c = g.worldToIndex(centre);
    core::VoxelRegion box;
    for (int a = 0; a < 3; ++a) {
        const double half = r / g.spacing()[a];
        const double lo = std::ceil(c[a] - half), hi = std::floor(c[a] + half);
        if (hi < 0 || lo > double(d[a]) - 1) return 0;
        box.lo[a] = static_cast<std::size_t>(std::max(0.0, lo));
        box.hi[a] = static_cast<std::size_t>(std::min(double(d[a]) - 1, hi)) + 1;
    }
    // The disc is one voxel thick: voxels whose box the plane cuts.
    double halfThickness = 0;
    for (int a = 0; a < 3; ++a) halfThickness += 0.5 * std::abs(normal_.dot(g.axis(a))) * g.spacing()[a];
    stroke_->capture(labels_, box);
    const core::Vector3 step[3] = {g.axis(0) * g.spacing().x, g.axis(1) * g.spacing().y, g.axis(2) * g.spacing().z};
    std::size_t changed = 0;
    const std::uint16_t value = settings_.erase ? 0 : settings_.label;
    for (std::size_t k = box.lo[2]; k < box.hi[2]; ++k)
        for (std::size_t j = box.lo[1]; j < box.hi[1]; ++j) {
            core::Vector3 p = g.indexToWorld({double(box.lo[0]), double(j), double(k)}) - centre;
            for (std::size_t i = box.lo[0]; i < box.hi[0]; ++i, p = p + step[0]) {
                const double along = p.dot(normal_), r2 = p.dot(p);
                if (settings_.sphere ? r2 > r * r : (std::abs(along) > halfThickness || r2 - along * along > r * r)) continue;
                const std::size_t v = (k * d[1] + j) * d[0] + i;
                const std::uint16_t current = labels_.at(v);
                if (!paints(current, v)) continue;
                labels_.set(v, value);
                ++changed;
            }
        }
    if (dirty_.empty()) dirty_ = box;
    for (int a = 0; a < 3; ++a) dirty_.lo[a] = std::min(dirty_.lo[a], box.lo[a]), dirty_.hi[a] = std::max(dirty_.hi[a], box.hi[a]);
    return changed;
}

}  // namespace lumen::logic
