#include "logic/TrainingSetStore.h"

#include "core/RealValues.h"

#include "core/AtomicFile.h"
#include "io/AnnotationJson.h"
#include "io/ImageFileWriter.h"
#include "logic/DataLocations.h"
#include "logic/Document.h"
#include "logic/Preferences.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <stdexcept>

namespace lumen::logic {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::runtime_error error(const QString& message) { return std::runtime_error(message.toStdString()); }
QString q(const json& j, const char* key) { return QString::fromStdString(j.value(key, "")); }

json readList(const QString& path) {
    if (!fs::exists(path.toStdString())) return {{"training", json::array()}, {"validation", json::array()}};
    try {
        json j = json::parse(io::readAnnotationText(path.toStdString()));
        for (const char* split : {"training", "validation"})
            if (!j.contains(split)) j[split] = json::array();
            else if (!j[split].is_array()) throw std::runtime_error(std::string("\"") + split + "\" is not a list");
        return j;
    } catch (const std::exception& e) {
        throw error(TrainingSetStore::tr("The training set %1 cannot be read: %2").arg(path, e.what()));
    }
}

TrainingCase caseFrom(const json& entry, bool validation) {
    TrainingCase c;
    c.validation = validation;
    c.image = q(entry, "image");
    c.label = entry.contains("label") && entry["label"].is_string() ? q(entry, "label") : QString::fromStdString(entry.value("label", json()).dump());
    const json info = entry.value("lumen", json::object());
    c.id = q(info, "id");
    c.origin = q(info, "origin");
    c.seriesUid = q(info, "series_uid");
    c.added = q(info, "added");
    c.addedBy = q(info, "added_by");
    c.fromModel = q(info, "from_model");
    const json effort = info.value("effort", json::object());
    c.voxelsAdded = effort.value("voxels_added", 0ll);
    c.voxelsRemoved = effort.value("voxels_removed", 0ll);
    c.editSeconds = effort.value("edit_seconds", 0.0);
    c.prompts = effort.value("prompts", 0);
    c.findingsAccepted = effort.value("findings_accepted", 0);
    c.findingsRejected = effort.value("findings_rejected", 0);
    c.findingsEdited = effort.value("findings_edited", 0);
    c.findingsAdded = effort.value("findings_added", 0);
    return c;
}

json infoOf(const TrainingCase& c) {
    return {{"id", c.id.toStdString()}, {"origin", c.origin.toStdString()}, {"series_uid", c.seriesUid.toStdString()},
            {"added", c.added.toStdString()},
            {"added_by", c.addedBy.toStdString()}, {"from_model", c.fromModel.toStdString()},
            {"effort", {{"voxels_added", c.voxelsAdded}, {"voxels_removed", c.voxelsRemoved}, {"edit_seconds", c.editSeconds}, {"prompts", c.prompts},
                        {"findings_accepted", c.findingsAccepted}, {"findings_rejected", c.findingsRejected},
                        {"findings_edited", c.findingsEdited}, {"findings_added", c.findingsAdded}}}};
}

void noteModel(TrainingCase& info, const core::Provenance& p) {
    if (p.fromModel() && info.fromModel.isEmpty())
        info.fromModel = QString::fromStdString(p.source + " " + p.modelVersion);
}

// Segmentation truth: the document's labels named like the model's, on the model's values.
core::Volume segmentationTruth(const Document& document, const AiModel& model, TrainingCaseDraft& d) {
    const core::LabelMap* labels = document.labels();
    std::map<std::uint16_t, std::uint16_t> to;  // document value → model value
    if (labels)
        for (const auto& l : labels->labels().labels())
            for (const auto& ml : model.labels)
                if (QString::fromStdString(l.name).compare(ml.name, Qt::CaseInsensitive) == 0) to[l.value] = std::uint16_t(ml.value);
    if (to.empty())
        throw error(TrainingSetStore::tr("The open case has none of %1's labels (%2): run the model or draw them first.")
                        .arg(model.name, model.labelNames().join(", ")));
    for (const auto value : document.proposedLabels())  // before the voxels are read: refused cheaply
        if (to.count(value))
            throw error(TrainingSetStore::tr("The labels are still %1's proposal: accept them (after correcting) or reject them first.").arg(model.name));
    const core::ImageGeometry& g = document.volume().geometry();
    core::Volume truth = core::Volume::zeros(core::PixelType::UInt16, g);
    auto* out = truth.as<std::uint16_t>();
    std::size_t painted = 0;
    for (std::size_t v = 0; v < g.voxelCount(); ++v)
        if (auto it = to.find(labels->at(v)); it != to.end()) out[v] = it->second, ++painted;
    if (painted == 0) throw error(TrainingSetStore::tr("The open case's %1 labels are empty.").arg(model.name));
    for (const auto& s : document.segments())
        if (to.count(s.value) && s.provenance.fromModel()) {
            d.info.voxelsAdded += qint64(s.provenance.voxelsAdded);
            d.info.voxelsRemoved += qint64(s.provenance.voxelsRemoved);
            d.info.editSeconds += s.provenance.editSeconds;
            d.info.prompts += int(s.provenance.prompts);
            noteModel(d.info, s.provenance);
        }
    return truth;
}

std::string detectionTruth(const Document& document, const AiModel& model, TrainingCaseDraft& d) {
    const QStringList classes = model.labelNames();
    json findings = json::array();
    int proposed = 0;
    for (const auto& f : document.findings()) {
        if (!classes.contains(QString::fromStdString(f.className), Qt::CaseInsensitive)) continue;
        noteModel(d.info, f.provenance);
        switch (f.status) {
            case core::Finding::Status::Proposed: ++proposed; continue;
            case core::Finding::Status::Rejected: ++d.info.findingsRejected; continue;
            case core::Finding::Status::Edited: ++d.info.findingsEdited; break;
            case core::Finding::Status::Accepted: ++(f.provenance.fromModel() ? d.info.findingsAccepted : d.info.findingsAdded); break;
        }
        findings.push_back({{"class", f.className},
                            {"box_min_mm", {f.boxMin[0], f.boxMin[1], f.boxMin[2]}},
                            {"box_max_mm", {f.boxMax[0], f.boxMax[1], f.boxMax[2]}}});
    }
    if (proposed > 0) throw error(TrainingSetStore::tr("%1 finding(s) are still proposed: accept or reject each first.").arg(proposed));
    if (d.info.findingsRejected == 0 && findings.empty())
        throw error(TrainingSetStore::tr("The open case has no reviewed %1 findings (%2).").arg(model.name, classes.join(", ")));
    return json{{"findings", findings}}.dump(1);
}

}  // namespace

