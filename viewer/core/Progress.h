#pragma once
#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>

namespace lumen::core {

// Progress and cancellation shared by a long operation and whoever waits for it. Thread-safe:
// workers call advance() and checkCanceled() from any thread; the observer runs on the
// reporting thread, at most once per percent and in increasing order, so GUIs must marshal it.
class Progress {
public:
    using Observer = std::function<void(double fraction, const std::string& stage)>;

    Progress() = default;
    explicit Progress(Observer observer) : observer_(std::move(observer)) {}
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Starts a named stage of `totalSteps` steps; fraction() restarts at 0.
    void beginStage(const std::string& stage, std::size_t totalSteps);
    void advance(std::size_t steps = 1);
    double fraction() const;
    std::string stage() const;

    void cancel() { canceled_.store(true); }
    bool isCanceled() const { return canceled_.load(); }
    // Throws OperationCanceled when cancel() was called.
    void checkCanceled() const;

private:
    void notify(double fraction);

    Observer observer_;
    std::atomic<bool> canceled_{false};
    std::atomic<std::size_t> done_{0};
    std::atomic<std::size_t> total_{0};
    std::atomic<int> lastPercent_{-1};
    std::mutex observerMutex_;
    mutable std::mutex stageMutex_;
    std::string stage_;
};

}  // namespace lumen::core
