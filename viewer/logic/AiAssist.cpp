#include "logic/AiAssist.h"

#include "core/RealValues.h"

#include "io/AnnotationJson.h"
#include "io/ImageFileWriter.h"
#include "io/ImageLoader.h"
#include "io/LabelMapReader.h"
#include "logic/BackgroundTask.h"
#include "logic/Document.h"
#include "logic/NumberText.h"

#include <QFile>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace lumen::logic {

using nlohmann::json;

namespace {

json readJson(const QString& path) {
    return json::parse(io::readAnnotationText(path.toStdString()));
}

// The worker's entropy or saliency map (float, 0..1, on the input grid) as uint8 levels for the heat map.
core::Volume heatLevels(const std::string& file, const core::ImageGeometry& g) {
    const core::Volume entropy = io::ImageLoader::load(file).volume;
    if (!entropy.geometry().isApprox(g)) throw std::runtime_error("the model's heat map is not on the image's grid");
    core::Volume levels = core::Volume::zeros(core::PixelType::UInt8, g);
    auto* out = levels.as<std::uint8_t>();
    core::visitScalarType(entropy.pixelType(), [&](auto t) {
        const auto* in = static_cast<const decltype(t)*>(entropy.data());
        for (std::size_t v = 0; v < g.voxelCount(); ++v) out[v] = std::uint8_t(std::clamp(double(in[v]), 0.0, 1.0) * 255 + 0.5);
    });
    return levels;
}

core::Point3 point(const json& j) { return {j.at(0).get<double>(), j.at(1).get<double>(), j.at(2).get<double>()}; }

core::Provenance modelProvenance(const AiModel& m) {
    core::Provenance p;
    p.source = m.name.toStdString();
    p.modelVersion = m.version.toStdString();
    p.created = p.modified = io::isoTimeNow();
    return p;
}

// What to say on a proposal of the model's label `value` (0: on any proposal).
std::string cautionOf(const std::map<std::uint16_t, std::string>& cautions, std::uint16_t value) {
    const auto all = cautions.find(0), own = value ? cautions.find(value) : cautions.end();
    std::string out = all != cautions.end() ? all->second : "";
    if (own != cautions.end()) out += (out.empty() ? "" : "; ") + own->second;
    return out;
}

}  // namespace

struct AiAssist::Painted {
    core::LabelMap labels;
    core::LabelMapEdit edit;
    std::vector<std::uint16_t> values;  // the proposed labels
    std::size_t voxels = 0;
    std::size_t kept = 0;  // result voxels left to a label that was there (accepted, edited or drawn)
    int replaced = 0;      // the model's earlier unreviewed proposals that this run replaces
};

// `labels` with the model's result painted in as one undoable edit that carries the label table
// and segments too. What the user accepted, corrected or drew is never touched: the proposal
// fills only empty voxels, on label values of its own. The same model's earlier proposals that
// nobody reviewed or corrected are replaced (a re-run must not pile up copies).
AiAssist::Painted AiAssist::paintProposal(const core::LabelMap& labels, core::LabelMetadata before, const core::LabelMap& result,
                                          const core::LabelTable& table, const core::Provenance& provenance,
                                          const std::map<std::uint16_t, std::string>& cautions) {
    Painted p;
    p.edit = core::LabelMapEdit("AI: " + provenance.source);
    p.labels = labels.clone();
    core::LabelMetadata after = before;
    std::vector<bool> replaced(std::size_t(1) << 16, false);
    auto& segments = after.segments;
    for (const auto& s : segments)
        if (s.proposed && !s.provenance.editedByUser && s.provenance.source == provenance.source) {
            replaced[s.value] = true;
            after.table.remove(s.value);
            ++p.replaced;
        }
    segments.erase(std::remove_if(segments.begin(), segments.end(), [&](const core::SegmentInfo& s) { return replaced[s.value]; }),
                   segments.end());
    std::vector<std::uint16_t> to(std::size_t(1) << 16, 0);  // result value → value in `labels`
    for (const auto& l : table.labels()) {
        if (l.value == 0) continue;  // background is never a proposal
        const std::uint16_t value = after.table.find(l.value) ? after.table.nextFreeValue() : l.value;
        after.table.set({value, l.name, l.color});
        to[l.value] = value;
        p.values.push_back(value);
        core::SegmentInfo info;
        info.value = value;
        info.provenance = provenance;
        info.provenance.caution = cautionOf(cautions, l.value);
        info.proposed = true;
        segments.push_back(info);
    }
    const core::ImageGeometry& g = labels.geometry();
    p.edit.capture(labels, core::VoxelRegion::whole(g));
    for (std::size_t v = 0; v < g.voxelCount(); ++v) {
        std::uint16_t now = p.labels.at(v);
        if (now != 0 && replaced[now]) p.labels.set(v, now = 0);
        const std::uint16_t r = to[result.at(v)];
        if (r == 0) continue;
        if (now == 0) p.labels.set(v, r), ++p.voxels;
        else ++p.kept;
    }
    p.edit.finish(p.labels);
    p.edit.setMetadata(before, after);
    return p;
}

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

