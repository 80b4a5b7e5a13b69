#include "logic/AiModel.h"

#include "io/AnnotationJson.h"
#include "logic/NumberText.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace lumen::logic {

using nlohmann::json;

namespace {

// One JSON value as people read it: numbers in the UI's locale, lists comma-separated, a list of
// objects as "a 0.5, b 0.57; a 1, b 0.67" (the detector's FROC points).
QString cardValue(const json& v) {
    if (v.is_string()) return QString::fromStdString(v.get<std::string>());
    if (v.is_boolean()) return v.get<bool>() ? QStringLiteral("yes") : QStringLiteral("no");
    if (v.is_number_integer()) return QString::number(v.get<long long>());
    if (v.is_number()) return numberText(v.get<double>(), 6, 'g');
    QStringList parts;
    if (v.is_array()) {
        for (const auto& e : v) parts << cardValue(e);
        return parts.join(v.size() && v[0].is_object() ? "; " : ", ");
    }
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it)
            parts << QString::fromStdString(it.key()).replace('_', ' ') + " " + cardValue(*it);
        return parts.join(", ");
    }
    return {};
}

// The card as lines for people: nested objects flattened ("heldout metrics / cases: 24"); the
// metrics' own "model" block repeats the name and version shown above it, so it is left out.
void cardLines(const json& j, const QString& prefix, QStringList& out) {
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!prefix.isEmpty() && it.key() == "model") continue;
        const QString key = prefix + QString::fromStdString(it.key()).replace('_', ' ');
        if (it->is_object()) cardLines(*it, key + " / ", out);
        else out << key + ": " + cardValue(*it);
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
        if (manifest.contains("applicability")) {  // lumen-ai validated it when the version was added
            std::vector<std::string> problems;
            m.applicability = ai::ModelApplicability::fromJson(manifest["applicability"], "applicability", problems);
        }
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

QString taskTitle(const QString& task) {
    if (task == "segmentation") return ModelText::tr("segmentation");
    if (task == "detection") return ModelText::tr("detection");
    if (task == "classification") return ModelText::tr("classification");
    return task;
}

QString deviceTitle(const QString& workerDevice) {
    static const QRegularExpression cpu("^CPU, (\\d+) threads?$");
    if (const auto m = cpu.match(workerDevice); m.hasMatch()) return ModelText::tr("CPU, %n thread(s)", nullptr, m.captured(1).toInt());
    if (workerDevice.startsWith("GPU: ")) return ModelText::tr("GPU: %1").arg(workerDevice.mid(5));
    return workerDevice;
}

}  // namespace lumen::logic
