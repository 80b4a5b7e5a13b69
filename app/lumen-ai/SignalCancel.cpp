#include "SignalCancel.h"

#include "core/Progress.h"

#include <atomic>
#include <csignal>

namespace lumen::aicli {

namespace {
std::atomic<core::Progress*> gProgress{nullptr};
extern "C" void forwardSignal(int) {
    if (core::Progress* p = gProgress.load()) p->cancel();  // an atomic store: safe in a handler
}
}  // namespace

void cancelOnSignals(core::Progress* progress) {
    gProgress = progress;
    std::signal(SIGINT, forwardSignal);
    std::signal(SIGTERM, forwardSignal);
}

}  // namespace lumen::aicli
