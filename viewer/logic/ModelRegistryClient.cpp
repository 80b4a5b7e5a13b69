#include "logic/ModelRegistryClient.h"

#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace lumen::logic {

ModelRegistryClient::ModelRegistryClient(QString lumenAi, QObject* parent) : QObject(parent), program_(std::move(lumenAi)) {}

void ModelRegistryClient::refresh() {
    auto* list = new QProcess(this);
    ++running_;
    connect(list, &QProcess::finished, this, [this, list](int code) {
        list->deleteLater();
        --running_;
        try {
            if (code != 0) throw std::runtime_error(list->readAllStandardError().trimmed().toStdString());
            models_ = parseModelList(list->readAllStandardOutput().toStdString());
        } catch (const std::exception& e) {
            models_.clear();
            emit failed(tr("The model list cannot be read: %1").arg(e.what()));
        }
        emit modelsChanged();
    });
    connect(list, &QProcess::errorOccurred, this, [this, list](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart) return;  // anything later ends in finished()
        list->deleteLater();
        --running_;
        models_.clear();
        emit failed(tr("The AI engine (%1) cannot be started, so there are no models to list.").arg(program_));
        emit modelsChanged();
    });
    list->start(program_, {"models", "list", "--json"});
}

const AiModel* ModelRegistryClient::find(const QString& name, const QString& version) const {
    for (const auto& m : models_)
        if (m.name == name && m.version == version) return &m;
    return nullptr;
}

const AiModel* ModelRegistryClient::active(const QString& name) const {
    for (const auto& m : models_)
        if (m.name == name && m.active) return &m;
    return nullptr;
}

std::vector<AiModel> ModelRegistryClient::versions(const QString& name) const {
    std::vector<AiModel> out;
    for (const auto& m : models_)
        if (m.name == name) out.push_back(m);  // the list comes sorted by name, then creation
    return out;
}

void ModelRegistryClient::run(const QStringList& arguments, const QString& what, std::shared_ptr<void> keepAlive) {
    auto* process = new QProcess(this);
    ++running_;
    auto finish = [this, process, what, keepAlive](bool ok, const QString& detail) {
        process->deleteLater();
        --running_;
        if (ok) emit changed(what);
        else emit failed(tr("%1 failed: %2").arg(what, detail));
        refresh();
    };
    connect(process, &QProcess::finished, this, [process, finish](int code) {
        const QString err = QString::fromUtf8(process->readAllStandardError()).trimmed().remove("lumen-ai: error: ");
        finish(code == 0, err);
    });
    connect(process, &QProcess::errorOccurred, this, [this, finish](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) finish(false, tr("%1 cannot be started").arg(program_));
    });
    process->start(program_, arguments);
}

void ModelRegistryClient::activate(const QString& name, const QString& version) {
    run({"models", "activate", name, version}, tr("Activating %1 %2").arg(name, version));
}

void ModelRegistryClient::rollback(const QString& name) { run({"models", "rollback", name}, tr("Rolling back %1").arg(name)); }

void ModelRegistryClient::importPackage(const QString& folder) {
    run({"models", "add", folder}, tr("Importing the model package %1").arg(folder));
}

void ModelRegistryClient::importMonaiBundle(const QString& folder) {
    // The converted package is staged in a temporary folder; --register copies it into the registry.
    auto staging = std::make_shared<QTemporaryDir>();
    run({"import-monai", folder, "--out", staging->filePath("package"), "--register"}, tr("Importing the MONAI bundle %1").arg(folder),
        staging);
}

}  // namespace lumen::logic
