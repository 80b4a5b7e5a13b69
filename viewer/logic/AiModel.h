#pragma once
#include "ai/card/ModelApplicability.h"

#include <QString>
#include <QStringList>

#include <limits>
#include <string>
#include <vector>

namespace lumen::logic {

struct AiModelLabel {
    int value = 0;
    QString name;
};

// A model version as the app shows it: from `lumen-ai models list --json` and its model.json.
struct AiModel {
    QString name, version, task, path;
    bool active = false, bundled = false;
    QString parentVersion, created;  // lineage: empty parent for a root version
    int trainingCases = 0;
    QString description;              // model.json "description"
    std::vector<AiModelLabel> labels; // labels (segmentation, detection) or classes
    QString card;                     // the card's text for people: intended use, data, metrics, limits
    ai::ModelApplicability applicability;  // the card's machine-checked part (checked before a run)
    // One honest score and the cases it is on: a fine-tune's on the training set's locked validation
    // cases (with its parent's on the same cases), a bundled or imported version's held-out figure
    // from its card (never its training-time validation, which flatters it). NaN if none.
    double validationScore = std::numeric_limits<double>::quiet_NaN();
    double parentValidationScore = std::numeric_limits<double>::quiet_NaN();  // a fine-tune's parent, same cases
    QString scoreCases;  // "held-out, 24 cases (model card)", "2 locked validation cases"

    QString reference() const { return name + "@" + version; }
    QStringList labelNames() const;
};

// Parses `lumen-ai models list --json` and reads each version's model.json. Throws
// std::runtime_error when the list is not what lumen-ai writes; a card that cannot be read is
// said in the card.
std::vector<AiModel> parseModelList(const std::string& listJson);

// The worker speaks English ("segmentation", "CPU, 2 threads"); these say it in the UI's language.
QString taskTitle(const QString& task);
QString deviceTitle(const QString& workerDevice);

}  // namespace lumen::logic
