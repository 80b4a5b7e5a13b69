#include "logic/InteractiveSegmentation.h"

#include "core/RealValues.h"
#include "io/AnnotationJson.h"
#include "io/ImageFileWriter.h"
#include "io/LabelMapReader.h"
#include "logic/AiWorkerClient.h"
#include "logic/BackgroundTask.h"
#include "logic/Document.h"
#include "logic/NumberText.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace lumen::logic {

InteractiveSegmentation::InteractiveSegmentation(Document* document, AiWorkerClient* worker, QObject* parent)
    : QObject(parent), document_(document), worker_(worker) {
    connect(worker_, &AiWorkerClient::interacted, this, &InteractiveSegmentation::onStep);
    connect(worker_, &AiWorkerClient::failed, this, &InteractiveSegmentation::onFailed);
    connect(worker_, &AiWorkerClient::workerDied, this, [this](const QString& why) {
        if (session_.isEmpty() && !starting_) return;
        reset(false);
        emit failed(why);
    });
    connect(document_, &Document::imageChanged, this, [this] {
        if (!sameImage()) reset(true);
    });
}

InteractiveSegmentation::~InteractiveSegmentation() {
    // Silent: when the window closes, the panels and the document listening may be gone already.
    blockSignals(true);
    reset(true);
}

void InteractiveSegmentation::setModel(const AiModel& model) {
    if (model.reference() == model_.reference()) return;
    reset(true);  // a session belongs to its model
    model_ = model;
    emit changed();
}

bool InteractiveSegmentation::sameImage() const { return image_ && document_->hasImage() && document_->volume().data() == image_; }

std::vector<ai::InteractivePrompt> InteractiveSegmentation::prompts() const {
    std::vector<ai::InteractivePrompt> all;
    for (std::size_t s = 0; s < position_; ++s) all.insert(all.end(), steps_[s].begin(), steps_[s].end());
    return all;
}

bool InteractiveSegmentation::addPrompt(const ai::InteractivePrompt& prompt) {
    if (!document_->hasImage()) return emit failed(tr("Open a series first")), false;
    if (document_->arriving()) return emit failed(tr("The series is still arriving from the PACS: use AI click once it is whole")), false;
    if (!hasModel()) return emit failed(tr("No interactive segmentation model is installed (AI → Manage models)")), false;
    if (!sameImage()) reset(true);
    if (session_.isEmpty() && !starting_) startSession();
    // The object accepted or rejected elsewhere (the Segment editor, Accept all) or corrected by
    // hand: it is left as it is (as AI assist leaves corrected proposals), and this click starts the
    // next object; Refine goes on from it on purpose.
    if (value_ && !busy() && touchedElsewhere()) newObject();
    // Labels changed otherwise since its last step (an undo of it, say): the model goes on from
    // what the label map shows. (While a step runs, its result is painted on what is there then.)
    if (value_ && !busy() && document_->labelRevision() != paintedRevision_) {
        if (!refine(value_)) return false;
    }
    if (steps_.empty() && position_ == 0) since_.start();
    steps_.resize(position_);
    // Prompts given while one runs go out together, as one step (undone together too, as the
    // worker keeps them).
    if (position_ > 0 && !queue_.empty() && queue_.back().kind == Op::Kind::Prompts) {
        steps_.back().push_back(prompt);
        queue_.back().prompts.push_back(prompt);
    } else {
        steps_.push_back({prompt});
        ++position_;
        enqueue({Op::Kind::Prompts, {prompt}, {}});
    }
    emit changed();
    return true;
}

bool InteractiveSegmentation::undo() {
    if (!canUndo()) return false;
    --position_;
    enqueue({Op::Kind::Undo, {}, {}});
    emit changed();
    return true;
}

bool InteractiveSegmentation::redo() {
    if (!canRedo()) return false;
    ++position_;
    enqueue({Op::Kind::Redo, {}, {}});
    emit changed();
    return true;
}

void InteractiveSegmentation::newObject() {
    value_ = 0;
    painted_ = refining_ = false;
    basePrompts_ = 0, baseSeconds_ = 0;
    steps_.clear();
    position_ = 0;
    if (!session_.isEmpty() || starting_) enqueue({Op::Kind::NewObject, {}, {}});
    emit changed();
}

