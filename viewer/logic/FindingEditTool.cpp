#include "logic/FindingEditTool.h"

#include "io/AnnotationJson.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lumen::logic {

namespace {

// The box's extent along a unit vector: projections of its eight corners.
std::pair<double, double> extent(const core::Finding& f, const core::Vector3& axis) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (int c = 0; c < 8; ++c) {
        const core::Point3 p{c & 1 ? f.boxMax.x : f.boxMin.x, c & 2 ? f.boxMax.y : f.boxMin.y, c & 4 ? f.boxMax.z : f.boxMin.z};
        lo = std::min(lo, p.dot(axis)), hi = std::max(hi, p.dot(axis));
    }
    return {lo, hi};
}

// The patient axis nearest to a view axis, with its sign.
std::pair<int, double> nearestAxis(const core::Vector3& v) {
    int best = 0;
    for (int a = 1; a < 3; ++a)
        if (std::abs(v[a]) > std::abs(v[best])) best = a;
    return {best, v[best] < 0 ? -1.0 : 1.0};
}

// Moves the box side that lies towards +axis (high) or −axis (low) of a view axis by `delta` mm.
void moveSide(core::Finding& f, const core::Vector3& viewAxis, bool high, double delta) {
    const auto [a, sign] = nearestAxis(viewAxis);
    // The view's "high" side is the patient's max side when the axes agree, else its min side.
    double& side = (high == (sign > 0)) ? f.boxMax[a] : f.boxMin[a];
    side += delta * sign;
}

}  // namespace

std::optional<std::vector<core::Point3>> FindingEditTool::outline(const core::Finding& f, const ViewState& view) {
    const auto [n0, n1] = extent(f, view.viewDirection());
    const double depth = view.center().dot(view.viewDirection());
    const double half = view.slices().stepMm() / 2;  // a point finding shows on its nearest slice
    if (depth < n0 - half || depth > n1 + half) return std::nullopt;
    const auto [r0, r1] = extent(f, view.right());
    const auto [u0, u1] = extent(f, view.up());
    const core::Vector3 n = view.viewDirection() * depth;
    const auto corner = [&](double r, double u) { return n + view.right() * r + view.up() * u; };
    return std::vector<core::Point3>{corner(r0, u0), corner(r1, u0), corner(r1, u1), corner(r0, u1)};
}

FindingEditTool::Handle FindingEditTool::hitTest(const core::Finding& f, const ViewState& view, const core::Point3& world,
                                                 double tol) {
    const auto [n0, n1] = extent(f, view.viewDirection());
    const double depth = world.dot(view.viewDirection());
    if (depth < n0 - tol || depth > n1 + tol) return Handle::None;  // the plane misses the box
    const auto [r0, r1] = extent(f, view.right());
    const auto [u0, u1] = extent(f, view.up());
    const double r = world.dot(view.right()), u = world.dot(view.up());
    if (r < r0 - tol || r > r1 + tol || u < u0 - tol || u > u1 + tol) return Handle::None;
    const bool left = std::abs(r - r0) <= tol, right = std::abs(r - r1) <= tol;
    const bool bottom = std::abs(u - u0) <= tol, top = std::abs(u - u1) <= tol;
    if (top && left) return Handle::TopLeft;
    if (top && right) return Handle::TopRight;
    if (bottom && left) return Handle::BottomLeft;
    if (bottom && right) return Handle::BottomRight;
    if (left) return Handle::Left;
    if (right) return Handle::Right;
    if (top) return Handle::Top;
    if (bottom) return Handle::Bottom;
    return Handle::Inside;
}

bool FindingEditTool::begin(const core::Finding& finding, const ViewState& view, const core::Point3& world, double tol) {
    handle_ = hitTest(finding, view, world, tol);
    original_ = finding;
    start_ = world;
    right_ = view.right();
    up_ = view.up();
    return handle_ != Handle::None;
}

core::Finding FindingEditTool::drag(const core::Point3& world) const {
    core::Finding f = original_;
    const core::Vector3 d = world - start_;
    const double dr = d.dot(right_), du = d.dot(up_);
    switch (handle_) {
        case Handle::None: break;
        case Handle::Inside: f.boxMin += d, f.boxMax += d; break;
        case Handle::Left: moveSide(f, right_, false, dr); break;
        case Handle::Right: moveSide(f, right_, true, dr); break;
        case Handle::Bottom: moveSide(f, up_, false, du); break;
        case Handle::Top: moveSide(f, up_, true, du); break;
        case Handle::BottomLeft: moveSide(f, right_, false, dr), moveSide(f, up_, false, du); break;
        case Handle::BottomRight: moveSide(f, right_, true, dr), moveSide(f, up_, false, du); break;
        case Handle::TopLeft: moveSide(f, right_, false, dr), moveSide(f, up_, true, du); break;
        case Handle::TopRight: moveSide(f, right_, true, dr), moveSide(f, up_, true, du); break;
    }
    for (int a = 0; a < 3; ++a)  // dragged past the opposite side: the box turns over, not inside out
        if (f.boxMin[a] > f.boxMax[a]) std::swap(f.boxMin[a], f.boxMax[a]);
    return f;
}

std::optional<core::Finding> FindingEditTool::end(const core::Point3& world) {
    if (handle_ == Handle::None) return std::nullopt;
    core::Finding f = drag(world);
    handle_ = Handle::None;
    if ((f.boxMin - original_.boxMin).norm() + (f.boxMax - original_.boxMax).norm() < 1e-9) return std::nullopt;
    if (f.provenance.fromModel()) {
        f.provenance.editedByUser = true;
        if (f.status == core::Finding::Status::Proposed || f.status == core::Finding::Status::Accepted) f.status = core::Finding::Status::Edited;
    }
    f.provenance.modified = io::isoTimeNow();
    return f;
}

}  // namespace lumen::logic
