#pragma once
#include "core/Progress.h"

#include <string>

namespace lumen::aicli {

// Progress as JSON lines on stderr ({"progress": 0.42, "stage": "network"}); nothing when quiet.
// Stages named in `silent` are left out (training reports its iterations itself).
core::Progress::Observer progressLines(bool quiet, const std::string& silent = "");

// SIGINT / SIGTERM cancel `progress` (long runs end cleanly: inference writes nothing, training
// checkpoints and can be resumed). nullptr stops forwarding.
void cancelOnSignals(core::Progress* progress);

}  // namespace lumen::aicli
