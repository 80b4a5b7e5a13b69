#include "logic/SegmentEditor.h"

#include "logic/Document.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace lumen::logic {

SegmentEditor::SegmentEditor(Document* document, QObject* parent) : QObject(parent), document_(document) {
    settings_.label = 0;
    connect(document_, &Document::imageChanged, this, [this] {
        brushTool_.reset();
        locked_.clear();
        settings_.label = 0;
        emit settingsChanged();
    });
    connect(document_, &Document::labelsChanged, this, [this] {
        const core::LabelMap* labels = document_->labels();
        if (!labels || labels->labels().find(settings_.label)) return;
        settings_.label = labels->labels().empty() ? 0 : labels->labels().labels().front().value;
        emit settingsChanged();
    });
}

SegmentEditor::~SegmentEditor() = default;

void SegmentEditor::setBrushRadius(double mm) {
    settings_.radiusMm = std::clamp(mm, 0.5, 100.0);
    emit settingsChanged();
}

void SegmentEditor::setSphere(bool sphere) { settings_.sphere = sphere, emit settingsChanged(); }
void SegmentEditor::setErase(bool erase) { settings_.erase = erase, emit settingsChanged(); }
void SegmentEditor::setOnlyEmpty(bool onlyEmpty) { settings_.onlyEmpty = onlyEmpty, emit settingsChanged(); }
void SegmentEditor::setRange(std::optional<std::pair<double, double>> range) { settings_.range = range, emit settingsChanged(); }
void SegmentEditor::setActiveLabel(std::uint16_t value) { settings_.label = value, emit settingsChanged(); }

void SegmentEditor::setLocked(std::uint16_t value, bool locked) {
    if (locked) locked_.insert(value);
    else locked_.erase(value);
    emit settingsChanged();
}

std::uint16_t SegmentEditor::addLabel(const std::string& name) {
    if (!document_->hasImage()) return 0;
    core::LabelMap& labels = document_->editableLabels();
    const std::uint16_t value = labels.labels().nextFreeValue();
    labels.labels().set({value, name.empty() ? tr("Segment %1").arg(value).toStdString() : name, labels.labels().distinctColor()});
    settings_.label = value;
    document_->labelTableEdited();
    emit settingsChanged();
    return value;
}

void SegmentEditor::renameLabel(std::uint16_t value, const std::string& name) {
    core::LabelMap& labels = document_->editableLabels();
    const core::Label* l = labels.labels().find(value);
    if (!l || name.empty() || l->name == name) return;
    labels.labels().set({value, name, l->color});
    document_->labelTableEdited();
}

void SegmentEditor::recolourLabel(std::uint16_t value, core::Rgba colour) {
    core::LabelMap& labels = document_->editableLabels();
    const core::Label* l = labels.labels().find(value);
    if (!l) return;
    labels.labels().set({value, l->name, colour});
    document_->labelTableEdited();
}

void SegmentEditor::deleteLabel(std::uint16_t value) {
    if (!document_->labels() || !document_->labels()->labels().find(value)) return;
    if (isLocked(value)) return emit refused(tr("The label is locked"));
    dropLabel("delete label", value, 0);
}

void SegmentEditor::dropLabel(const char* description, std::uint16_t value, std::uint16_t into) {
    core::LabelMetadata after = document_->labelMetadata();
    after.table.remove(value);
    auto& segments = after.segments;
    segments.erase(std::remove_if(segments.begin(), segments.end(), [value](const core::SegmentInfo& s) { return s.value == value; }),
                   segments.end());
    edit(description, [&](core::LabelMap& m, core::LabelMapEdit& e) { return logic::mergeLabel(m, value, into, e); }, &after);
}