bool InteractiveSegmentation::refine(std::uint16_t value) {
    const core::LabelMap* labels = document_->labels();
    const core::Label* label = labels ? labels->labels().find(value) : nullptr;
    if (!label || !hasModel() || !document_->hasImage()) return emit failed(tr("There is no segment to refine")), false;
    if (!sameImage()) reset(true);
    if (session_.isEmpty() && !starting_) startSession();
    value_ = value;
    label_ = *label;
    refining_ = true;
    basePrompts_ = 0, baseSeconds_ = 0;
    for (const auto& s : document_->segments())
        if (s.value == value) basePrompts_ = s.provenance.prompts, baseSeconds_ = s.provenance.editSeconds;
    steps_.clear();
    position_ = 0;
    since_.start();
    // Its voxels now are the model's starting mask: written off the GUI thread (a CT's mask is
    // tens of MB), then handed over in the queue's order.
    const QString path = scratch_->filePath(QString("start-%1.nii").arg(++masks_));
    core::Volume mask = core::Volume::zeros(core::PixelType::UInt8, labels->geometry());
    auto* m = mask.as<std::uint8_t>();
    for (std::size_t v = 0; v < labels->geometry().voxelCount(); ++v) m[v] = labels->at(v) == value;
    const QString marker = QString("writing:%1").arg(masks_);
    queue_.push_back({Op::Kind::NewObject, {}, marker});  // goes out once the mask is written
    ++writing_;
    runInBackground(
        this, [mask = std::move(mask), p = path.toStdString()] { io::ImageFileWriter::write(mask, p, false); },
        [this, path, marker, generation = generation_](const QString& error) {
            if (generation != generation_) return;  // reset meanwhile
            --writing_;
            for (Op& op : queue_)
                if (op.mask == marker) op.mask = error.isEmpty() ? path : QString();
            if (!error.isEmpty()) emit failed(tr("Cannot hand the segment to the model: %1").arg(error));
            pump();
        });
    emit changed();
    return true;
}

bool InteractiveSegmentation::accept() {
    if (value_ == 0) return false;
    if (busy()) return emit failed(tr("Wait for the last prompt's result before accepting")), false;
    for (auto& s : document_->segments())
        if (s.value == value_) {
            s.proposed = false;
            markReviewed(s.provenance);
        }
    document_->labelTableEdited();
    newObject();
    return true;
}

void InteractiveSegmentation::end() { reset(true); }

void InteractiveSegmentation::reset(bool endSession) {
    if (endSession && !session_.isEmpty() && worker_ && worker_->running()) {
        ai::protocol::InteractRequest r;
        r.action = "end";
        worker_->interact(r, session_);
    }
    session_.clear();
    starting_ = inFlight_ = skipPaint_ = false;
    writing_ = 0;
    ++generation_;
    queue_.clear();
    image_ = nullptr;
    value_ = 0;
    painted_ = refining_ = false;
    steps_.clear();
    position_ = 0;
    emit changed();
}

void InteractiveSegmentation::startSession() {
    scratch_ = std::make_unique<QTemporaryDir>();
    image_ = document_->volume().data();
    starting_ = true;
    const QString input = scratch_->filePath("input.nii");
    // Handing the volume over is a file write (tens of MB): off the GUI thread. Real values: a
    // CT's stored values without its rescale would give the model wrong HU.
    runInBackground(
        this, [volume = document_->volume(), path = input.toStdString()] { io::ImageFileWriter::write(core::toRealValues(volume), path, false); },
        [this, input, image = image_](const QString& error) {
            if (!starting_ || image != image_) return;  // reset meanwhile
            starting_ = false;
            if (!worker_) return reset(false);  // the window is closing
            if (!error.isEmpty()) {
                reset(false);
                return emit failed(tr("Cannot hand the image to the model: %1").arg(error));
            }
            ai::protocol::InteractRequest r;
            r.action = "start";
            r.model = model_.reference().toStdString();
            r.input = input.toStdString();
            r.output = scratch_->filePath("step").toStdString();
            skipPaint_ = true;  // an empty object: nothing to show
            inFlight_ = true;
            session_ = worker_->interact(r);
        });
}

void InteractiveSegmentation::enqueue(Op op) {
    queue_.push_back(std::move(op));
    pump();
}

void InteractiveSegmentation::pump() {
    if (inFlight_ || starting_ || writing_ || session_.isEmpty() || queue_.empty() || !worker_) return;
    Op op = std::move(queue_.front());
    queue_.pop_front();
    ai::protocol::InteractRequest r;
    switch (op.kind) {
        case Op::Kind::Prompts:
            r.action = "prompt";
            r.prompts = ai::promptsToJson(op.prompts).dump();
            break;
        case Op::Kind::Undo: r.action = "undo"; break;
        case Op::Kind::Redo: r.action = "redo"; break;
        case Op::Kind::NewObject:
            r.action = "new_object";
            r.mask = op.mask.toStdString();
            skipPaint_ = true;
            break;
    }
    inFlight_ = true;
    worker_->interact(r, session_);
    emit changed();
}

bool InteractiveSegmentation::touchedElsewhere() const {
    if (!painted_ && !refining_) return false;  // not shown yet
    if (refining_) return !document_->labels() || !document_->labels()->labels().find(value_);  // refined on purpose: unless deleted
    const auto& segments = document_->segments();
    const auto s = std::find_if(segments.begin(), segments.end(), [this](const core::SegmentInfo& x) { return x.value == value_; });
    return s == segments.end() || !s->proposed || s->provenance.voxelsAdded + s->provenance.voxelsRemoved != handEdits_;
}

core::SegmentInfo InteractiveSegmentation::segmentNow() const {
    core::SegmentInfo s;
    for (const auto& existing : document_->segments())
        if (existing.value == value_) s = existing;
    if (s.value == 0) {  // a new object: the model's
        s.value = value_;
        s.provenance.source = model_.name.toStdString();
        s.provenance.modelVersion = model_.version.toStdString();
        s.provenance.created = io::isoTimeNow();
    }
    s.proposed = true;  // until accepted, refined ones included
    s.provenance.modified = io::isoTimeNow();
    return s;
}

