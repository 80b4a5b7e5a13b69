#pragma once
#include "ai/protocol/WorkerProtocol.h"

#include <QObject>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>

namespace lumen::logic {

// The viewer's end of the AI worker: a `lumen-ai worker` child process, started on the first job
// and kept warm, spoken to in JSON lines (ai/protocol). Jobs run in the worker, so the GUI stays
// responsive and a crash or out-of-memory there costs the job, never the user's work: the job
// fails with a message, workerDied() tells the app, and the next job starts a fresh worker.
class AiWorkerClient : public QObject {
    Q_OBJECT
public:
    // `program`: the lumen-ai executable; empty → $LUMEN_AI, else lumen-ai beside this program.
    explicit AiWorkerClient(QString program = {}, QObject* parent = nullptr);
    ~AiWorkerClient() override;  // asks the worker to stop, then ends it

    QString submit(const ai::protocol::InferRequest& request);  // the job's id
    // A fine-tune runs beside inference jobs (the worker pauses it while one runs); at most one.
    QString fineTune(const ai::protocol::FineTuneRequest& request);
    // A request of an interactive session (clicks, boxes, undo): every request of one session
    // carries its id; with `session` empty it starts one and returns the new id. Results come as
    // interacted(). The worker keeps the session's image and model loaded between requests.
    QString interact(const ai::protocol::InteractRequest& request, const QString& session = {});
    void pause(const QString& id);   // a fine-tune: it stops at its next iteration (paused())
    void resume(const QString& id);
    void cancel(const QString& id);  // a fine-tune keeps its last checkpoint
    bool running() const { return process_->state() != QProcess::NotRunning; }
    qint64 workerPid() const { return process_->processId(); }
    QString device() const { return device_; }  // "CPU, 2 threads" or the GPU, once the worker said
    int pendingJobs() const { return int(pending_.size()); }
    const QString& program() const { return program_; }

signals:
    void ready(const QString& device);
    void progress(const QString& id, double fraction, const QString& stage);
    void finished(const QString& id, const QString& task, const QStringList& files, double milliseconds);
    void failed(const QString& id, const QString& message);
    // An interactive session's step: the mask it wrote and its summary (JSON text: step, prompts, ...).
    void interacted(const QString& id, const QString& mask, const QString& summary, double milliseconds);
    void canceled(const QString& id);
    void workerDied(const QString& message);
    // Fine-tune jobs. validation: the pass's metrics as JSON text, or empty between passes.
    void training(const QString& id, int iteration, int iterations, double loss, const QString& validation, bool resumedFromCheckpoint);
    void paused(const QString& id, const QString& why);  // why: "inference" or "user"
    void resumed(const QString& id);
    void fineTuned(const QString& id, const QString& path, const QString& summary);  // path: the registered version; summary: JSON text

private:
    void ensureStarted();
    void send(const ai::protocol::Request& request);
    QString start(ai::protocol::Request request, QString id = {});
    void control(ai::protocol::Request::Type type, const QString& id);
    void onOutput();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QProcess* process_;
    QString program_;
    QByteArray buffer_;
    QSet<QString> pending_;
    QSet<QString> fineTunes_;  // the ids of fine-tune jobs (they get longer to stop)
    QString device_;
    int next_ = 1;
    bool stopping_ = false;
};

}  // namespace lumen::logic
