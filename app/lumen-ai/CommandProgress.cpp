#include "CommandProgress.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cmath>
#include <csignal>
#include <iostream>

namespace lumen::aicli {

namespace {
std::atomic<core::Progress*> gProgress{nullptr};
extern "C" void forwardSignal(int) {
    if (core::Progress* p = gProgress.load()) p->cancel();  // an atomic store: safe in a handler
}
}  // namespace

core::Progress::Observer progressLines(bool quiet, const std::string& silent) {
    return [quiet, silent](double fraction, const std::string& stage) {
        if (quiet || stage == silent) return;
        std::cerr << nlohmann::json{{"progress", std::round(fraction * 1000) / 1000}, {"stage", stage}}.dump() << std::endl;
    };
}

void cancelOnSignals(core::Progress* progress) {
    gProgress = progress;
    std::signal(SIGINT, forwardSignal);
    std::signal(SIGTERM, forwardSignal);
}

}  // namespace lumen::aicli
