#pragma once
#include "core/ImageGeometry.h"
#include "core/SliceStack.h"
#include "core/ViewOrientation.h"
#include "core/WindowLevel.h"

#include <cstddef>

namespace lumen::logic {

// Everything one 2D view needs to know to show a plane of the volume, and the navigation a
// radiologist does on it. Display coordinates are Qt's: pixels from the top-left corner.
class ViewState {
public:
    ViewState() = default;
    // `alignedToGrid`: the plane of the image grid nearest to the standard one
    // (core::gridAlignedViewFrame), else the patient's true axial/coronal/sagittal plane.
    ViewState(const core::ImageGeometry& geometry, core::ViewOrientation orientation, bool alignedToGrid = false);

    core::ViewOrientation orientation() const { return orientation_; }
    const core::ImageGeometry& imageGeometry() const { return geometry_; }  // of the volume it views
    bool alignedToGrid() const { return alignedToGrid_; }
    const core::Point3& center() const { return center_; }
    const core::Vector3& viewDirection() const { return frame_.viewDirection; }
    const core::Vector3& up() const { return frame_.up; }
    const core::Vector3& right() const { return frame_.right; }
    double heightMm() const { return heightMm_; }
    const core::WindowLevel& windowLevel() const { return windowLevel_; }
    bool inverted() const { return inverted_; }
    std::size_t timePoint() const { return timePoint_; }

    // Fits the whole volume into a viewport of this aspect (width / height), centred.
    void fit(double aspect);
    // Pixels → the world point on the view's plane, and back.
    core::Point3 displayToWorld(double x, double y, int width, int height) const;
    void worldToDisplay(const core::Point3& p, int width, int height, double& x, double& y) const;
    double pixelsPerMm(int height) const { return double(height) / heightMm_; }

    // Slices: moves the plane along its normal, one voxel step per slice, within the volume.
    const core::SliceStack& slices() const { return stack_; }
    std::size_t slice() const { return stack_.nearest(center_); }
    void scroll(int slices);
    void setSlice(std::size_t n);
    // Moves the plane (keeping what is in the middle of the screen) to pass through `p`.
    void moveTo(const core::Point3& p);
    // Puts `p` in the middle of the screen, the plane through it.
    void centerOn(const core::Point3& p) { center_ = p; }

    // Zoom by `factor` (>1 enlarges) keeping the world point under (x, y) in place.
    void zoom(double factor, double x, double y, int width, int height);
    void pan(double dx, double dy, int height);  // pixels

    void setWindowLevel(const core::WindowLevel& wl);
    // Left-drag: right widens the window, down raises the level (Slicer/RadiAnt), in
    // proportion to the current window so the feel is the same on CT and MR.
    void dragWindowLevel(double dx, double dy);
    void setInverted(bool inverted) { inverted_ = inverted; }
    void setTimePoint(std::size_t t) { timePoint_ = t; }

private:
    core::ImageGeometry geometry_;
    core::ViewOrientation orientation_ = core::ViewOrientation::Axial;
    bool alignedToGrid_ = false;
    core::ViewFrame frame_ = core::standardViewFrame(core::ViewOrientation::Axial);
    core::SliceStack stack_{core::ImageGeometry({1, 1, 1}, {1, 1, 1}, {}), {0, 0, 1}};
    core::Point3 center_;
    double heightMm_ = 250;
    core::WindowLevel windowLevel_;
    bool inverted_ = false;
    std::size_t timePoint_ = 0;
};

}  // namespace lumen::logic
