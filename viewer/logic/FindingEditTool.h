#pragma once
#include "core/Annotation.h"
#include "logic/ViewState.h"

#include <optional>
#include <vector>

namespace lumen::logic {

// Moves and resizes a finding's box by handles in any 2D view (ITK-SNAP style headless tool; the
// Qt mode forwards world points on the view's plane). In the view the box shows as the
// rectangle its corners span along the view's right and up axes; the edges and corners of that
// rectangle are the handles, its inside moves the whole box. An edge moves the box side along
// the patient axis nearest to the view's axis, so in axial, coronal and sagittal views edges
// follow the mouse exactly; in oblique views they follow its component along that axis.
class FindingEditTool {
public:
    enum class Handle { None, Inside, Left, Right, Bottom, Top, BottomLeft, BottomRight, TopLeft, TopRight };

    // Which handle of `finding` lies under `world` (a point on `view`'s plane), within
    // `toleranceMm` of an edge. None when the plane misses the box or the point is outside.
    // The rectangle (4 world corners, on `view`'s plane) the box shows as in the view, or nullopt
    // when the plane misses the box.
    static std::optional<std::vector<core::Point3>> outline(const core::Finding& finding, const ViewState& view);
    static Handle hitTest(const core::Finding& finding, const ViewState& view, const core::Point3& world, double toleranceMm);

    // A drag: begin on a handle, then each drag() returns the finding as it now is.
    bool begin(const core::Finding& finding, const ViewState& view, const core::Point3& world, double toleranceMm);
    core::Finding drag(const core::Point3& world) const;
    // The edited finding: status Edited for a model's proposal, provenance marked as edited by the
    // user, modified now. nullopt when nothing moved.
    std::optional<core::Finding> end(const core::Point3& world);
    bool active() const { return handle_ != Handle::None; }
    Handle handle() const { return handle_; }

private:
    core::Finding original_;
    Handle handle_ = Handle::None;
    core::Point3 start_;
    core::Vector3 right_, up_;
};

}  // namespace lumen::logic
