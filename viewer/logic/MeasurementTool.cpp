#include "logic/MeasurementTool.h"

#include <algorithm>
#include <cmath>

namespace lumen::logic {

using core::Measurement;
using core::Point3;
using core::Vector3;

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kMinimumGestureMm = 0.5;  // shorter drags are clicks, not measurements

// The region's frame: centre and half-extents along the plane's right and up axes.
void regionFrame(const Measurement& m, Point3& centre, Vector3& right, Vector3& up, double& a, double& b) {
    right = m.planeRight.normalized();
    up = m.planeNormal.cross(right).normalized();
    centre = (m.points[0] + m.points[1]) / 2.0;
    const Vector3 d = m.points[1] - m.points[0];
    a = std::abs(d.dot(right)) / 2;
    b = std::abs(d.dot(up)) / 2;
}

bool insideRegion(const Measurement& m, double u, double v, double a, double b) {
    if (m.kind == Measurement::Kind::Rectangle) return std::abs(u) <= a && std::abs(v) <= b;
    return (u * u) / (a * a) + (v * v) / (b * b) <= 1.0;
}

core::RegionStatistics regionStatistics(const Measurement& m, const core::Volume& volume, std::size_t t) {
    core::RegionStatistics s;
    Point3 c;
    Vector3 right, up;
    double a, b;
    regionFrame(m, c, right, up, a, b);
    s.areaMm2 = m.kind == Measurement::Kind::Rectangle ? 4 * a * b : kPi * a * b;
    if (a <= 0 || b <= 0 || volume.empty() || volume.pixelType() == core::PixelType::Rgb24) return s;
    // The pixels of the slice: voxels within one voxel layer of the plane whose centres fall
    // inside the outline (so an axis-aligned region counts exactly the pixels drawn inside it).
    const auto& g = volume.geometry();
    const Vector3 n = m.planeNormal.normalized();
    double halfThickness = 0;
    for (int axis = 0; axis < 3; ++axis) halfThickness += 0.5 * std::abs(n.dot(g.axis(axis))) * g.spacing()[axis];
    Vector3 lo{1e300, 1e300, 1e300}, hi{-1e300, -1e300, -1e300};
    for (double su : {-1.0, 1.0})
        for (double sv : {-1.0, 1.0})
            for (double sn : {-1.0, 1.0}) {
                const Vector3 idx = g.worldToIndex(c + right * (su * a) + up * (sv * b) + n * (sn * halfThickness));
                for (int axis = 0; axis < 3; ++axis) lo[axis] = std::min(lo[axis], idx[axis]), hi[axis] = std::max(hi[axis], idx[axis]);
            }
    long first[3], last[3];
    for (int axis = 0; axis < 3; ++axis) {
        first[axis] = std::max(0L, long(std::floor(lo[axis])));
        last[axis] = std::min(long(g.dims()[std::size_t(axis)]) - 1, long(std::ceil(hi[axis])));
    }
    double sum = 0, sum2 = 0;
    s.minimum = 1e300;
    s.maximum = -1e300;
    for (long k = first[2]; k <= last[2]; ++k)
        for (long j = first[1]; j <= last[1]; ++j)
            for (long i = first[0]; i <= last[0]; ++i) {
                const Vector3 d = g.indexToWorld({double(i), double(j), double(k)}) - c;
                // Half-open slab: a plane through voxel boundaries takes one layer, not two.
                const double depth = d.dot(n);
                if (depth < -halfThickness || depth >= halfThickness) continue;
                if (!insideRegion(m, d.dot(right), d.dot(up), a, b)) continue;
                const double x = volume.realValue(volume.linearIndex(std::size_t(i), std::size_t(j), std::size_t(k), t));
                sum += x;
                sum2 += x * x;
                s.minimum = std::min(s.minimum, x);
                s.maximum = std::max(s.maximum, x);
                ++s.samples;
            }
    if (s.samples == 0) {
        s.minimum = s.maximum = 0;
        return s;
    }
    s.mean = sum / double(s.samples);
    s.standardDeviation = s.samples > 1 ? std::sqrt(std::max(0.0, (sum2 - sum * s.mean) / double(s.samples - 1))) : 0.0;
    return s;
}

}  // namespace

