#include "logic/AiModel.h"

#include "io/AnnotationJson.h"

#include <QCoreApplication>
#include <QDir>

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace lumen::logic {

using nlohmann::json;

namespace {

// The card as lines for people: nested objects flattened ("heldout_metrics / cases: 24").
void cardLines(const json& j, const QString& prefix, QStringList& out) {
    for (auto it = j.begin(); it != j.end(); ++it) {
        const QString key = prefix + QString::fromStdString(it.key()).replace('_', ' ');
        if (it->is_object()) cardLines(*it, key + " / ", out);
        else out << key + ": " + (it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString::fromStdString(it->dump()));
    }
}

// The translation context of the model texts (AiModel is a struct, without tr()).
class ModelText {
    Q_DECLARE_TR_FUNCTIONS(lumen::logic::AiModel)
};

// How many cases a metrics object says it was measured on (0: it does not say).
int caseCount(const json& metrics, const char* key) {
    const json m = metrics.value(key, json::object());
    return m.is_object() ? m.value("cases", 0) : 0;
}

double scoreOf(const json& metrics, const char* key) {
    const json* m = metrics.contains(key) ? &metrics[key] : nullptr;
    return m && m->is_object() && m->contains("score") && (*m)["score"].is_number() ? (*m)["score"].get<double>()
                                                                                    : std::numeric_limits<double>::quiet_NaN();
}

void readManifest(AiModel& m) {
    try {
        const json manifest = json::parse(io::readAnnotationText(QDir(m.path).filePath("model.json").toStdString()));
        m.description = QString::fromStdString(manifest.value("description", ""));
        for (const auto& l : manifest.value("labels", json::array()))
            m.labels.push_back({l.value("value", 0), QString::fromStdString(l.value("name", ""))});
        const json card = manifest.value("card", json::object());
        QStringList lines;
        cardLines(card, {}, lines);
        m.card = lines.join('\n');
        const json provenance = manifest.value("provenance", json::object());
        const json metrics = provenance.value("metrics", json::object());
        const bool fineTuned = !provenance.value("parent_version", "").empty() && !std::isnan(scoreOf(metrics, "validation_before"));
        if (fineTuned) {
            m.validationScore = scoreOf(metrics, "validation");
            m.parentValidationScore = scoreOf(metrics, "validation_before");
            const int n = caseCount(metrics, "validation");
            if (n) m.scoreCases = ModelText::tr("%n locked validation case(s) of the training set", nullptr, n);
            else m.scoreCases = ModelText::tr("the locked validation cases of the training set");
        } else if (!std::isnan(scoreOf(card, "heldout_metrics"))) {
            m.validationScore = scoreOf(card, "heldout_metrics");
            m.scoreCases = ModelText::tr("held-out, %n case(s) (model card)", nullptr, caseCount(card, "heldout_metrics"));
        } else if (!std::isnan(scoreOf(metrics, "validation"))) {
            m.validationScore = scoreOf(metrics, "validation");
            m.scoreCases = ModelText::tr("its training-time validation cases");
        }
    } catch (const std::exception& e) {
        m.card = ModelText::tr("The model card cannot be read: %1").arg(e.what());
    }
}

}  // namespace

QStringList AiModel::labelNames() const {
    QStringList names;
    for (const auto& l : labels) names << l.name;
    return names;
}

std::vector<AiModel> parseModelList(const std::string& listJson) {
    std::vector<AiModel> models;
    try {
        for (const auto& e : json::parse(listJson)) {
            AiModel m;
            m.name = QString::fromStdString(e.at("name").get<std::string>());
            m.version = QString::fromStdString(e.at("version").get<std::string>());
            m.task = QString::fromStdString(e.at("task").get<std::string>());
            m.path = QString::fromStdString(e.at("path").get<std::string>());
            m.active = e.value("active", false), m.bundled = e.value("bundled", false);
            m.parentVersion = QString::fromStdString(e.value("parent_version", ""));
            m.created = QString::fromStdString(e.value("created", ""));
            m.trainingCases = e.value("training_cases", 0);
            readManifest(m);
            models.push_back(std::move(m));
        }
    } catch (const json::exception& e) {
        throw std::runtime_error(e.what());
    }
    return models;
}

}  // namespace lumen::logic