void InteractiveSegmentation::onFailed(const QString& id, const QString& message) {
    if (id.isEmpty() || id != session_) return;
    reset(false);  // the worker forgot the session; what is painted stays
    emit failed(tr("AI click: %1").arg(message));
}

void InteractiveSegmentation::onStep(const QString& id, const QString& mask, const QString& summary, double ms) {
    if (id != session_) return;
    if (!sameImage()) return reset(true);
    lastMs_ = ms;
    try {
        lastMs_ = nlohmann::json::parse(summary.toStdString()).value("network_ms", ms);
    } catch (const std::exception&) {
    }
    if (skipPaint_ || mask.isEmpty() || (value_ == 0 && position_ == 0)) {  // nothing to show
        skipPaint_ = inFlight_ = false;
        emit changed();
        return pump();
    }
    core::LabelMap& labels = document_->editableLabels();
    if (value_ == 0) {  // the object's first result: a label of its own
        value_ = labels.labels().nextFreeValue();
        label_ = {value_, tr("AI object %1").arg(value_).toStdString(), labels.labels().distinctColor()};
    }
    core::SegmentInfo segment = segmentNow();
    // A refined segment keeps the effort it had (its earlier prompts, the brush's seconds).
    segment.provenance.prompts = basePrompts_ + prompts().size();
    segment.provenance.editSeconds = baseSeconds_ + (since_.isValid() ? since_.elapsed() / 1000.0 : 0);
    struct Read {
        core::LabelMap before;
        core::LabelMetadata metadata;
        std::uint64_t revision = 0;
        std::vector<std::uint8_t> mask;
        Painted painted;
    };
    auto read = std::make_shared<Read>();
    read->before = labels.clone();
    read->metadata = document_->labelMetadata();
    read->revision = document_->labelRevision();
    runInBackground(
        this,
        [read, path = mask.toStdString(), label = label_, segment] {
            const core::LabelMap m = io::LabelMapReader::read(path, read->before.geometry());
            read->mask.resize(read->before.geometry().voxelCount());
            for (std::size_t v = 0; v < read->mask.size(); ++v) read->mask[v] = m.at(v) != 0;
            read->painted = paint(read->before, read->metadata, read->mask, label, segment);
        },
        [this, read, label = label_, segment, image = image_](const QString& error) {
            if (image != image_ || !sameImage()) return;  // another series meanwhile
            inFlight_ = false;
            if (!error.isEmpty()) {
                emit failed(tr("The model's result cannot be read: %1").arg(error));
                return pump();
            }
            if (value_ != label.value) return pump();  // New object meanwhile: the old one stays as it was
            if (touchedElsewhere()) {  // corrected, accepted or rejected while it ran: left as it is
                newObject();
                return pump();
            }
            if (document_->labelRevision() != read->revision)  // edited meanwhile: paint on what is there now
                read->painted = paint(*document_->labels(), document_->labelMetadata(), read->mask, label, segment);
            const std::size_t voxels = read->painted.voxels;
            document_->replaceLabels(std::move(read->painted.labels), std::move(read->painted.edit));
            paintedRevision_ = document_->labelRevision();
            handEdits_ = segment.provenance.voxelsAdded + segment.provenance.voxelsRemoved;
            refining_ = false;
            painted_ = true;
            emit stepShown(tr("%1: %n prompt(s), %2 voxels, %3 s", nullptr, int(segment.provenance.prompts))
                               .arg(QString::fromStdString(label.name))
                               .arg(voxels)
                               .arg(numberText(lastMs_ / 1000.0, 2)));
            emit changed();
            pump();
        });
}

InteractiveSegmentation::Painted InteractiveSegmentation::paint(const core::LabelMap& labels, core::LabelMetadata before,
                                                                const std::vector<std::uint8_t>& mask, const core::Label& label,
                                                                const core::SegmentInfo& segment) {
    Painted p;
    p.edit = core::LabelMapEdit("AI click: " + label.name);
    p.labels = labels.clone();
    core::LabelMetadata after = before;
    after.table.set(label);
    auto it = std::find_if(after.segments.begin(), after.segments.end(), [&](const core::SegmentInfo& s) { return s.value == label.value; });
    if (it == after.segments.end()) after.segments.push_back(segment);
    else *it = segment;
    const core::ImageGeometry& g = labels.geometry();
    p.edit.capture(labels, core::VoxelRegion::whole(g));
    const std::uint16_t value = label.value;
    for (std::size_t v = 0; v < g.voxelCount(); ++v) {
        const std::uint16_t now = p.labels.at(v);
        if (mask[v] && now == 0) p.labels.set(v, value);
        else if (!mask[v] && now == value) p.labels.set(v, 0);
        p.voxels += p.labels.at(v) == value;
    }
    p.edit.finish(p.labels);
    p.edit.setMetadata(before, after);
    return p;
}

}  // namespace lumen::logic
