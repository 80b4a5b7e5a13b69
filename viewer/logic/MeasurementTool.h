#pragma once
#include "core/Measurement.h"
#include "core/Volume.h"
#include "logic/ViewState.h"

#include <memory>
#include <optional>

namespace lumen::logic {

// A measurement drawn on a view with the mouse, in world coordinates (ITK-SNAP/MITK style:
// the Qt interaction mode only translates mouse events into these calls). Press and drag
// define the first two points; the angle tool then takes a third click.
class MeasurementTool {
public:
    virtual ~MeasurementTool() = default;
    virtual core::Measurement::Kind kind() const = 0;

    void onPress(const core::Point3& world, const ViewState& view);
    void onMove(const core::Point3& world);
    // The finished measurement (values and statistics computed), or nullopt while the tool
    // still needs input or the gesture was too small to mean anything (a click).
    std::optional<core::Measurement> onRelease(const core::Point3& world, const core::Volume& volume);
    // What to draw while the gesture is under way.
    std::optional<core::Measurement> preview() const;
    bool active() const { return !points_.empty(); }
    void cancel() { points_.clear(); }

    static std::unique_ptr<MeasurementTool> create(core::Measurement::Kind kind);

protected:
    virtual std::size_t pointsNeeded() const { return 2; }

private:
    core::Measurement draft() const;
    std::vector<core::Point3> points_;
    core::Vector3 normal_, right_;
    std::size_t timePoint_ = 0;
    bool dragging_ = false;
};

class LengthTool : public MeasurementTool {
public:
    core::Measurement::Kind kind() const override { return core::Measurement::Kind::Length; }
};

class AngleTool : public MeasurementTool {
public:
    core::Measurement::Kind kind() const override { return core::Measurement::Kind::Angle; }
protected:
    std::size_t pointsNeeded() const override { return 3; }
};

class EllipseRoiTool : public MeasurementTool {
public:
    core::Measurement::Kind kind() const override { return core::Measurement::Kind::Ellipse; }
};

class RectangleRoiTool : public MeasurementTool {
public:
    core::Measurement::Kind kind() const override { return core::Measurement::Kind::Rectangle; }
};

// Value (mm, degrees, mm²) and, for regions, the image statistics inside them.
void computeMeasurement(core::Measurement& m, const core::Volume& volume, std::size_t timePoint = 0);

// The outline of a measurement in world coordinates (ellipses as 72-gons) and whether it closes.
std::vector<core::Point3> measurementOutline(const core::Measurement& m, bool& closed);

}  // namespace lumen::logic
