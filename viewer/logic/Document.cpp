#include "logic/Document.h"

#include "io/AnnotationJson.h"
#include "logic/NumberText.h"
#include "logic/Preferences.h"

#include <QCoreApplication>

#include <algorithm>

#include <cmath>

namespace lumen::logic {

void Document::setArrivingImage(io::LoadedImage image) { assignImage(std::move(image), true); }

void Document::completeImage(io::LoadedImage image) {
    const bool sameGrid = arriving_ && image.series.seriesUid == image_.series.seriesUid && image.volume.timePoints() == 1 &&
                          image.volume.geometry().dims() == image_.volume.geometry().dims() &&
                          image.volume.geometry().isApprox(image_.volume.geometry());
    if (!sameGrid) return setImage(std::move(image));  // the caller saved the workspace first
    image_ = std::move(image);
    arriving_ = false;
    emit imageCompleted();
}

void Document::setImage(io::LoadedImage image) { assignImage(std::move(image), false); }

void Document::assignImage(io::LoadedImage image, bool arriving) {
    image_ = std::move(image);
    arriving_ = arriving && hasImage();  // before imageChanged: the views ask
    labels_.reset();
    undo_.clear();
    measurements_.clear();
    extra_ = {};
    selectedFinding_.reset();
    heatMap_ = {};  // views re-read it on imageChanged
    ++labelRevision_;
    emit imageChanged();
    emit labelsChanged();
    emit undoChanged();
    emit measurementsChanged();
    emit findingsChanged();
}

void Document::clear() { setImage(io::LoadedImage()); }

QString Document::seriesTitle() const {
    if (!hasImage()) return {};
    if (!image_.fromDicom) return tr("Image file");
    QString title = QString::fromStdString(image_.series.description);
    if (title.isEmpty()) title = QString::fromStdString(image_.series.modality);
    return title;
}

void Document::setLabels(std::optional<core::LabelMap> labels) {
    if (labels && !labels->fits(image_.volume.geometry())) return;
    labels_ = std::move(labels);
    undo_.clear();
    labelsEdited();
}

core::LabelMap& Document::editableLabels() {
    if (!labels_) {
        labels_ = core::LabelMap(image_.volume.geometry());
        emit labelsChanged();
    }
    return *labels_;
}

void Document::commitLabelEdit(core::LabelMapEdit edit, double seconds) {
    applyMetadata(edit, true, false);
    // Effort is counted per segment on what it gained and lost: painting one label over another
    // corrects both.
    for (auto& s : extra_.segments) {
        const auto change = edit.changes().find(s.value);
        if (!s.provenance.fromModel() || change == edit.changes().end()) continue;
        s.provenance.editedByUser = true;
        s.provenance.voxelsAdded += change->second.gained;
        s.provenance.voxelsRemoved += change->second.lost;
        s.provenance.editSeconds += seconds;
        markReviewed(s.provenance);  // correcting it is reviewing it: who and when
    }
    undo_.push(std::move(edit));
    labelsEdited();
}

void Document::replaceLabels(core::LabelMap after, core::LabelMapEdit edit) {
    labels_ = std::move(after);
    applyMetadata(edit, true, false);
    undo_.push(std::move(edit));
    labelsEdited();
}

core::LabelMetadata Document::labelMetadata() const {
    return {labels_ ? labels_->labels() : core::LabelTable(), extra_.segments};
}

void Document::applyMetadata(core::LabelMapEdit& edit, bool toAfter, bool remember) {
    if (!edit.hasMetadata()) return;
    core::LabelMetadata now = labelMetadata();
    edit.swapMetadata(now, toAfter, remember);
    editableLabels().labels() = std::move(now.table);
    extra_.segments = std::move(now.segments);
}

void Document::labelsEdited() {
    ++labelRevision_;
    emit labelsChanged();  // views re-read the map (a superset of labelVoxelsChanged)
    emit undoChanged();
    emit edited();
}

void Document::labelTableEdited() {
    ++labelRevision_;
    emit labelsChanged();
    emit edited();
}

bool Document::undoLabelEdit() {
    core::LabelMapEdit* edit = labels_ ? undo_.undo(*labels_) : nullptr;
    if (!edit) return false;
    applyMetadata(*edit, false);
    labelsEdited();
    return true;
}

bool Document::redoLabelEdit() {
    core::LabelMapEdit* edit = labels_ ? undo_.redo(*labels_) : nullptr;
    if (!edit) return false;
    applyMetadata(*edit, true);
    labelsEdited();
    return true;
}

const core::Finding* Document::finding(std::uint64_t id) const {
    for (const auto& f : extra_.findings)
        if (f.id == id) return &f;
    return nullptr;
}

std::uint64_t Document::addFinding(core::Finding f) {
    if (f.id == 0 || finding(f.id)) f.id = nextFindingId();
    extra_.findings.push_back(f);
    emit findingsChanged();
    emit edited();
    return f.id;
}

void Document::updateFinding(const core::Finding& f) {
    for (auto& x : extra_.findings)
        if (x.id == f.id) x = f;
    emit findingsChanged();
    emit edited();
}

void Document::setHeatMap(core::Volume levels) {
    heatMap_ = std::move(levels);
    emit heatMapChanged();
}

void Document::setHeatMapVisible(bool visible) {
    if (visible == heatMapVisible_) return;
    heatMapVisible_ = visible;
    emit heatMapChanged();
}

void Document::setFindingThreshold(double score) {
    if (score == findingThreshold_) return;
    findingThreshold_ = score;
    emit findingsChanged();
}

std::vector<std::uint16_t> Document::proposedLabels() const {
    std::vector<std::uint16_t> values;
    for (const auto& s : extra_.segments)
        if (s.proposed) values.push_back(s.value);
    return values;
}

void markReviewed(core::Provenance& provenance) {
    provenance.author = Preferences::authorName().toStdString();
    provenance.modified = io::isoTimeNow();
}

int Document::reviewVisibleProposals(core::Finding::Status status) {
    int n = 0;
    for (auto& f : extra_.findings)
        if (f.status == core::Finding::Status::Proposed && findingVisible(f)) {
            f.status = status;
            markReviewed(f.provenance);
            ++n;
        }
    if (n == 0) return 0;
    emit findingsChanged();
    emit edited();
    return n;
}

void Document::removeFinding(std::uint64_t id) {
    const auto before = extra_.findings.size();
    auto& f = extra_.findings;
    f.erase(std::remove_if(f.begin(), f.end(), [id](const core::Finding& x) { return x.id == id; }), f.end());
    if (extra_.findings.size() == before) return;
    if (selectedFinding_ == id) selectedFinding_.reset();
    emit findingsChanged();
    emit edited();
}

void Document::selectFinding(std::optional<std::uint64_t> id) {
    if (id == selectedFinding_) return;
    selectedFinding_ = id;
    emit findingSelected();
}

void Document::addClassification(core::Classification c) {
    auto& all = extra_.classifications;
    all.erase(std::remove_if(all.begin(), all.end(), [&](const core::Classification& x) {
                  return x.provenance.fromModel() && !x.reviewed && x.provenance.source == c.provenance.source && x.level == c.level;
              }),
              all.end());
    all.push_back(std::move(c));
    emit edited();
}

bool Document::confirmClassification(const std::string& model, const std::string& className) {
    auto& all = extra_.classifications;
    for (auto it = all.rbegin(); it != all.rend(); ++it)  // the latest
        if (auto& c = *it; c.provenance.source == model) {
            if (c.className != className) c.provenance.editedByUser = true;
            c.className = className;
            c.reviewed = true;
            markReviewed(c.provenance);
            emit edited();
            return true;
        }
    return false;
}

std::uint64_t Document::nextFindingId() const {
    std::uint64_t next = 1;
    for (const auto& x : extra_.findings) next = std::max(next, x.id + 1);
    return next;
}

namespace {
// Intersection over union of two boxes (points count as tiny boxes).
double overlap(const core::Finding& a, const core::Finding& b) {
    double inter = 1, ua = 1, ub = 1;
    for (int i = 0; i < 3; ++i) {
        const double lo = std::max(a.boxMin[i], b.boxMin[i]), hi = std::min(a.boxMax[i], b.boxMax[i]);
        inter *= std::max(0.0, hi - lo);
        ua *= std::max(1e-3, a.boxMax[i] - a.boxMin[i]);
        ub *= std::max(1e-3, b.boxMax[i] - b.boxMin[i]);
    }
    return inter / (ua + ub - inter);
}
}  // namespace

std::pair<int, int> Document::replaceModelFindings(const std::string& model, std::vector<core::Finding> findings) {
    auto& all = extra_.findings;
    const auto before = all.size();
    auto unreviewed = [&](const core::Finding& f) { return f.provenance.source == model && f.status == core::Finding::Status::Proposed; };
    all.erase(std::remove_if(all.begin(), all.end(), unreviewed), all.end());
    const int replaced = int(before - all.size());
    if (selectedFinding_ && !finding(*selectedFinding_)) selectedFinding_.reset();
    int added = 0;
    for (auto& f : findings) {
        const bool repeats = std::any_of(all.begin(), all.end(), [&](const core::Finding& r) {
            return r.provenance.source == model && r.status != core::Finding::Status::Proposed && r.className == f.className &&
                   overlap(r, f) >= 0.5;
        });
        if (repeats) continue;
        f.id = nextFindingId();
        all.push_back(std::move(f));
        ++added;
    }
    emit findingsChanged();
    emit edited();
    return {added, replaced};
}

core::AnnotationSet Document::annotations() const {
    core::AnnotationSet set = extra_;
    set.seriesInstanceUid = image_.series.seriesUid;
    if (labels_) set.labels = *labels_;
    set.measurements = measurements_.items();
    return set;
}

void Document::setAnnotations(core::AnnotationSet set, bool asEdit) {
    if (!set.labels.empty() && set.labels.fits(image_.volume.geometry())) labels_ = std::move(set.labels);
    else labels_.reset();
    undo_.clear();
    measurements_.setItems(std::move(set.measurements));
    extra_ = {};
    extra_.segments = std::move(set.segments);
    extra_.findings = std::move(set.findings);
    extra_.classifications = std::move(set.classifications);
    selectedFinding_.reset();
    ++labelRevision_;
    emit labelsChanged();
    emit undoChanged();
    emit measurementsChanged();
    emit findingsChanged();
    if (asEdit) emit edited();
}

std::uint64_t Document::addMeasurement(core::Measurement m) {
    const auto id = measurements_.add(std::move(m));
    measurements_.select(id);
    emit measurementsChanged();
    emit edited();
    return id;
}

void Document::removeMeasurement(std::uint64_t id) {
    if (!measurements_.remove(id)) return;
    emit measurementsChanged();
    emit edited();
}

void Document::selectMeasurement(std::optional<std::uint64_t> id) {
    measurements_.select(id);
    emit measurementsChanged();
}

std::optional<double> Document::valueAt(const core::Point3& world, std::size_t t) const {
    const core::Volume& v = image_.volume;
    if (v.empty() || v.pixelType() == core::PixelType::Rgb24 || t >= v.timePoints()) return std::nullopt;
    const core::Vector3 idx = v.geometry().worldToIndex(world);
    if (!v.geometry().contains(idx)) return std::nullopt;
    const auto& d = v.geometry().dims();
    auto clampIndex = [](double x, std::size_t n) { return std::size_t(std::clamp(std::lround(x), 0L, long(n) - 1)); };
    return v.realValueAt(clampIndex(idx.x, d[0]), clampIndex(idx.y, d[1]), clampIndex(idx.z, d[2]), t);
}

// The measurement strings' translation context (free functions have no tr()).
class MeasurementText {
    Q_DECLARE_TR_FUNCTIONS(lumen::logic::MeasurementText)
};

namespace {
QString areaText(double mm2) {
    return mm2 >= 100 ? MeasurementText::tr("%1 cm²").arg(numberText(mm2 / 100, 2)) : MeasurementText::tr("%1 mm²").arg(numberText(mm2, 1));
}
}  // namespace

QString measurementShortText(const core::Measurement& m) {
    if (m.kind == core::Measurement::Kind::Length || m.kind == core::Measurement::Kind::Angle || !m.statistics ||
        m.statistics->samples == 0)
        return measurementText(m);
    const QString units = m.units.empty() ? QString() : " " + QString::fromStdString(m.units);
    return MeasurementText::tr("%1 ± %2%3\n%4").arg(numberText(m.statistics->mean, 1)).arg(numberText(m.statistics->standardDeviation, 1))
        .arg(units).arg(areaText(m.value));
}

QString measurementText(const core::Measurement& m) {
    switch (m.kind) {
        case core::Measurement::Kind::Length: return MeasurementText::tr("%1 mm").arg(numberText(m.value, 1));
        case core::Measurement::Kind::Angle: return MeasurementText::tr("%1°").arg(numberText(m.value, 1));
        case core::Measurement::Kind::Ellipse:
        case core::Measurement::Kind::Rectangle: {
            const QString area = areaText(m.value);
            if (!m.statistics || m.statistics->samples == 0) return area;
            const auto& s = *m.statistics;
            const QString units = m.units.empty() ? QString() : " " + QString::fromStdString(m.units);
            return MeasurementText::tr("mean %1 ± %2%3 (min %4, max %5), %6")
                .arg(numberText(s.mean, 1))
                .arg(numberText(s.standardDeviation, 1))
                .arg(units)
                .arg(numberText(s.minimum, 5, 'g'))
                .arg(numberText(s.maximum, 5, 'g'))
                .arg(area);
        }
    }
    return {};
}

}  // namespace lumen::logic
