#include "logic/AiAssist.h"

#include "io/AnnotationJson.h"
#include "io/ImageFileWriter.h"
#include "io/LabelMapReader.h"
#include "logic/Document.h"


#include <nlohmann/json.hpp>

#include <map>

namespace lumen::logic {

using nlohmann::json;

namespace {

json readJson(const QString& path) {
    return json::parse(io::readAnnotationText(path.toStdString()));
}

core::Point3 point(const json& j) { return {j.at(0).get<double>(), j.at(1).get<double>(), j.at(2).get<double>()}; }

}  // namespace

AiAssist::AiAssist(Document* document, QString lumenAi, QObject* parent)
    : QObject(parent), document_(document), client_(std::make_unique<AiWorkerClient>(lumenAi)),
      registry_(new ModelRegistryClient(client_->program(), this)) {
    connect(registry_, &ModelRegistryClient::modelsChanged, this, &AiAssist::modelsChanged);
    connect(registry_, &ModelRegistryClient::failed, this, &AiAssist::failed);
    connect(client_.get(), &AiWorkerClient::ready, this, &AiAssist::deviceKnown);
    connect(client_.get(), &AiWorkerClient::progress, this, [this](const QString& id, double f, const QString& stage) {
        if (id == job_) emit progress(f, stage);
    });
    connect(client_.get(), &AiWorkerClient::finished, this, &AiAssist::onFinished);
    connect(client_.get(), &AiWorkerClient::failed, this, [this](const QString& id, const QString& message) {
        if (id != job_) return;
        job_.clear();
        emit failed(message);
    });
    connect(client_.get(), &AiWorkerClient::canceled, this, [this](const QString& id) {
        if (id != job_) return;
        job_.clear();
        emit finished(tr("Canceled"));
    });
}

AiAssist::~AiAssist() = default;

bool AiAssist::run(const AiModel& model) {
    if (busy()) return emit failed(tr("A model is already running")), false;
    if (!document_->hasImage()) return emit failed(tr("Open a series first")), false;
    scratch_ = std::make_unique<QTemporaryDir>();
    const QString input = scratch_->filePath("input.nii");
    try {
        io::ImageFileWriter::write(document_->volume(), input.toStdString(), false);  // uncompressed: fast
    } catch (const std::exception& e) {
        return emit failed(tr("Cannot hand the image to the model: %1").arg(e.what())), false;
    }
    ai::protocol::InferRequest request;
    request.model = model.reference().toStdString();
    request.input = input.toStdString();
    request.output = scratch_->filePath("result").toStdString();
    running_ = model;
    job_ = client_->submit(request);
    emit started(model.name);
    return true;
}

void AiAssist::cancel() {
    if (busy()) client_->cancel(job_);
}

void AiAssist::onFinished(const QString& id, const QString& task, const QStringList&, double ms) {
    if (id != job_) return;
    job_.clear();
    const QString prefix = scratch_->filePath("result");
    try {
        QString summary = task == "segmentation" ? applySegmentation(prefix)
                          : task == "detection"  ? applyFindings(prefix)
                                                 : applyClassification(prefix);
        emit finished(tr("%1 in %2 s: %3").arg(running_.name).arg(ms / 1000.0, 0, 'f', 1).arg(summary));
    } catch (const std::exception& e) {
        emit failed(tr("The model's result cannot be read: %1").arg(e.what()));
    }
}

namespace {

core::Provenance modelProvenance(const AiModel& m) {
    core::Provenance p;
    p.source = m.name.toStdString();
    p.modelVersion = m.version.toStdString();
    p.created = p.modified = io::isoTimeNow();
    return p;
}

}  // namespace

QString AiAssist::applySegmentation(const QString& prefix) {
    const core::ImageGeometry& g = document_->volume().geometry();
    const core::LabelMap result = io::LabelMapReader::read((prefix + ".seg.nii.gz").toStdString(), g);
    core::AnnotationSet table;
    io::readLabelSidecar(io::readAnnotationText((prefix + ".seg.json").toStdString()), table);
    core::LabelMap& labels = document_->editableLabels();
    // The model's labels get values of their own, so that nothing the user drew is relabelled.
    std::map<std::uint16_t, std::uint16_t> to;
    for (const auto& l : table.labels.labels().labels()) {
        const std::uint16_t value = labels.labels().find(l.value) ? labels.labels().nextFreeValue() : l.value;
        labels.labels().set({value, l.name, l.color});
        to[l.value] = value;
        core::SegmentInfo info;
        info.value = value;
        info.provenance = modelProvenance(running_);
        info.proposed = true;
        document_->segments().push_back(info);
    }
    core::LabelMapEdit edit(("AI: " + running_.name).toStdString());
    edit.capture(labels, core::VoxelRegion::whole(g));
    std::size_t painted = 0;
    for (std::size_t v = 0; v < g.voxelCount(); ++v)
        if (const std::uint16_t r = result.at(v); r != 0 && to.count(r)) labels.set(v, to[r]), ++painted;
    if (edit.finish(labels)) document_->commitLabelEdit(std::move(edit), 0);
    document_->labelTableEdited();
    return tr("%n label(s) proposed, %1 voxels: correct them, then accept or reject them", nullptr, int(to.size())).arg(painted);
}

QString AiAssist::applyFindings(const QString& prefix) {
    const json j = readJson(prefix + ".findings.json");
    int n = 0;
    for (const auto& f : j.at("findings")) {
        core::Finding finding;
        finding.className = f.at("class").get<std::string>();
        finding.score = f.at("score").get<double>();
        finding.boxMin = point(f.at("box_min_mm"));
        finding.boxMax = point(f.at("box_max_mm"));
        finding.status = core::Finding::Status::Proposed;
        finding.provenance = modelProvenance(running_);
        document_->addFinding(finding);
        ++n;
    }
    return tr("%n finding(s) proposed for review", nullptr, n);
}

QString AiAssist::applyClassification(const QString& prefix) {
    const json j = readJson(prefix + ".classes.json");
    core::Classification c;
    c.className = j.value("predicted", "");
    for (const auto& x : j.at("classes")) c.probabilities.emplace_back(x.at("name").get<std::string>(), x.at("probability").get<double>());
    c.provenance = modelProvenance(running_);
    document_->addClassification(c);
    emit classified(running_.name, c.probabilities);
    return QString::fromStdString(c.className);
}

}  // namespace lumen::logic
