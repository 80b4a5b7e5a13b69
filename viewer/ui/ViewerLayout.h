#pragma once
#include "core/Vector3.h"
#include "render/OverlayStyle.h"
#include "ui/InteractionMode.h"

#include <QWidget>

#include <array>
#include <optional>
#include <vector>

class QGridLayout;

namespace lumen::logic {
class Document;
class InteractiveSegmentation;
class SegmentEditor;
}  // namespace lumen::logic

namespace lumen::ui {

class SliceView;
class VolumeView;

enum class Layout { Single, SideBySide, Grid, Mpr };

// The view area: 1×1, 1×2 and 2×2 grids of 2D views, or MPR (axial, coronal, sagittal + 3D)
// with a linked crosshair. A second document (a prior study) can fill the second view for
// comparison; views of documents that share a frame of reference can scroll together.
class ViewerLayout : public QWidget {
    Q_OBJECT
public:
    ViewerLayout(logic::Document* primary, logic::Document* secondary, QWidget* parent = nullptr);

    void setViewLayout(Layout layout);
    Layout viewLayout() const { return layout_; }
    // Views of the current layout, in reading order.
    std::vector<SliceView*> visibleSliceViews() const;
    SliceView* sliceView(int slot) const { return slices_[std::size_t(slot)]; }
    VolumeView* volumeView() const { return volume_; }
    SliceView* activeView() const { return active_; }
    // The second view shows the secondary document (prior) instead of the primary one.
    void setComparison(bool compare);
    bool comparing() const { return comparing_; }

    void setMode(InteractionMode mode);
    void setSegmentEditor(logic::SegmentEditor* editor);
    void setInteractiveSegmentation(logic::InteractiveSegmentation* interactive);
    void setLinkedScrolling(bool linked);  // switched on: the other views join the active one at once
    bool linkedScrolling() const { return linked_; }
    void setHidePatientIdentity(bool hide);
    void setAlignedToGrid(bool aligned);
    void setOverlayStyle(const render::OverlayStyle& style);
    void setCrosshair(const std::optional<core::Point3>& point);
    // Window/level preset (0-7 CT, 8 automatic) for the active view; in MPR for all three.
    void applyWindowLevelPreset(int index);

signals:
    void activeViewChanged(lumen::ui::SliceView* view);
    void cursorInfo(const QString& text);

private:
    void arrange();
    void onScrolled(SliceView* view);
    void onCrosshair(const core::Point3& point);
    logic::Document* primary_;
    logic::Document* secondary_;
    std::array<SliceView*, 4> slices_{};
    VolumeView* volume_ = nullptr;
    QGridLayout* grid_ = nullptr;
    SliceView* active_ = nullptr;
    Layout layout_ = Layout::Mpr;
    bool comparing_ = false;
    bool linked_ = true;
    bool linkingWindow_ = false;
    std::optional<core::Point3> crosshair_;
};

}  // namespace lumen::ui
