#pragma once
#include <QElapsedTimer>
#include <QString>

#include <optional>

namespace lumen::logic {

// "About N s left" for a job that reports its progress per stage (the worker's events): the rate
// of the current stage so far, extrapolated to its end. Nothing until a tenth of what was left
// when the stage began is done and a second has passed — an early guess jumps around more than
// it helps.
class ProgressEta {
public:
    void restart();
    // fraction: 0..1 of `stage`; the time is measured here unless given (tests).
    void update(double fraction, const QString& stage, std::optional<qint64> nowMs = std::nullopt);
    std::optional<double> secondsLeft() const { return secondsLeft_; }
    QString text() const;  // "about 12 s left", "about 3 min left", or empty

private:
    QElapsedTimer clock_;
    QString stage_;
    qint64 stageStartMs_ = 0;
    double stageStartFraction_ = 0;
    std::optional<double> secondsLeft_;
};

}  // namespace lumen::logic