// One table change for all of them: views, panels and the autosave react once.
int SegmentEditor::acceptProposals(const std::vector<std::uint16_t>& values) {
    int accepted = 0;
    for (auto& s : document_->segments())
        if (s.proposed && std::find(values.begin(), values.end(), s.value) != values.end()) {
            s.proposed = false;
            markReviewed(s.provenance);
            ++accepted;
        }
    if (accepted) document_->labelTableEdited();
    return accepted;
}

void SegmentEditor::acceptProposal(std::uint16_t value) { acceptProposals({value}); }

void SegmentEditor::rejectProposal(std::uint16_t value) {
    const auto proposed = document_->proposedLabels();
    if (std::find(proposed.begin(), proposed.end(), value) != proposed.end()) deleteLabel(value);
}

int SegmentEditor::acceptAllProposals() { return acceptProposals(document_->proposedLabels()); }

int SegmentEditor::rejectAllProposals() {
    const auto values = document_->proposedLabels();
    for (auto v : values) rejectProposal(v);
    return int(values.size());
}

void SegmentEditor::mergeLabel(std::uint16_t from, std::uint16_t into) {
    if (from == into || isLocked(from) || isLocked(into)) return emit refused(tr("The label is locked"));
    dropLabel("merge labels", from, into);
}

std::optional<std::uint16_t> SegmentEditor::target() {
    if (!document_->hasImage()) {
        emit refused(tr("Open a series first"));
        return std::nullopt;
    }
    core::LabelMap& labels = document_->editableLabels();
    if (settings_.label == 0 || !labels.labels().find(settings_.label)) {
        settings_.label = labels.labels().empty() ? addLabel() : labels.labels().labels().front().value;
        emit settingsChanged();
    }
    if (isLocked(settings_.label)) {
        emit refused(tr("\"%1\" is locked").arg(QString::fromStdString(labels.labels().find(settings_.label)->name)));
        return std::nullopt;
    }
    return settings_.label;
}

// Says what a region tool did, above all when it took voxels from other labels (a fill over a
// proposal must not be silent): "fill: 1 234 voxels to Lesion, 210 of them from Cerebellum".
void SegmentEditor::report(const core::LabelMapEdit& e, const core::LabelMetadata& before) {
    const auto gained = e.changes().find(settings_.label);
    if (gained == e.changes().end()) return;
    auto name = [&](std::uint16_t v) {
        const core::Label* l = before.table.find(v);
        return l ? QString::fromStdString(l->name) : QString::number(v);
    };
    QStringList taken;
    for (const auto& [value, change] : e.changes())
        if (value != settings_.label && change.lost) taken << tr("%1 from %2").arg(change.lost).arg(name(value));
    QString text = tr("%1: %2 voxels to %3").arg(QString::fromStdString(e.description())).arg(gained->second.gained).arg(name(settings_.label));
    if (!taken.isEmpty()) text += tr(", of them %1").arg(taken.join(", "));
    if (!taken.isEmpty() && !settings_.onlyEmpty) text += tr(" (tick \"only empty voxels\" to keep other labels)");
    emit reported(text);
}

template <class Op>
std::size_t SegmentEditor::edit(const char* description, Op op, const core::LabelMetadata* after) {
    core::LabelMap& labels = document_->editableLabels();
    core::LabelMapEdit e(description);
    QElapsedTimer clock;
    clock.start();
    core::LabelMetadata before = document_->labelMetadata();
    const std::size_t changed = op(labels, e);
    const bool voxels = e.finish(labels);
    if (voxels && !after) report(e, before);  // a label's removal or merge says nothing more
    if (after) e.setMetadata(before, *after);
    if (voxels || after) document_->commitLabelEdit(std::move(e), clock.nsecsElapsed() / 1e9);
    return changed;
}

