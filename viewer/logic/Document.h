#pragma once
#include "core/Annotation.h"
#include "core/LabelMap.h"
#include "core/LabelMapEdit.h"
#include "io/ImageLoader.h"
#include "logic/MeasurementList.h"

#include <QObject>
#include <QString>

#include <optional>

namespace lumen::logic {

// The open series and everything annotated on it: image, label map (with undo), measurements,
// findings, classifications. Views observe it through its signals; tools and panels change it
// through its methods. edited() follows every completed change the workspace should keep.
class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr) : QObject(parent) {}

    void setImage(io::LoadedImage image);
    void clear();
    // A series still being retrieved: its volume fills in place (imageVoxelsArrived); the AI and
    // exports wait for completeImage, which takes the series as loaded from the database,
    // keeping the views and the annotations where its grid is the same.
    void setArrivingImage(io::LoadedImage image);
    void imageVoxelsArrived() { emit imageVoxelsChanged(); }
    void completeImage(io::LoadedImage image);
    bool arriving() const { return arriving_; }
    bool hasImage() const { return !image_.volume.empty(); }
    const io::LoadedImage& image() const { return image_; }
    const core::Volume& volume() const { return image_.volume; }
    // What the title bar and corner text call this series.
    QString seriesTitle() const;

    void setLabels(std::optional<core::LabelMap> labels);  // a new label map: undo starts afresh
    const core::LabelMap* labels() const { return labels_ ? &*labels_ : nullptr; }
    // The label map to edit, created empty on the image's grid on first use.
    core::LabelMap& editableLabels();
    // Voxels changed in place during a gesture (brush drag): views redraw, nothing is recorded.
    void labelVoxelsTouched() { ++labelRevision_, emit labelVoxelsChanged(); }
    // A finished edit (already applied) that took `seconds`: undoable. Every model segment whose
    // voxels it changed counts it as correction effort (voxels it gained and lost, the time). An
    // edit carrying metadata also sets the label values it changed in the table and segments.
    void commitLabelEdit(core::LabelMapEdit edit, double seconds = 0);
    // An edit worked out away from the document (on a worker, from a clone of these labels):
    // the label map becomes `after`, which `edit` turns the current one into. Undoable like any;
    // its metadata, if any, is applied as above.
    void replaceLabels(core::LabelMap after, core::LabelMapEdit edit);
    // The label table and segments now: what an edit that changes them records as "before".
    core::LabelMetadata labelMetadata() const;
    // Counts changes of the labels, their table or segments: a result worked out on a copy
    // checks by it that nothing changed meanwhile.
    std::uint64_t labelRevision() const { return labelRevision_; }
    // Names, colours or the segment infos changed.
    void labelTableEdited();
    bool undoLabelEdit();
    bool redoLabelEdit();
    const core::LabelUndoStack& labelUndo() const { return undo_; }
    std::vector<core::SegmentInfo>& segments() { return extra_.segments; }
    const std::vector<core::SegmentInfo>& segments() const { return extra_.segments; }
    std::vector<std::uint16_t> proposedLabels() const;  // label values still a model's proposal

    const std::vector<core::Finding>& findings() const { return extra_.findings; }
    const core::Finding* finding(std::uint64_t id) const;
    std::uint64_t addFinding(core::Finding f);  // assigns an id when it has none
    // A model's new findings on this series, in one change: its earlier unreviewed proposals go,
    // what the user reviewed stays, and a new finding that repeats a reviewed one (same class,
    // boxes overlapping by half or more) is left out. Returns {added, replaced}.
    std::pair<int, int> replaceModelFindings(const std::string& model, std::vector<core::Finding> findings);
    void updateFinding(const core::Finding& f);
    void removeFinding(std::uint64_t id);
    // Proposals scoring below the threshold are hidden from the views and the list (reviewed and
    // hand-drawn findings always show).
    double findingThreshold() const { return findingThreshold_; }
    void setFindingThreshold(double score);
    bool findingVisible(const core::Finding& f) const {
        return f.status != core::Finding::Status::Proposed || f.score >= findingThreshold_;
    }
    // Accepts or rejects every visible proposal (one review action); returns how many.
    int reviewVisibleProposals(core::Finding::Status status);
    std::optional<std::uint64_t> selectedFinding() const { return selectedFinding_; }
    void selectFinding(std::optional<std::uint64_t> id);
    const std::vector<core::Classification>& classifications() const { return extra_.classifications; }
    // A model's heat map over this image (uint8 levels, 255 = most): where a segmentation is
    // least sure, or what a classification or detection rests on (its saliency); shown while visible. Not an annotation: not saved, gone with the image.
    const core::Volume& heatMap() const { return heatMap_; }
    bool heatMapVisible() const { return heatMapVisible_; }
    void setHeatMap(core::Volume levels);
    void setHeatMapVisible(bool visible);
    // Replaces the same model's earlier unconfirmed classification at the same level (a re-run);
    // a confirmed one stays.
    void addClassification(core::Classification c);
    // The user confirms (or changes to) `className` for `model`'s classification: reviewed, by whom
    // and when; a changed class is marked edited. False when that model classified nothing here.
    bool confirmClassification(const std::string& model, const std::string& className);

    // Everything annotated, as the workspace and the exports take it. Setting replaces it all:
    // a restore (nothing to save) unless `asEdit` (an import, which the workspace should keep).
    core::AnnotationSet annotations() const;
    void setAnnotations(core::AnnotationSet set, bool asEdit = false);

    const MeasurementList& measurements() const { return measurements_; }
    std::uint64_t addMeasurement(core::Measurement m);
    void removeMeasurement(std::uint64_t id);
    void selectMeasurement(std::optional<std::uint64_t> id);

    // Real value of the voxel nearest to a world point (time point t), if inside the volume.
    std::optional<double> valueAt(const core::Point3& world, std::size_t t = 0) const;

signals:
    void imageChanged();
    void imageVoxelsChanged();  // an arriving series: more slices in place
    void imageCompleted();      // the arriving series is whole (same grid: nothing else changed)
    void labelsChanged();
    void labelVoxelsChanged();
    void undoChanged();
    void measurementsChanged();
    void findingsChanged();
    void findingSelected();  // only the selection changed (no finding did)
    void heatMapChanged();
    void edited();

private:
    void assignImage(io::LoadedImage image, bool arriving);
    void labelsEdited();  // labelsChanged, undoChanged, edited
    std::uint64_t nextFindingId() const;
    void applyMetadata(core::LabelMapEdit& edit, bool toAfter, bool remember = true);  // the values the edit changed

    io::LoadedImage image_;
    std::optional<core::LabelMap> labels_;
    core::LabelUndoStack undo_;
    std::uint64_t labelRevision_ = 0;
    bool arriving_ = false;
    MeasurementList measurements_;
    core::AnnotationSet extra_;  // findings, classifications, segment infos (labels and measurements live above)
    std::optional<std::uint64_t> selectedFinding_;
    double findingThreshold_ = 0;
    core::Volume heatMap_;
    bool heatMapVisible_ = true;
};

// Records on an item's provenance that the user reviewed it now (who and when).
void markReviewed(core::Provenance& provenance);

// "12.3 mm", "45.0°", "mean 40.1 ± 5.0 HU (min 12, max 80), 314 mm²": translated.
QString measurementText(const core::Measurement& m);
// What the view writes beside the shape: "12.3 mm", "40.1 ± 5.0 HU / 3.14 cm²".
QString measurementShortText(const core::Measurement& m);

}  // namespace lumen::logic
