#pragma once
#include "logic/ViewState.h"

#include <string>
#include <vector>

namespace lumen::logic {

// Links between views: the MPR crosshair, and synchronised scrolling of series that share a
// frame of reference (prior/current comparison). Plain functions of view states, so the GUI
// and the tests drive the same code.
class ViewLinker {
public:
    // Every view moves its plane to pass through `point` (its in-plane centre stays put).
    static void followCrosshair(const core::Point3& point, const std::vector<ViewState*>& views);
    // `follower` moves to the leader's position along its own normal, when both images share a
    // frame of reference (same UID, not empty). Returns whether it moved.
    static bool syncScroll(const ViewState& leader, const std::string& leaderFrameOfReference, ViewState& follower,
                           const std::string& followerFrameOfReference);
};

}  // namespace lumen::logic
