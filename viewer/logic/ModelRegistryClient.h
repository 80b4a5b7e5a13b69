#pragma once
#include "logic/AiModel.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace lumen::logic {

// The model registry as the app sees it, through `lumen-ai` (the GUI adds no registry code of its
// own): list, activate, roll back, import a package or a MONAI bundle. Every call is an
// asynchronous lumen-ai process; a change is followed by a fresh list (modelsChanged()).
class ModelRegistryClient : public QObject {
    Q_OBJECT
public:
    explicit ModelRegistryClient(QString lumenAi, QObject* parent = nullptr);

    void refresh();
    const std::vector<AiModel>& models() const { return models_; }
    const AiModel* find(const QString& name, const QString& version) const;
    const AiModel* active(const QString& name) const;
    std::vector<AiModel> versions(const QString& name) const;  // by creation

    void activate(const QString& name, const QString& version);
    void rollback(const QString& name);
    void importPackage(const QString& folder);
    void importMonaiBundle(const QString& folder);
    bool busy() const { return running_ > 0; }
    const QString& program() const { return program_; }

signals:
    void modelsChanged();
    void changed(const QString& message);  // what lumen-ai reported for a change
    void failed(const QString& message);

private:
    // keepAlive: what must outlive the process (a staging folder).
    void run(const QStringList& arguments, const QString& what, std::shared_ptr<void> keepAlive = {});

    QString program_;
    std::vector<AiModel> models_;
    int running_ = 0;
};

}  // namespace lumen::logic
