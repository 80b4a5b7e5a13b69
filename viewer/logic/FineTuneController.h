#pragma once
#include "ai/protocol/WorkerProtocol.h"
#include "logic/AiModel.h"

#include <QObject>
#include <QPointF>
#include <QString>
#include <QVector>

#include <optional>
#include <vector>

namespace lumen::logic {

class AiWorkerClient;
class TrainingSetStore;

struct FineTuneSettings {
    int iterations = 100;
    int validateEvery = 25;
    int checkpointEvery = 5;  // quitting mid-run loses at most this many iterations
    double learningRate = 0;  // 0: the engine's fine-tune default
    bool noFlip = false;      // labels with a side (left/right)
    unsigned threads = 0;
};

// One validation metric of the parent and of the new version, on the same locked cases.
struct MetricRow {
    QString metric;  // "score", "mean dice", "Cerebellum / hd95 mm", ...
    double before = 0, after = 0;
    bool higherIsBetter = true;
    bool worse() const { return higherIsBetter ? after < before : after > before; }
};

struct FineTuneResult {
    QString name, version, parentVersion, path;
    std::vector<MetricRow> metrics;  // "score" first
    bool worse = false;              // the new version scores below its parent on the validation cases
    int iterations = 0;
    double seconds = 0;
    QString created;  // ISO 8601 UTC, from the version's provenance (a result read back after a restart)
};

// A fine-tune the app was closed (or the worker died) during: FOLDER/finetune.json.
struct InterruptedFineTune {
    QString model, parentVersion;
    int iterations = 0;
    QString started;
};

// Fine-tunes a model version on its training set in the AI worker (headless; the training panel
// is its face). The job is remembered in the training set's folder until it ends, so a fine-tune
// interrupted by quitting the app resumes from its last checkpoint. Inference requests pause it
// (the worker's scheduling); pause/unpause/cancel are the user's. The new version is registered
// but not activated: the user decides, warned when it is worse on the locked validation cases.
class FineTuneController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, WaitingForInference };
    // What FOLDER/finetune.json remembers: the worker request (in the protocol's own encoding)
    // and what the panel shows of it.
    struct Job {
        ai::protocol::FineTuneRequest request;
        QString name, parentVersion, started;  // started: ISO 8601 UTC
    };

    explicit FineTuneController(AiWorkerClient* worker, QObject* parent = nullptr);

    // False (and failed()) when one runs, or the set lacks a training or a validation case.
    bool start(const AiModel& model, const TrainingSetStore& store, const FineTuneSettings& settings);
    static std::optional<InterruptedFineTune> interrupted(const QString& trainingSetFolder);
    bool resumeInterrupted(const QString& trainingSetFolder);
    static void discardInterrupted(const QString& trainingSetFolder);  // its checkpoints too
    // The newest fine-tuned version of NAME among MODELS, read back from its model.json (its
    // provenance keeps the before/after metrics), so the comparison outlives a restart.
    static std::optional<FineTuneResult> lastResult(const std::vector<AiModel>& models, const QString& name);

    void pause();
    void unpause();
    void cancel();  // discards the run and its checkpoints

    State state() const { return state_; }
    bool active() const { return !job_.isEmpty(); }
    QString modelName() const { return model_; }
    const QVector<QPointF>& losses() const { return losses_; }  // (iteration, loss)
    const QVector<QPointF>& scores() const { return scores_; }  // (iteration, validation score)

signals:
    void stateChanged(lumen::logic::FineTuneController::State state);
    void iteration(int iteration, int iterations, double loss);
    void validated(int iteration, double score);
    void finished(const lumen::logic::FineTuneResult& result);
    void failed(const QString& message);
    void canceled();

private:
    void send(const QString& folder, const Job& job);
    void setState(State s);
    void end();

    AiWorkerClient* worker_;
    QString job_, folder_, model_, started_;
    State state_ = State::Idle;
    bool userCanceled_ = false;
    QVector<QPointF> losses_, scores_;
};

// The before/after rows of a fine-tune's summary (`lumen-ai finetune` JSON): every numeric metric
// both validation passes have, "score" first.
std::vector<MetricRow> metricRows(const QString& summaryJson);

}  // namespace lumen::logic

Q_DECLARE_METATYPE(lumen::logic::FineTuneResult)
