#pragma once
#include "core/ViewOrientation.h"
#include "logic/Document.h"
#include "logic/MeasurementTool.h"
#include "logic/ViewState.h"
#include "render/OverlayStyle.h"
#include "ui/AnnotationInteractor.h"
#include "ui/InteractionMode.h"
#include "ui/VtkOpenGLWidget.h"

#include <QFontMetricsF>
#include <QPointer>
#include <QTimer>

#include <array>
#include <memory>
#include <optional>

namespace lumen::render { class SliceScene; }

namespace lumen::ui {

// A 2D view of a document's volume: any orientation, with overlay, crosshair, measurements,
// corner text. Mouse and keys are translated into logic::ViewState and tool calls here; the
// drawing is render::SliceScene's.
class SliceView : public VtkOpenGLWidget {
    Q_OBJECT
public:
    explicit SliceView(core::ViewOrientation orientation, QWidget* parent = nullptr);
    ~SliceView() override;

    void setDocument(logic::Document* document);
    logic::Document* document() const { return document_; }
    void setOrientation(core::ViewOrientation orientation);
    // Show the image grid's own plane nearest to the orientation (oblique acquisitions).
    void setAlignedToGrid(bool aligned);
    core::ViewOrientation orientation() const { return orientation_; }
    logic::ViewState& state() { return state_; }
    const logic::ViewState& state() const { return state_; }

    // The middle slice of a series that is still loading, until the document has the volume.
    void showPreview(const core::Volume& slice);
    // A load that was superseded or failed: back to the document's own image.
    void endPreview();
    void setMode(InteractionMode mode);
    void setSegmentEditor(logic::SegmentEditor* editor) { annotator_.setEditor(editor); }
    void setInteractiveSegmentation(logic::InteractiveSegmentation* interactive);  // AI click
    void setCrosshair(const std::optional<core::Point3>& point);
    void setHidePatientIdentity(bool hide);
    void setOverlayStyle(const render::OverlayStyle& style);

    void applyWindowLevelPreset(int index);  // 0-7: CT presets (keys 1-8); 8: automatic (key 9)
    void setWindowLevel(const core::WindowLevel& wl);
    void toggleInvert();
    void resetView();
    void fitToView();  // fits the image to the view (a new layout) keeping slice and window
    void scroll(int slices);
    void setCinePlaying(bool playing, int framesPerSecond);
    bool cinePlaying() const { return cine_.isActive(); }
    void moveTo(const core::Point3& p);  // plane through p (crosshair follow, linked scrolling)
    void refresh();                       // re-read the document's labels and measurements
    // The corner text as drawn (lower left, lower right, upper left, upper right), elided to fit.
    const std::array<std::string, 4>& cornerText() const { return corners_; }

signals:
    void crosshairRequested(const lumen::core::Point3& point);
    void scrolled(lumen::ui::SliceView* view);
    void cursorInfo(const QString& text);
    void activated(lumen::ui::SliceView* view);
    void windowLevelChanged(lumen::ui::SliceView* view);  // by the user (drag, preset)

protected:
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;
    void mouseDoubleClickEvent(QMouseEvent* e) override;
    void wheelEvent(QWheelEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;
    void focusInEvent(QFocusEvent* e) override;
    void leaveEvent(QEvent* e) override;

private:
    void updateCursorReadout();
    static QFontMetricsF overlayMetrics();
    static constexpr double kTextSlack = 1.12;
    void onImageChanged();
    void pushHeatMap();
    void freshState();  // the orientation's fitted view of the document, opening window
    void freshStateKeepingWindow(const logic::ViewState& old);  // … with old's window, inversion, time point
    void pushState();  // ViewState → scene, corner text; schedules a repaint
    void updateMeasurements();
    void updateCornerText();
    core::Point3 toWorld(const QPointF& p) const;
    double pixelMm() const { return state_.heightMm() / std::max(height(), 1); }

    std::unique_ptr<render::SliceScene> scene_;
    QPointer<logic::Document> document_;
    core::ViewOrientation orientation_;
    bool alignedToGrid_ = false;
    logic::ViewState state_;
    InteractionMode mode_ = InteractionMode::WindowLevel;
    std::unique_ptr<logic::MeasurementTool> tool_;
    AnnotationInteractor annotator_;
    QPointF rightPress_;  // AI click: a right click (a negative point), not a right-drag zoom
    std::optional<core::Point3> crosshair_;
    bool hideIdentity_ = false;
    bool previewing_ = false;
    Qt::MouseButton dragButton_ = Qt::NoButton;
    bool movingCrosshair_ = false;
    QPointF lastPos_;
    std::optional<QPointF> hover_;
    std::array<std::string, 4> corners_;  // the mouse over this view, for the cursor readout
    QTimer cine_;
    QString cursorText_;
};

}  // namespace lumen::ui
