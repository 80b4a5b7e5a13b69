#pragma once
// The worker's interactive segmentation sessions (ai/protocol's InteractRequest): one
// ai::InteractiveSegmenter per session id, kept between requests so a prompt runs only the network
// on its region; each answer writes the current mask as OUTPUT.<step>.nii.
#include "ai/protocol/WorkerProtocol.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lumen::aicli {

class InteractiveSessions {
public:
    InteractiveSessions();
    ~InteractiveSessions();
    // Runs one request and returns its Result, or an Error event (the session stays as it was).
    ai::protocol::Event handle(const ai::protocol::Request& request);
    // Merges prompt requests that waited in the queue into the first: one run for all (the GUI
    // sends each click at once; while a run is busy, the clicks after it collapse).
    static bool mergePrompts(ai::protocol::Request& into, const ai::protocol::Request& next);

private:
    struct Session;
    std::map<std::string, std::unique_ptr<Session>> sessions_;
};

}  // namespace lumen::aicli