void computeMeasurement(Measurement& m, const core::Volume& volume, std::size_t timePoint) {
    switch (m.kind) {
        case Measurement::Kind::Length:
            m.value = (m.points.at(1) - m.points.at(0)).norm();
            break;
        case Measurement::Kind::Angle: {
            const Vector3 u = m.points.at(0) - m.points.at(1), v = m.points.at(2) - m.points.at(1);
            const double c = u.dot(v) / std::max(u.norm() * v.norm(), 1e-12);
            m.value = std::acos(std::clamp(c, -1.0, 1.0)) * 180.0 / kPi;
            break;
        }
        case Measurement::Kind::Ellipse:
        case Measurement::Kind::Rectangle:
            m.statistics = regionStatistics(m, volume, timePoint);
            m.value = m.statistics->areaMm2;
            m.units = volume.rescale().units;
            break;
    }
}

std::vector<Point3> measurementOutline(const Measurement& m, bool& closed) {
    closed = false;
    if (m.kind == Measurement::Kind::Length || m.kind == Measurement::Kind::Angle) return m.points;
    closed = true;
    Point3 c;
    Vector3 right, up;
    double a, b;
    regionFrame(m, c, right, up, a, b);
    if (m.kind == Measurement::Kind::Rectangle)
        return {c - right * a - up * b, c + right * a - up * b, c + right * a + up * b, c - right * a + up * b};
    std::vector<Point3> outline;
    for (int i = 0; i < 72; ++i) {
        const double t = 2 * kPi * i / 72;
        outline.push_back(c + right * (a * std::cos(t)) + up * (b * std::sin(t)));
    }
    return outline;
}

void MeasurementTool::onPress(const Point3& world, const ViewState& view) {
    if (points_.empty()) {
        normal_ = view.viewDirection();
        right_ = view.right();
        timePoint_ = view.timePoint();
        points_ = {world, world};
    } else if (points_.size() < pointsNeeded()) {
        points_.push_back(world);  // the angle's third point
    }
    dragging_ = true;
}

void MeasurementTool::onMove(const Point3& world) {
    if (!points_.empty()) points_.back() = world;
}

std::optional<Measurement> MeasurementTool::onRelease(const Point3& world, const core::Volume& volume) {
    if (points_.empty()) return std::nullopt;
    points_.back() = world;
    dragging_ = false;
    if (points_.size() == 2 && (points_[1] - points_[0]).norm() < kMinimumGestureMm) {
        points_.clear();
        return std::nullopt;
    }
    if (points_.size() < pointsNeeded()) {
        points_.push_back(world);  // follows the mouse until the next click
        return std::nullopt;
    }
    Measurement m = draft();
    points_.clear();
    computeMeasurement(m, volume, timePoint_);
    return m;
}

std::optional<Measurement> MeasurementTool::preview() const {
    if (points_.empty()) return std::nullopt;
    return draft();
}

Measurement MeasurementTool::draft() const {
    Measurement m;
    m.kind = kind();
    m.points = points_;
    m.planeNormal = normal_;
    m.planeRight = right_;
    if (m.kind == Measurement::Kind::Length || m.kind == Measurement::Kind::Angle)
        if (m.points.size() >= (m.kind == Measurement::Kind::Angle ? 3u : 2u)) computeMeasurement(m, core::Volume());
    return m;
}

std::unique_ptr<MeasurementTool> MeasurementTool::create(Measurement::Kind kind) {
    switch (kind) {
        case Measurement::Kind::Length: return std::make_unique<LengthTool>();
        case Measurement::Kind::Angle: return std::make_unique<AngleTool>();
        case Measurement::Kind::Ellipse: return std::make_unique<EllipseRoiTool>();
        case Measurement::Kind::Rectangle: return std::make_unique<RectangleRoiTool>();
    }
    return nullptr;
}

}  // namespace lumen::logic
