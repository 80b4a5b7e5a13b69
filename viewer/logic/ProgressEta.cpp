#include "logic/ProgressEta.h"

#include <QCoreApplication>

#include <cmath>

namespace lumen::logic {

void ProgressEta::restart() {
    clock_.start();
    stage_.clear();
    stageStartMs_ = 0;
    secondsLeft_.reset();
}

void ProgressEta::update(double fraction, const QString& stage, std::optional<qint64> nowMs) {
    if (!clock_.isValid()) clock_.start();
    const qint64 now = nowMs.value_or(clock_.elapsed());
    if (stage != stage_) {
        stage_ = stage;
        stageStartMs_ = now;
        stageStartFraction_ = fraction;  // a resumed job starts part-way
        secondsLeft_.reset();
        return;
    }
    const double elapsed = double(now - stageStartMs_) / 1000.0, done = fraction - stageStartFraction_;
    if (done < 0.1 * (1.0 - stageStartFraction_) || elapsed < 1.0 || fraction >= 1.0) return secondsLeft_.reset();
    secondsLeft_ = elapsed * (1.0 - fraction) / done;
}

QString ProgressEta::text() const {
    if (!secondsLeft_) return {};
    const double s = *secondsLeft_;
    if (s < 90) return QCoreApplication::translate("lumen::logic::ProgressEta", "about %1 s left").arg(std::max(1L, std::lround(s)));
    return QCoreApplication::translate("lumen::logic::ProgressEta", "about %1 min left").arg(std::lround(s / 60));
}

}  // namespace lumen::logic
