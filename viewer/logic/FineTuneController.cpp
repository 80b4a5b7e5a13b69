#include "logic/FineTuneController.h"

#include "core/AtomicFile.h"
#include "io/AnnotationJson.h"
#include "logic/AiWorkerClient.h"
#include "logic/TrainingSetStore.h"

#include <QDateTime>
#include <QDir>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

#include <filesystem>

namespace lumen::logic {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

QString jobFile(const QString& folder) { return QDir(folder).filePath("finetune.json"); }

std::optional<json> readJob(const QString& folder) {
    try {
        if (!QFile::exists(jobFile(folder))) return std::nullopt;
        return json::parse(io::readAnnotationText(jobFile(folder).toStdString()));
    } catch (const std::exception&) {
        return std::nullopt;  // half a job file: nothing to resume
    }
}

void flatten(const json& j, const std::string& prefix, std::map<std::string, double>& out) {
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string key = prefix + it.key();
        if (it->is_object()) flatten(*it, key + " / ", out);
        else if (it->is_number() && it.key() != "cases") out[key] = it->get<double>();
    }
}

}  // namespace

std::vector<MetricRow> metricRows(const QString& summaryJson) {
    std::vector<MetricRow> rows;
    try {
        const json metrics = json::parse(summaryJson.toStdString()).at("metrics");
        std::map<std::string, double> before, after;
        flatten(metrics.value("validation_before", json::object()), "", before);
        flatten(metrics.value("validation", json::object()), "", after);
        for (const auto& [key, b] : before) {
            if (!after.count(key)) continue;
            MetricRow r;
            // "labels / Cerebellum / dice" reads "Cerebellum dice" in a narrow table.
            r.metric = QString::fromStdString(key).remove(QRegularExpression("^(labels|classes) / ")).replace(" / ", " ").replace('_', ' ');
            r.before = b, r.after = after[key];
            r.higherIsBetter = key.find("hd95") == std::string::npos && key.find("false") == std::string::npos &&
                               key.find("distance") == std::string::npos && key.find("loss") == std::string::npos;
            if (key == "score") rows.insert(rows.begin(), r);
            else rows.push_back(r);
        }
    } catch (const json::exception&) {
    }
    return rows;
}

FineTuneController::FineTuneController(AiWorkerClient* worker, QObject* parent) : QObject(parent), worker_(worker) {
    connect(worker_, &AiWorkerClient::training, this,
            [this](const QString& id, int it, int of, double loss, const QString& validation, bool resumed) {
                if (id != job_) return;
                if (state_ != State::Running && !resumed) setState(State::Running);
                if (resumed) return;
                losses_ << QPointF(it, loss);
                emit iteration(it, of, loss);
                if (validation.isEmpty()) return;
                const json v = json::parse(validation.toStdString(), nullptr, false);
                if (v.is_object() && v.contains("score") && v["score"].is_number()) {
                    scores_ << QPointF(it, v["score"].get<double>());
                    emit validated(it, v["score"].get<double>());
                }
            });
    connect(worker_, &AiWorkerClient::paused, this, [this](const QString& id, const QString& why) {
        if (id == job_) setState(why == "user" ? State::Paused : State::WaitingForInference);
    });
    connect(worker_, &AiWorkerClient::resumed, this, [this](const QString& id) {
        if (id == job_) setState(State::Running);
    });
    connect(worker_, &AiWorkerClient::fineTuned, this, [this](const QString& id, const QString& path, const QString& summary) {
        if (id != job_) return;
        const json s = json::parse(summary.toStdString(), nullptr, false);
        FineTuneResult r;
        r.name = QString::fromStdString(s.value("name", ""));
        r.version = QString::fromStdString(s.value("version", ""));
        r.parentVersion = QString::fromStdString(s.value("parent_version", ""));
        r.path = path;
        r.iterations = s.value("iterations", 0);
        r.metrics = metricRows(summary);
        r.worse = s.contains("warning");
        const json job = readJob(folder_).value_or(json::object());
        r.seconds = QDateTime::fromString(QString::fromStdString(job.value("started", "")), Qt::ISODate).secsTo(QDateTime::currentDateTimeUtc());
        QFile::remove(jobFile(folder_));
        end();
        emit finished(r);
    });
    connect(worker_, &AiWorkerClient::failed, this, [this](const QString& id, const QString& message) {
        if (id != job_) return;
        end();  // the job file stays: "Resume" picks up from the last checkpoint
        emit failed(message);
    });
    connect(worker_, &AiWorkerClient::canceled, this, [this](const QString& id) {
        if (id != job_) return;
        const QString folder = folder_;
        end();
        if (userCanceled_) discardInterrupted(folder);
        emit canceled();
    });
}

