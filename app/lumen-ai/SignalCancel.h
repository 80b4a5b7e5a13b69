#pragma once
namespace lumen::core { class Progress; }

namespace lumen::aicli {

// SIGINT / SIGTERM cancel `progress` (long runs end cleanly: inference writes nothing, training
// checkpoints and can be resumed). nullptr stops forwarding.
void cancelOnSignals(core::Progress* progress);

}  // namespace lumen::aicli