void SegmentEditor::beginStroke(const core::Point3& world, const core::Vector3& viewNormal) {
    const auto label = target();
    if (!label) return;
    BrushSettings s = settings_;
    s.locked.assign(locked_.begin(), locked_.end());
    if (s.erase) {  // the eraser clears the active label only: say so rather than do nothing
        const core::LabelMap& labels = document_->editableLabels();
        const core::Vector3 index = labels.geometry().worldToIndex(world);
        if (labels.geometry().contains(index)) {
            const auto& d = labels.geometry().dims();
            auto nearest = [&](int a) { return std::size_t(std::clamp(std::lround(index[a]), 0L, long(d[a]) - 1)); };
            const std::uint16_t here = labels.at(nearest(0), nearest(1), nearest(2));
            const core::Label* other = labels.labels().find(here);
            const core::Label* active = labels.labels().find(*label);
            if (here != 0 && here != *label && other && active)
                emit refused(tr("The eraser clears the active label, %1; here is %2: make %2 active to erase it.")
                                 .arg(QString::fromStdString(active->name), QString::fromStdString(other->name)));
        }
    }
    brushTool_ = std::make_unique<BrushTool>(document_->editableLabels(), &document_->volume());
    brushTool_->setSettings(s);
    brushTool_->begin(world, viewNormal);
    strokeTime_.start();
    document_->labelVoxelsTouched();
}

void SegmentEditor::continueStroke(const core::Point3& world) {
    if (!stroking()) return;
    brushTool_->drag(world);
    if (!brushTool_->dirty().empty()) document_->labelVoxelsTouched();
}

void SegmentEditor::endStroke() {
    if (!stroking()) return;
    if (auto e = brushTool_->end()) document_->commitLabelEdit(std::move(*e), strokeTime_.nsecsElapsed() / 1e9);
    brushTool_.reset();
}

std::size_t SegmentEditor::floodFill(const core::Point3& world, const core::Vector3& viewNormal, bool in3d, double tolerance) {
    const auto label = target();
    if (!label) return 0;
    const core::Volume& image = document_->volume();
    const core::Vector3 idx = image.geometry().worldToIndex(world);
    if (!image.geometry().contains(idx)) return 0;
    const std::array<std::size_t, 3> seed{std::size_t(std::lround(idx.x)), std::size_t(std::lround(idx.y)), std::size_t(std::lround(idx.z))};
    auto range = settings_.range;
    if (!range) {
        const auto value = document_->valueAt(world);
        if (!value) return 0;
        range = std::make_pair(*value - tolerance, *value + tolerance);
    }
    const int axis = in3d ? -1 : gridAxisNearest(image.geometry(), viewNormal);
    return edit("fill", [&](core::LabelMap& m, core::LabelMapEdit& e) {
        return logic::floodFill(m, image, seed, *label, range->first, range->second, axis, settings_.onlyEmpty, e);
    });
}

std::size_t SegmentEditor::fillPolygon(const std::vector<core::Point3>& polygon, const core::Vector3& viewNormal) {
    const auto label = target();
    if (!label) return 0;
    return edit("lasso", [&](core::LabelMap& m, core::LabelMapEdit& e) {
        return logic::fillPolygon(m, polygon, viewNormal, *label, settings_.onlyEmpty, e);
    });
}

std::size_t SegmentEditor::fillHoles() {
    const auto label = target();
    if (!label) return 0;
    return edit("fill holes", [&](core::LabelMap& m, core::LabelMapEdit& e) { return logic::fillHoles(m, *label, e); });
}

std::size_t SegmentEditor::smooth(Morphology op, double radiusMm) {
    const auto label = target();
    if (!label) return 0;
    return edit("smooth", [&](core::LabelMap& m, core::LabelMapEdit& e) { return logic::smoothLabel(m, *label, op, radiusMm, e); });
}

std::size_t SegmentEditor::interpolate(const core::Vector3& viewNormal) {
    const auto label = target();
    if (!label) return 0;
    const int axis = gridAxisNearest(document_->volume().geometry(), viewNormal);
    return edit("interpolate slices", [&](core::LabelMap& m, core::LabelMapEdit& e) { return logic::interpolateSlices(m, *label, axis, e); });
}

}  // namespace lumen::logic
