#include "core/Progress.h"

#include "core/OperationCanceled.h"

#include <algorithm>

namespace lumen::core {

void Progress::beginStage(const std::string& stage, std::size_t totalSteps) {
    {
        std::lock_guard<std::mutex> lock(stageMutex_);
        stage_ = stage;
    }
    total_.store(totalSteps);
    done_.store(0);
    lastPercent_.store(-1);
    notify(0.0);
}

void Progress::advance(std::size_t steps) {
    const std::size_t done = done_.fetch_add(steps) + steps;
    const std::size_t total = total_.load();
    notify(total ? std::min(1.0, double(done) / double(total)) : 1.0);
}

double Progress::fraction() const {
    const std::size_t total = total_.load();
    return total ? std::min(1.0, double(done_.load()) / double(total)) : 0.0;
}

std::string Progress::stage() const {
    std::lock_guard<std::mutex> lock(stageMutex_);
    return stage_;
}

void Progress::checkCanceled() const {
    if (isCanceled()) throw OperationCanceled();
}

void Progress::notify(double fraction) {
    if (!observer_) return;
    const int percent = int(fraction * 100.0);
    if (percent <= lastPercent_.load()) return;  // the common case costs no lock
    // Serialised so that observers see percentages in order and the last report is the latest.
    std::lock_guard<std::mutex> lock(observerMutex_);
    if (percent <= lastPercent_.load()) return;
    lastPercent_.store(percent);
    observer_(fraction, stage());
}

}  // namespace lumen::core
