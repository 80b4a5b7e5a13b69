#include "logic/ViewState.h"

#include <algorithm>
#include <cmath>

namespace lumen::logic {

using core::Point3;
using core::Vector3;

ViewState::ViewState(const core::ImageGeometry& geometry, core::ViewOrientation orientation, bool alignedToGrid)
    : geometry_(geometry),
      orientation_(orientation),
      alignedToGrid_(alignedToGrid),
      frame_(alignedToGrid ? core::gridAlignedViewFrame(orientation, geometry) : core::standardViewFrame(orientation)),
      stack_(geometry, frame_.viewDirection) {
    center_ = stack_.centerOf(stack_.count() / 2);
    fit(1.0);
}

void ViewState::fit(double aspect) {
    double umin = 1e300, umax = -1e300, vmin = 1e300, vmax = -1e300;
    const auto& d = geometry_.dims();
    for (int corner = 0; corner < 8; ++corner) {
        const Point3 p = geometry_.indexToWorld({corner & 1 ? double(d[0]) - 0.5 : -0.5, corner & 2 ? double(d[1]) - 0.5 : -0.5,
                                                 corner & 4 ? double(d[2]) - 0.5 : -0.5});
        umin = std::min(umin, p.dot(right())), umax = std::max(umax, p.dot(right()));
        vmin = std::min(vmin, p.dot(up())), vmax = std::max(vmax, p.dot(up()));
    }
    heightMm_ = 1.04 * std::max(vmax - vmin, (umax - umin) / std::max(aspect, 1e-3));
    // Centre the volume in the plane, keeping the plane where it is along the normal.
    const Point3 middle = right() * ((umin + umax) / 2) + up() * ((vmin + vmax) / 2);
    center_ = middle + viewDirection() * center_.dot(viewDirection());
}

Point3 ViewState::displayToWorld(double x, double y, int width, int height) const {
    const double mm = heightMm_ / double(std::max(height, 1));
    return center_ + right() * ((x - width / 2.0) * mm) + up() * ((height / 2.0 - y) * mm);
}

void ViewState::worldToDisplay(const Point3& p, int width, int height, double& x, double& y) const {
    const double px = pixelsPerMm(height);
    const Vector3 d = p - center_;
    x = width / 2.0 + d.dot(right()) * px;
    y = height / 2.0 - d.dot(up()) * px;
}

void ViewState::setSlice(std::size_t n) {
    const Point3 target = stack_.centerOf(std::min(n, stack_.count() - 1));
    moveTo(target);
}

void ViewState::scroll(int slices) {
    const long n = std::clamp<long>(long(slice()) + slices, 0, long(stack_.count()) - 1);
    setSlice(std::size_t(n));
}

void ViewState::moveTo(const Point3& p) {
    const Vector3 n = viewDirection();
    center_ += n * (p - center_).dot(n);
}

void ViewState::zoom(double factor, double x, double y, int width, int height) {
    if (!(factor > 0)) return;
    const Point3 anchor = displayToWorld(x, y, width, height);
    heightMm_ = std::clamp(heightMm_ / factor, 5.0, 5000.0);
    // Keep the anchor under the cursor.
    const Point3 after = displayToWorld(x, y, width, height);
    center_ += anchor - after;
}

void ViewState::pan(double dx, double dy, int height) {
    const double mm = heightMm_ / double(std::max(height, 1));
    center_ -= right() * (dx * mm);
    center_ += up() * (dy * mm);
}

void ViewState::setWindowLevel(const core::WindowLevel& wl) {
    windowLevel_ = {std::max(wl.window, 1e-3), wl.level};
}

void ViewState::dragWindowLevel(double dx, double dy) {
    const double sensitivity = std::max(windowLevel_.window, 1.0) / 250.0;
    setWindowLevel({windowLevel_.window + dx * sensitivity, windowLevel_.level + dy * sensitivity});
}

}  // namespace lumen::logic