bool FineTuneController::start(const AiModel& model, const TrainingSetStore& store, const FineTuneSettings& settings) {
    if (active()) return emit failed(tr("A fine-tune is already running")), false;
    int training = 0, validation = 0;
    try {
        for (const auto& c : store.cases()) ++(c.validation ? validation : training);
    } catch (const std::exception& e) {
        return emit failed(e.what()), false;
    }
    if (training == 0) return emit failed(tr("The training set has no training case yet: add a corrected case first.")), false;
    if (validation == 0)
        return emit failed(tr("The training set has no validation case: add one (it is locked) so that the new version can be "
                              "compared with %1 %2 on cases it never trained on.").arg(model.name, model.version)),
               false;
    const QString stamp = QDateTime::currentDateTimeUtc().toString("yyyyMMdd-HHmmss");
    const json job = {{"model", model.reference().toStdString()}, {"name", model.name.toStdString()},
                      {"parent_version", model.version.toStdString()}, {"data", store.datalistPath().toStdString()},
                      {"out", QDir(store.folder()).filePath("runs/" + model.version + "-" + stamp).toStdString()},
                      {"iterations", settings.iterations}, {"validate_every", settings.validateEvery},
                      {"checkpoint_every", settings.checkpointEvery},
                      {"learning_rate", settings.learningRate}, {"no_flip", settings.noFlip}, {"threads", settings.threads},
                      {"started", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()}};
    try {
        fs::create_directories(QDir(store.folder()).filePath("runs").toStdString());
        core::writeFileAtomically(jobFile(store.folder()).toStdString(), job.dump(1));
    } catch (const std::exception& e) {
        return emit failed(tr("Cannot record the fine-tune: %1").arg(e.what())), false;
    }
    return send(store.folder());
}

std::optional<InterruptedFineTune> FineTuneController::interrupted(const QString& folder) {
    const auto job = readJob(folder);
    if (!job) return std::nullopt;
    InterruptedFineTune i;
    i.model = QString::fromStdString(job->value("name", ""));
    i.parentVersion = QString::fromStdString(job->value("parent_version", ""));
    i.iterations = job->value("iterations", 0);
    i.started = QString::fromStdString(job->value("started", ""));
    return i;
}

bool FineTuneController::resumeInterrupted(const QString& folder) {
    if (active()) return emit failed(tr("A fine-tune is already running")), false;
    if (!interrupted(folder)) return emit failed(tr("There is no interrupted fine-tune to resume")), false;
    return send(folder);
}

void FineTuneController::discardInterrupted(const QString& folder) {
    if (const auto job = readJob(folder)) {
        const std::string out = job->value("out", "");
        std::error_code ignored;
        if (!out.empty()) fs::remove_all(out + ".work", ignored), fs::remove_all(out, ignored);
    }
    QFile::remove(jobFile(folder));
}

bool FineTuneController::send(const QString& folder) {
    const json job = *readJob(folder);
    ai::protocol::FineTuneRequest r;
    r.model = job.at("model").get<std::string>();
    r.data = job.at("data").get<std::string>();
    r.out = job.at("out").get<std::string>();
    r.iterations = job.value("iterations", 100);
    r.validateEvery = job.value("validate_every", 25);
    r.checkpointEvery = job.value("checkpoint_every", 5);
    r.learningRate = job.value("learning_rate", 0.0);
    r.noFlip = job.value("no_flip", false);
    r.threads = job.value("threads", 0u);
    folder_ = folder;
    model_ = QString::fromStdString(job.value("name", ""));
    losses_.clear(), scores_.clear();
    userCanceled_ = false;
    job_ = worker_->fineTune(r);
    setState(State::Running);
    return true;
}

void FineTuneController::pause() {
    if (active()) worker_->pause(job_);
}

void FineTuneController::unpause() {
    if (active()) worker_->resume(job_);
}

void FineTuneController::cancel() {
    if (!active()) return;
    userCanceled_ = true;
    worker_->cancel(job_);
}

void FineTuneController::setState(State s) {
    if (s == state_) return;
    state_ = s;
    emit stateChanged(s);
}

void FineTuneController::end() {
    job_.clear();
    setState(State::Idle);
}

}  // namespace lumen::logic