bool AiAssist::run(const AiModel& model, bool evenIfUnfit) {
    if (busy()) return emit failed(tr("A model is already running")), false;
    if (!document_->hasImage()) return emit failed(tr("Open a series first")), false;
    if (document_->arriving()) return emit failed(tr("The series is still arriving from the PACS: run the model once it is whole")), false;
    // The card, machine-checked before anything is sent: a brain MR model on an abdominal CT.
    const ai::ImageFacts facts{document_->image().series.modality, document_->image().series.bodyPart};
    if (!evenIfUnfit) {
        QStringList reasons;
        for (const auto& w : ai::checkImage(model.applicability, document_->volume(), facts)) reasons << QString::fromStdString(w.message);
        if (!reasons.isEmpty()) return emit unfit(model.name, reasons), false;
    }
    scratch_ = std::make_unique<QTemporaryDir>();
    const QString input = scratch_->filePath("input.nii");
    running_ = model;
    image_ = document_->volume();  // shares the voxels, which are never changed in place
    job_ = QStringLiteral("writing");
    const int generation = ++generation_;  // a cancel and a new Run before this write ends: its outcome is stale
    emit started(model.name);
    // Handing the volume over is a file write (tens of MB): off the GUI thread.
    runInBackground(
        // Real values: a CT's stored values without its rescale would give the model wrong HU.
        this, [volume = image_, path = input.toStdString()] { io::ImageFileWriter::write(core::toRealValues(volume), path, false); },
        [this, input, generation, facts](const QString& error) {
            if (generation != generation_ || job_ != "writing") return;  // canceled meanwhile
            if (!error.isEmpty()) {
                job_.clear();
                return emit failed(tr("Cannot hand the image to the model: %1").arg(error));
            }
            ai::protocol::InferRequest request;
            request.model = running_.reference().toStdString();
            request.input = input.toStdString();
            request.output = scratch_->filePath("result").toStdString();
            request.uncertainty = uncertainty_ && running_.task == "segmentation";
            request.explain = uncertainty_ && running_.task != "segmentation";
            request.modality = facts.modality, request.bodyPart = facts.bodyPart;  // the scratch NIfTI cannot say
            job_ = client_->submit(request);
        });
    return true;
}

void AiAssist::cancel() {
    if (job_ == "writing") {
        job_.clear();
        emit finished(tr("Canceled"));
    } else if (busy()) {
        client_->cancel(job_);
    }
}

