#pragma once
#include "logic/FindingEditTool.h"
#include "logic/ViewState.h"
#include "render/MeasurementGlyph.h"
#include "ui/InteractionMode.h"

#include <QElapsedTimer>
#include <Qt>

#include <optional>
#include <vector>

namespace lumen::logic {
class Document;
class InteractiveSegmentation;
class SegmentEditor;
}  // namespace lumen::logic

namespace lumen::ui {

// The annotation modes of one slice view: brush and eraser strokes, flood fill, lasso, finding
// boxes moved by their handles, and AI click's clicks and boxes (the tools are logic's; this only
// routes mouse events in world coordinates). Also what those modes draw: the brush outline under
// the mouse, the lasso being drawn, the findings that cross the view's plane, coloured by review
// status, and AI click's prompts on the plane.
class AnnotationInteractor {
public:
    void setEditor(logic::SegmentEditor* editor) { editor_ = editor; }
    // AI click's prompts go to it when its document is the view's.
    void setInteractive(logic::InteractiveSegmentation* interactive) { interactive_ = interactive; }
    static bool handles(InteractionMode mode);

    // Each returns true when it used the event (the view then redraws its glyphs).
    // `pixelMm` is the size of a screen pixel in mm (handle tolerance, brush outline).
    bool press(InteractionMode mode, logic::Document& doc, const logic::ViewState& view, const core::Point3& world,
               double pixelMm, Qt::KeyboardModifiers modifiers);
    bool move(InteractionMode mode, const core::Point3& world, bool buttonDown);
    bool release(logic::Document& doc, const core::Point3& world);
    bool wheel(InteractionMode mode, int steps);  // brush size (Shift+wheel)
    // AI click: a negative point (a right click, which the view tells from a right-drag zoom).
    bool negativeClick(InteractionMode mode, logic::Document& doc, const core::Point3& world);
    void cancel();
    void leave() { hover_.reset(); }

    void appendGlyphs(const logic::Document& doc, const logic::ViewState& view, InteractionMode mode, double pixelMm,
                      std::vector<render::MeasurementGlyph>& glyphs) const;

private:
    logic::SegmentEditor* editor_ = nullptr;
    logic::InteractiveSegmentation* interactive_ = nullptr;
    // AI click: where the left button went down (a drag from it is a box), and whether Shift was held.
    std::optional<core::Point3> promptStart_;
    bool negative_ = false;
    double pressPixelMm_ = 1;
    logic::FindingEditTool findingTool_;
    std::optional<core::Finding> draftFinding_;
    QElapsedTimer dragTime_;  // a finding edit's correction effort
    std::vector<core::Point3> lasso_;
    core::Vector3 normal_{0, 0, 1};
    std::optional<core::Point3> hover_;
};

}  // namespace lumen::ui
