#include "logic/AiWorkerClient.h"

#include "logic/BackgroundPriority.h"

#include <QCoreApplication>
#include <QDir>

namespace lumen::logic {

namespace proto = ai::protocol;

AiWorkerClient::AiWorkerClient(QString program, QObject* parent) : QObject(parent), process_(new QProcess(this)) {
    program_ = !program.isEmpty()                     ? program
               : !qEnvironmentVariableIsEmpty("LUMEN_AI") ? qEnvironmentVariable("LUMEN_AI")
                                                       : QDir(QCoreApplication::applicationDirPath()).filePath("lumen-ai");
    process_->setProcessChannelMode(QProcess::SeparateChannels);
    process_->setChildProcessModifier([] { lowerCurrentThreadPriority(10); });  // the GUI keeps painting while it computes
    process_->setReadChannel(QProcess::StandardOutput);
    connect(process_, &QProcess::readyReadStandardOutput, this, &AiWorkerClient::onOutput);
    connect(process_, &QProcess::finished, this, &AiWorkerClient::onFinished);
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) onFinished(-1, QProcess::CrashExit);
    });
}

AiWorkerClient::~AiWorkerClient() {
    if (!running()) return;
    stopping_ = true;
    proto::Request shutdown;
    shutdown.type = proto::Request::Type::Shutdown;
    for (const auto& id : pending_) {  // a running job stops at its next progress check
        proto::Request cancel;
        cancel.type = proto::Request::Type::Cancel, cancel.id = id.toStdString();
        send(cancel);
    }
    send(shutdown);
    process_->closeWriteChannel();
    // A fine-tune stops at its next iteration and writes a checkpoint to resume from: give it time.
    if (!process_->waitForFinished(pending_.intersects(fineTunes_) ? 15000 : 3000)) {
        process_->kill();
        process_->waitForFinished(1000);
    }
}

void AiWorkerClient::ensureStarted() {
    if (running()) return;
    buffer_.clear();
    device_.clear();
    stopping_ = false;
    process_->start(program_, {"worker"});
}

void AiWorkerClient::send(const proto::Request& request) {
    process_->write(QByteArray::fromStdString(proto::encode(request)) + '\n');
}

QString AiWorkerClient::start(proto::Request r, QString id) {
    ensureStarted();
    if (id.isEmpty()) id = QString("job-%1").arg(next_++);
    r.id = id.toStdString();
    pending_.insert(id);
    send(r);  // QProcess buffers it until the worker is up
    return id;
}

QString AiWorkerClient::submit(const proto::InferRequest& request) {
    proto::Request r;
    r.type = proto::Request::Type::Infer, r.infer = request;
    return start(r);
}

QString AiWorkerClient::fineTune(const proto::FineTuneRequest& request) {
    proto::Request r;
    r.type = proto::Request::Type::FineTune, r.finetune = request;
    const QString id = start(r);
    fineTunes_.insert(id);
    return id;
}

QString AiWorkerClient::interact(const proto::InteractRequest& request, const QString& session) {
    proto::Request r;
    r.type = proto::Request::Type::Interact, r.interact = request;
    return start(r, session);
}

void AiWorkerClient::control(proto::Request::Type type, const QString& id) {
    if (!pending_.contains(id) || !running()) return;
    proto::Request r;
    r.type = type, r.id = id.toStdString();
    send(r);
}

void AiWorkerClient::cancel(const QString& id) { control(proto::Request::Type::Cancel, id); }
void AiWorkerClient::pause(const QString& id) { control(proto::Request::Type::Pause, id); }
void AiWorkerClient::resume(const QString& id) { control(proto::Request::Type::Resume, id); }

void AiWorkerClient::onOutput() {
    buffer_ += process_->readAllStandardOutput();
    for (int end; (end = buffer_.indexOf('\n')) >= 0;) {
        const QByteArray line = buffer_.left(end).trimmed();
        buffer_.remove(0, end + 1);
        if (line.isEmpty()) continue;
        proto::Event e;
        try {
            e = proto::decodeEvent(line.toStdString());
        } catch (const proto::ProtocolError&) {
            continue;  // not a protocol line (a library writing to stdout): ignore it
        }
        const QString id = QString::fromStdString(e.id);
        switch (e.type) {
            case proto::Event::Type::Ready:
                device_ = QString::fromStdString(e.device);
                emit ready(device_);
                break;
            case proto::Event::Type::Progress: emit progress(id, e.fraction, QString::fromStdString(e.stage)); break;
            case proto::Event::Type::Result: {
                pending_.remove(id);
                QStringList files;
                for (const auto& f : e.files) files << QString::fromStdString(f);
                if (e.task == "interactive")
                    emit interacted(id, files.value(0), QString::fromStdString(e.detail), e.milliseconds);
                else if (e.task == "finetune")
                    emit fineTuned(id, files.value(0), QString::fromStdString(e.detail));
                else
                    emit finished(id, QString::fromStdString(e.task), files, e.milliseconds);
                break;
            }
            case proto::Event::Type::Training:
                emit training(id, e.iteration, e.iterations, e.loss, QString::fromStdString(e.detail), e.resumedFromCheckpoint);
                break;
            case proto::Event::Type::Paused: emit paused(id, QString::fromStdString(e.message)); break;
            case proto::Event::Type::Resumed: emit resumed(id); break;
            case proto::Event::Type::Error:
                pending_.remove(id);
                emit failed(id, QString::fromStdString(e.message));
                break;
            case proto::Event::Type::Canceled:
                pending_.remove(id);
                emit canceled(id);
                break;
        }
    }
}

void AiWorkerClient::onFinished(int exitCode, QProcess::ExitStatus status) {
    if (stopping_) return;
    const QString why = process_->error() == QProcess::FailedToStart
                            ? tr("The AI worker (%1) could not be started.").arg(program_)
                        : status == QProcess::CrashExit ? tr("The AI worker stopped unexpectedly (it crashed or ran out of memory).")
                                                        : tr("The AI worker exited (code %1).").arg(exitCode);
    const auto lost = pending_;
    pending_.clear();
    for (const auto& id : lost) emit failed(id, why);
    emit workerDied(why);
}

}  // namespace lumen::logic