void AiAssist::onFinished(const QString& id, const QString& task, const QStringList&, double ms) {
    if (id != job_) return;
    const QString prefix = scratch_->filePath("result");
    auto report = [this, ms](const QString& summary) {
        job_.clear();
        emit finished(tr("%1 in %2 s: %3").arg(running_.name).arg(numberText(ms / 1000.0, 1)).arg(summary) + oodNote_);
    };
    auto fail = [this](const QString& why) {
        job_.clear();
        emit failed(tr("The model's result cannot be read: %1").arg(why));
    };
    if (seriesChanged()) return;
    oodNote_.clear();
    cautions_.clear();
    // Where the image or the result did not fit the model's card: every result file says. Each
    // proposal carries what concerns it (its label's flags; an unfit or unfamiliar image: all).
    const QString resultFile = prefix + (task == "segmentation" ? ".seg.json" : task == "detection" ? ".findings.json" : ".classes.json");
    try {
        const json applicability = readJson(resultFile).value("applicability", json::object());
        QStringList reasons;
        for (const char* side : {"output", "input"})  // what it made first: that is what the user is about to review
            for (const auto& w : ai::warningsFromJson(applicability.value(side, json::array()))) {
                reasons << QString::fromStdString(w.message);
                std::string& caution = cautions_[w.check.rfind("label_", 0) == 0 ? w.label : 0];
                caution += (caution.empty() ? "" : "; ") + w.message;
            }
        if (!reasons.isEmpty()) emit warned(reasons);
        const json ood = applicability.value("ood", json());
        oodNote_ = ood.is_object() ? tr("; out-of-distribution score %1 (above 1: unlike its training images)")
                                         .arg(numberText(ood.value("score", 0.0), 2))
                                   : QString();
    } catch (const std::exception&) {
        // the result itself is read below, which reports a broken file
    }
    if (task != "segmentation") {
        try {
            report(task == "detection" ? applyFindings(prefix) : applyClassification(prefix));
        } catch (const std::exception& e) {
            return fail(e.what());
        }
        showSaliency(prefix);
        return;
    }
    // Everything but the hand-over is off the GUI thread: reading the label map back (a
    // compressed NIfTI) and painting it into a clone of the document's labels, with the undo
    // record. The GUI thread then swaps the painted map in, if the user has not edited the labels
    // meanwhile (else it paints again, there). On a whole brain this had held the window 0.1–0.16 s.
    struct Read {
        core::LabelMap before, result;
        core::LabelMetadata metadata;  // the document's when the read began
        std::uint64_t revision = 0;
        core::AnnotationSet table;
        core::Volume uncertainty;  // uint8 levels
        Painted painted;
    };
    auto read = std::make_shared<Read>();
    read->before = document_->labels() ? document_->labels()->clone() : core::LabelMap(image_.geometry());
    read->metadata = document_->labelMetadata();
    read->revision = document_->labelRevision();
    const core::Provenance provenance = modelProvenance(running_);
    runInBackground(
        this,
        [read, prefix, g = image_.geometry(), provenance, cautions = cautions_] {
            read->result = io::LabelMapReader::read((prefix + ".seg.nii.gz").toStdString(), g);
            io::readLabelSidecar(io::readAnnotationText((prefix + ".seg.json").toStdString()), read->table);
            const std::string uncertainty = (prefix + ".uncertainty.nii.gz").toStdString();
            if (QFile::exists(QString::fromStdString(uncertainty))) read->uncertainty = heatLevels(uncertainty, g);
            read->painted = paintProposal(read->before, read->metadata, read->result, read->table.labels.labels(), provenance, cautions);
        },
        [this, read, report, fail, provenance](const QString& error) {
            if (!error.isEmpty()) return fail(error);
            if (seriesChanged()) return;
            if (!read->uncertainty.empty()) document_->setHeatMap(read->uncertainty);
            const core::LabelMap* now = document_->labels();
            try {
                if (document_->labelRevision() != read->revision)  // edited meanwhile: paint on what is there now
                    read->painted = paintProposal(now ? *now : core::LabelMap(image_.geometry()), document_->labelMetadata(),
                                                  read->result, read->table.labels.labels(), provenance, cautions_);
            } catch (const std::exception& e) {
                return fail(e.what());
            }
            report(applySegmentation(std::move(read->painted)));
        });
}

