#pragma once
#include <string>
#include <vector>

namespace lumen::net {

// What to retrieve: a study, one series of it, or chosen instances of that series (what a
// "Retrieve missing" asks for).
struct RetrieveScope {
    std::string studyUid, seriesUid;
    std::vector<std::string> instanceUids;  // needs seriesUid
};

}  // namespace lumen::net
