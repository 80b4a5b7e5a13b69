#include "logic/ViewLinker.h"

namespace lumen::logic {

void ViewLinker::followCrosshair(const core::Point3& point, const std::vector<ViewState*>& views) {
    for (ViewState* v : views)
        if (v) v->moveTo(point);
}

bool ViewLinker::syncScroll(const ViewState& leader, const std::string& leaderFor, ViewState& follower,
                            const std::string& followerFor) {
    if (leaderFor.empty() || leaderFor != followerFor) return false;
    follower.moveTo(leader.center());
    return true;
}

}  // namespace lumen::logic
