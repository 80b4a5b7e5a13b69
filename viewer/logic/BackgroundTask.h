#pragma once
#include <QString>

#include <functional>

class QObject;

namespace lumen::logic {

// Runs `work` on a thread of its own at a lower priority, then `done` on `context`'s thread with
// what `work` threw (empty when it did not). For the few hundred milliseconds of file I/O that
// must not freeze the GUI (a volume handed to the AI worker, its result read back, a training
// case written). `done` is not called if `context` is gone by then.
void runInBackground(QObject* context, std::function<void()> work, std::function<void(const QString& error)> done);

}  // namespace lumen::logic