QString TrainingSetStore::folderFor(const QString& modelName) {
    return QDir(DataLocations::dataDirectory()).filePath("training/" + modelName);
}

QString TrainingSetStore::datalistPath() const { return QDir(folder_).filePath("datalist.json"); }

std::vector<TrainingCase> TrainingSetStore::cases() const {
    const json list = readList(datalistPath());
    std::vector<TrainingCase> out;
    for (const char* split : {"validation", "training"})
        for (const auto& entry : list[split]) out.push_back(caseFrom(entry, std::string(split) == "validation"));
    return out;
}

TrainingCaseDraft TrainingSetStore::draft(const Document& document, const AiModel& model, bool validation) {
    if (!document.hasImage()) throw error(tr("Open a series first."));
    TrainingCaseDraft d;
    d.info.validation = validation;
    // A DICOM series by its description and UID; an image file by its name.
    const QString uid = QString::fromStdString(document.image().series.seriesUid);
    d.info.origin = document.image().fromDicom ? document.seriesTitle() + (uid.isEmpty() ? QString() : " (" + uid + ")")
                                               : QFileInfo(QString(uid).remove(QRegularExpression("^file:"))).fileName();
    if (d.info.origin.isEmpty()) d.info.origin = document.seriesTitle();
    d.info.seriesUid = uid;
    if (model.task == "segmentation") {
        d.labels = segmentationTruth(document, model, d);
    } else if (model.task == "detection") {
        d.findingsJson = detectionTruth(document, model, d);
    } else {
        const QStringList classes = model.labelNames();
        bool unreviewed = false;
        for (const auto& c : document.classifications()) {
            if (!classes.contains(QString::fromStdString(c.className), Qt::CaseInsensitive)) continue;
            // As for labels and findings: what a model said is truth only once a person confirmed it.
            if (c.provenance.fromModel() && !c.reviewed) {
                unreviewed = true;
                continue;
            }
            d.className = c.className;  // the latest one wins
            d.info.fromModel.clear();
            noteModel(d.info, c.provenance);
        }
        if (d.className.empty() && unreviewed)
            throw error(tr("%1's class is still its proposal: confirm the class in the AI panel first.").arg(model.name));
        if (d.className.empty()) throw error(tr("The open case has no %1 class (%2).").arg(model.name, classes.join(", ")));
    }
    d.image = document.volume();  // shares the voxels: a volume's buffer is never changed in place
    return d;
}

