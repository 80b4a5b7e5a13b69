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

// The remembered fine-tune: the worker request as the protocol writes it, and what the panel shows.
json jobJson(const FineTuneController::Job& job) {
    ai::protocol::Request r;
    r.type = ai::protocol::Request::Type::FineTune, r.finetune = job.request;
    return {{"request", json::parse(ai::protocol::encode(r))}, {"name", job.name.toStdString()},
            {"parent_version", job.parentVersion.toStdString()}, {"started", job.started.toStdString()}};
}

std::optional<FineTuneController::Job> readJob(const QString& folder) {
    try {
        if (!QFile::exists(jobFile(folder))) return std::nullopt;
        const json j = json::parse(io::readAnnotationText(jobFile(folder).toStdString()));
        FineTuneController::Job job;
        job.request = ai::protocol::decodeRequest(j.at("request").dump()).finetune;
        job.name = QString::fromStdString(j.value("name", ""));
        job.parentVersion = QString::fromStdString(j.value("parent_version", ""));
        job.started = QString::fromStdString(j.value("started", ""));
        return job;
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

std::optional<FineTuneResult> FineTuneController::lastResult(const std::vector<AiModel>& models, const QString& name) {
    const AiModel* newest = nullptr;
    for (const auto& m : models)
        if (m.name == name && !m.parentVersion.isEmpty() && (!newest || m.created > newest->created)) newest = &m;
    if (!newest) return std::nullopt;
    try {
        const json manifest = json::parse(io::readAnnotationText(QDir(newest->path).filePath("model.json").toStdString()));
        const json metrics = manifest.value("provenance", json::object()).value("metrics", json::object());
        FineTuneResult r;
        r.name = newest->name, r.version = newest->version, r.parentVersion = newest->parentVersion;
        r.path = newest->path, r.created = newest->created;
        r.metrics = metricRows(QString::fromStdString(json{{"metrics", metrics}}.dump()));
        if (r.metrics.empty()) return std::nullopt;  // made outside a fine-tune: no before/after to show
        r.worse = r.metrics.front().metric == "score" && r.metrics.front().worse();
        return r;
    } catch (const std::exception&) {
        return std::nullopt;
    }
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
        r.seconds = QDateTime::fromString(started_, Qt::ISODate).secsTo(QDateTime::currentDateTimeUtc());
        QFile::remove(jobFile(folder_));
        end();
        emit finished(r);
    });
    connect(worker_, &AiWorkerClient::failed, this, [this](const QString& id, const QString& message) {
        if (id != job_) return;
        // Failed after training began: the job file stays, "Resume" picks up from the last
        // checkpoint. Failed before (bad cases, say): nothing to resume, the error is the news.
        const bool trained = !losses_.isEmpty();
        const QString folder = folder_;
        end();
        if (!trained) discardInterrupted(folder);
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
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Job job;
    job.name = model.name, job.parentVersion = model.version, job.started = now.toString(Qt::ISODate);
    ai::protocol::FineTuneRequest& r = job.request;
    r.model = model.reference().toStdString();
    r.data = store.datalistPath().toStdString();
    r.out = QDir(store.folder()).filePath("runs/" + model.version + "-" + now.toString("yyyyMMdd-HHmmss")).toStdString();
    r.iterations = settings.iterations, r.validateEvery = settings.validateEvery, r.checkpointEvery = settings.checkpointEvery;
    r.learningRate = settings.learningRate, r.noFlip = settings.noFlip, r.threads = settings.threads;
    try {
        fs::create_directories(QDir(store.folder()).filePath("runs").toStdString());
        core::writeFileAtomically(jobFile(store.folder()).toStdString(), jobJson(job).dump(1));
    } catch (const std::exception& e) {
        return emit failed(tr("Cannot record the fine-tune: %1").arg(e.what())), false;
    }
    send(store.folder(), job);
    return true;
}

std::optional<InterruptedFineTune> FineTuneController::interrupted(const QString& folder) {
    const auto job = readJob(folder);
    if (!job) return std::nullopt;
    return InterruptedFineTune{job->name, job->parentVersion, job->request.iterations, job->started};
}

bool FineTuneController::resumeInterrupted(const QString& folder) {
    if (active()) return emit failed(tr("A fine-tune is already running")), false;
    const auto job = readJob(folder);
    if (!job) return emit failed(tr("There is no interrupted fine-tune to resume")), false;
    send(folder, *job);
    return true;
}

void FineTuneController::discardInterrupted(const QString& folder) {
    if (const auto job = readJob(folder)) {
        const std::string& out = job->request.out;
        std::error_code ignored;
        if (!out.empty()) fs::remove_all(out + ".work", ignored), fs::remove_all(out, ignored);
    }
    QFile::remove(jobFile(folder));
}

void FineTuneController::send(const QString& folder, const Job& job) {
    folder_ = folder;
    model_ = job.name;
    started_ = job.started;
    losses_.clear(), scores_.clear();
    userCanceled_ = false;
    job_ = worker_->fineTune(job.request);
    setState(State::Running);
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
