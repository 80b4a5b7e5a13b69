#include "logic/BackgroundTask.h"

#include "logic/BackgroundPriority.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <exception>
#include <memory>

namespace lumen::logic {

void runInBackground(QObject* context, std::function<void()> work, std::function<void(const QString& error)> done) {
    auto error = std::make_shared<QString>();
    QThread* thread = QThread::create([work = std::move(work), error] {
        lowerCurrentThreadPriority();
        try {
            work();
        } catch (const std::exception& e) {
            *error = QString::fromUtf8(e.what());
            if (error->isEmpty()) *error = QStringLiteral("unknown error");
        }
    });
    QObject::connect(thread, &QThread::finished, context, [thread, error, done = std::move(done)] {
        thread->deleteLater();
        done(*error);
    });
    QObject::connect(thread, &QThread::finished, thread, [thread, guard = QPointer<QObject>(context)] {
        if (!guard) thread->deleteLater();  // nobody left to hear the outcome
    });
    thread->start();
}

}  // namespace lumen::logic
