#pragma once
// What the GUI benchmarks share: a Markdown table row, the event loop run until something is
// done, and the GUI thread's longest stall.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <execinfo.h>
#include <functional>
#include <pthread.h>
#include <thread>
#include <unistd.h>

namespace lumen::bench {

inline void row(const char* measure, const QString& lumen, const QString& peer, const char* target) {
    std::printf("| %s | %s | %s | %s |\n", measure, qPrintable(lumen), qPrintable(peer), target);
    std::fflush(stdout);
}
inline QString fps(double v) { return QString::number(v, 'f', 1) + " fps"; }
inline QString ms(double v) { return QString::number(v, 'f', 0) + " ms"; }

// Runs the event loop until `done`, or `limitMs`; false on time-out.
// Sleeps between events like the application's own loop (a busy loop here would take a core
// from the AI worker and distort what is measured); a 10 ms tick re-checks `done`.
inline bool spin(const std::function<bool()>& done, int limitMs = 120000) {
    QElapsedTimer t;
    t.start();
    QTimer tick;
    tick.start(10);
    while (!done()) {
        if (t.elapsed() > limitMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// The longest gap between two ticks of a 2 ms timer: how long the GUI thread was unavailable.
// VIEWER_BENCH_STALLS=trace also prints the GUI thread's stack every 20 ms while it is stalled
// (a watchdog thread signals it), which names what blocks it (addr2line -C -f -e EXE +OFFSET).
class StallMeter : public QObject {
public:
    StallMeter() {
        if (qgetenv("VIEWER_BENCH_STALLS") == "trace") {
            gui_ = pthread_self();
            std::signal(SIGPROF, [](int) {
                void* frames[48];
                const int n = backtrace(frames, 48);
                (void)!write(2, "--- stack\n", 10);
                backtrace_symbols_fd(frames, n, 2);
            });
            watchdog_ = std::thread([this] {
                while (!quit_) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                    if (running_ && std::chrono::steady_clock::now() - beat_.load() > std::chrono::milliseconds(40)) pthread_kill(gui_, SIGPROF);
                }
            });
        }
        timer_.setInterval(2);
        timer_.setTimerType(Qt::PreciseTimer);
        QObject::connect(&timer_, &QTimer::timeout, this, [this] {
            const double now = double(clock_.nsecsElapsed()) / 1e6;
            if (now - last_ - 2.0 > worst_ && qEnvironmentVariableIsSet("VIEWER_BENCH_STALLS")) std::fprintf(stderr, "stall %.0f ms at %.0f ms\n", now - last_ - 2.0, now);
            worst_ = std::max(worst_, now - last_ - 2.0);
            last_ = now;
            beat_ = std::chrono::steady_clock::now();
        });
    }
    ~StallMeter() override {
        quit_ = true;
        if (watchdog_.joinable()) watchdog_.join();
    }
    void start() {
        beat_ = std::chrono::steady_clock::now();
        worst_ = 0;
        clock_.start();
        last_ = 0;
        timer_.start();
        running_ = true;
    }
    double stop() {
        running_ = false;
        timer_.stop();
        return worst_;
    }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    double last_ = 0, worst_ = 0;
    pthread_t gui_{};
    std::thread watchdog_;
    std::atomic<bool> quit_{false}, running_{false};
    std::atomic<std::chrono::steady_clock::time_point> beat_{};
};

}  // namespace lumen::bench