// The open series may have changed while the model ran: its result belongs to the image it saw.
bool AiAssist::seriesChanged() {
    if (document_->volume().data() == image_.data()) return false;  // the same voxels: the same image
    job_.clear();
    emit failed(tr("Another series was opened while %1 ran; run it again on this one.").arg(running_.name));
    return true;
}

QString AiAssist::applySegmentation(Painted painted) {
    // Even with no voxel the edit lists the labels (as proposals to reject) and is undoable.
    const int labels = int(painted.values.size());
    const std::size_t voxels = painted.voxels, kept = painted.kept;
    const int replaced = painted.replaced;
    document_->replaceLabels(std::move(painted.labels), std::move(painted.edit));
    QString text = tr("%n label(s) proposed, %1 voxels", nullptr, labels).arg(voxels);
    if (replaced) text += tr("; they replace %n earlier unreviewed proposal(s) of this model", nullptr, replaced);
    if (kept) text += tr("; %1 voxels already labelled (accepted, corrected or drawn) were left as they are").arg(kept);
    return text;
}

// The saliency map (when asked for) is a whole-volume NIfTI: read off the GUI thread.
void AiAssist::showSaliency(const QString& prefix) {
    const std::string file = (prefix + ".saliency.nii.gz").toStdString();
    if (!QFile::exists(QString::fromStdString(file))) return;
    auto levels = std::make_shared<core::Volume>();
    auto peak = std::make_shared<core::Point3>();
    runInBackground(
        this,
        [levels, peak, file, g = image_.geometry()] {
            *levels = heatLevels(file, g);
            const auto* v = levels->as<std::uint8_t>();
            const std::size_t at = std::size_t(std::max_element(v, v + g.voxelCount()) - v);
            const auto& d = g.dims();
            *peak = g.indexToWorld({double(at % d[0]), double(at / d[0] % d[1]), double(at / (d[0] * d[1]))});
        },
        [this, levels, peak, generation = generation_](const QString& error) {
            // The result is in already: a saliency map that comes too late (another run or
            // series meanwhile) is dropped without a word.
            if (generation != generation_ || document_->volume().data() != image_.data()) return;
            if (!error.isEmpty()) return emit failed(tr("The saliency map cannot be read: %1").arg(error));
            document_->setHeatMap(std::move(*levels));
            emit saliencyShown(*peak);
        });
}

QString AiAssist::applyFindings(const QString& prefix) {
    const json j = readJson(prefix + ".findings.json");
    std::vector<core::Finding> findings;
    for (const auto& f : j.at("findings")) {
        core::Finding finding;
        finding.className = f.at("class").get<std::string>();
        finding.score = f.at("score").get<double>();
        finding.boxMin = point(f.at("box_min_mm"));
        finding.boxMax = point(f.at("box_max_mm"));
        finding.status = core::Finding::Status::Proposed;
        finding.provenance = modelProvenance(running_);
        finding.provenance.caution = cautionOf(cautions_, 0);
        findings.push_back(finding);
    }
    const int returned = int(findings.size());
    const auto [added, replaced] = document_->replaceModelFindings(running_.name.toStdString(), std::move(findings));
    QString text = tr("%n finding(s) proposed for review", nullptr, added);
    if (replaced) text += tr("; they replace %n earlier unreviewed proposal(s) of this model", nullptr, replaced);
    if (returned > added) text += tr("; %n repeat(s) of findings already reviewed left out", nullptr, returned - added);
    return text;
}

QString AiAssist::applyClassification(const QString& prefix) {
    const json j = readJson(prefix + ".classes.json");
    core::Classification c;
    c.className = j.value("predicted", "");
    for (const auto& x : j.at("classes")) c.probabilities.emplace_back(x.at("name").get<std::string>(), x.at("probability").get<double>());
    c.provenance = modelProvenance(running_);
    c.provenance.caution = cautionOf(cautions_, 0);
    document_->addClassification(c);
    emit classified(running_.name, c.probabilities);
    return QString::fromStdString(c.className);
}

}  // namespace lumen::logic