TrainingCase TrainingSetStore::add(const TrainingCaseDraft& draft) {
    json list = readList(datalistPath());
    std::set<std::string> taken;
    for (const char* split : {"training", "validation"})
        for (const auto& e : list[split]) {
            const TrainingCase c = caseFrom(e, std::string(split) == "validation");
            // A series twice would be trained on and measured on (or counted twice): refused.
            if (!c.seriesUid.isEmpty() && c.seriesUid == draft.info.seriesUid)
                throw error(tr("This series is already %1 (%2): a series can be in the training set once.")
                                .arg(c.id, c.validation ? tr("a validation case") : tr("a training case")));
            taken.insert(c.id.toStdString());
        }
    const fs::path casesDir = fs::path(folder_.toStdString()) / "cases";
    fs::create_directories(casesDir);
    TrainingCase c = draft.info;
    for (int n = 1;; ++n) {
        char id[32];
        std::snprintf(id, sizeof id, "case-%03d", n);
        if (!taken.count(id) && !fs::exists(casesDir / id)) {
            c.id = id;
            break;
        }
    }
    const std::string id = c.id.toStdString();
    const fs::path staging = casesDir / ("." + id + ".staging");
    fs::remove_all(staging);
    fs::create_directories(staging);
    io::ImageFileWriter::write(core::toRealValues(draft.image), (staging / "image.nii.gz").string());  // HU, not stored values
    json entry = {{"image", "cases/" + id + "/image.nii.gz"}};
    if (!draft.labels.empty()) {
        io::ImageFileWriter::write(draft.labels, (staging / "label.nii.gz").string());
        entry["label"] = "cases/" + id + "/label.nii.gz";
    } else if (!draft.findingsJson.empty()) {
        core::writeFileAtomically((staging / "findings.json").string(), draft.findingsJson);
        entry["label"] = "cases/" + id + "/findings.json";
    } else {
        entry["label"] = draft.className;
    }
    fs::rename(staging, casesDir / id);  // the case's files appear whole
    c.image = QString::fromStdString(entry["image"].get<std::string>());
    c.label = QString::fromStdString(entry["label"].get<std::string>());
    c.added = QString::fromStdString(io::isoTimeNow());
    c.addedBy = Preferences::authorName();
    entry["lumen"] = infoOf(c);
    list[c.validation ? "validation" : "training"].push_back(entry);
    core::writeFileAtomically(datalistPath().toStdString(), list.dump(1));
    return c;
}

void TrainingSetStore::remove(const QString& id) {
    json list = readList(datalistPath());
    for (const auto& e : list["validation"])
        if (q(e.value("lumen", json::object()), "id") == id)
            throw error(tr("%1 is a validation case: the validation split is locked, so that every version is measured on the same cases.").arg(id));
    auto& training = list["training"];
    for (auto it = training.begin(); it != training.end(); ++it)
        if (q(it->value("lumen", json::object()), "id") == id) {
            training.erase(it);
            core::writeFileAtomically(datalistPath().toStdString(), list.dump(1));
            fs::remove_all(fs::path(folder_.toStdString()) / "cases" / id.toStdString());
            return;
        }
    throw error(tr("The training set has no case %1.").arg(id));
}

}  // namespace lumen::logic
