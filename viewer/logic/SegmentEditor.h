#pragma once
#include "core/LabelMapEdit.h"
#include "logic/BrushTool.h"
#include "logic/LabelRegionTools.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace lumen::logic {

class Document;

// The segment editor's model (ITK-SNAP's headless tool model): the active label, brush and
// intensity-range settings, label management and region tools on a Document. The Qt panel sets
// it up; the views' paint, fill and lasso modes only forward world points to it. Every voxel
// change is one undoable edit on the document.
class SegmentEditor : public QObject {
    Q_OBJECT
public:
    explicit SegmentEditor(Document* document, QObject* parent = nullptr);
    ~SegmentEditor() override;

    // Settings. The brush's label and locked list come from here when a stroke starts.
    const BrushSettings& brush() const { return settings_; }
    void setBrushRadius(double mm);  // clamped to [0.5, 100]
    void setSphere(bool sphere);
    void setErase(bool erase);
    void setOnlyEmpty(bool onlyEmpty);
    // Paint and fill only voxels whose value (HU on CT) lies in the range; nullopt: any value.
    void setRange(std::optional<std::pair<double, double>> range);
    std::uint16_t activeLabel() const { return settings_.label; }
    void setActiveLabel(std::uint16_t value);
    bool isLocked(std::uint16_t value) const { return locked_.count(value) != 0; }
    void setLocked(std::uint16_t value, bool locked);

    // Labels: add (next free value, distinct colour; becomes active), rename, recolour, delete
    // (its voxels become background, undoably), merge into another.
    std::uint16_t addLabel(const std::string& name = {});
    void renameLabel(std::uint16_t value, const std::string& name);
    void recolourLabel(std::uint16_t value, core::Rgba colour);
    void deleteLabel(std::uint16_t value);
    void mergeLabel(std::uint16_t from, std::uint16_t into);
    // A model's proposed label: accepting makes it an annotation (reviewed by the user, now);
    // rejecting clears its voxels (undoable) and removes it. "All" acts on every proposal.
    void acceptProposal(std::uint16_t value);
    void rejectProposal(std::uint16_t value);
    int acceptAllProposals();  // how many
    int rejectAllProposals();

    // Gestures from a view; the world points lie on the view's plane.
    void beginStroke(const core::Point3& world, const core::Vector3& viewNormal);
    void continueStroke(const core::Point3& world);
    void endStroke();
    bool stroking() const { return brushTool_ && brushTool_->active(); }
    // Flood fill from a point within the range (or the seed's value ± tolerance without one),
    // in the view's plane or in 3D. Returns the voxels set.
    std::size_t floodFill(const core::Point3& world, const core::Vector3& viewNormal, bool in3d, double tolerance = 50);
    std::size_t fillPolygon(const std::vector<core::Point3>& polygon, const core::Vector3& viewNormal);

    // Region tools on the active label.
    std::size_t fillHoles();
    std::size_t smooth(Morphology op, double radiusMm);
    // Fills the slices between labelled ones across the grid axis nearest `viewNormal`; returns
    // the slices filled.
    std::size_t interpolate(const core::Vector3& viewNormal);

signals:
    void settingsChanged();
    void refused(const QString& why);  // a locked label, no image
    void reported(const QString& what);  // what a region tool did (voxels set, taken from other labels)

private:
    int acceptProposals(const std::vector<std::uint16_t>& values);  // how many were proposals

    // The label to change, creating the first one when there is none; nullopt (and refused())
    // when it is locked or nothing is open.
    std::optional<std::uint16_t> target();
    // One undoable edit; `after`, when given, is what the label table and segments become with it.
    template <class Op>
    std::size_t edit(const char* description, Op op, const core::LabelMetadata* after = nullptr);
    void report(const core::LabelMapEdit& e, const core::LabelMetadata& before);
    // Removes `value` from the table and segments (its voxels already went elsewhere), undoably.
    void dropLabel(const char* description, std::uint16_t value, std::uint16_t into);

    Document* document_;
    BrushSettings settings_;
    std::set<std::uint16_t> locked_;
    std::unique_ptr<BrushTool> brushTool_;
    QElapsedTimer strokeTime_;  // the correction effort's time of a stroke
};

}  // namespace lumen::logic
