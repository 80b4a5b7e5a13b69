#include "ui/AnnotationInteractor.h"

#include "logic/Document.h"
#include "logic/InteractiveSegmentation.h"
#include "logic/SegmentEditor.h"

#include <QCoreApplication>

#include <cmath>

namespace lumen::ui {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(lumen::ui::AnnotationInteractor)
};

core::Rgba statusColour(core::Finding::Status s) {
    switch (s) {
        case core::Finding::Status::Proposed: return {255, 184, 64, 255};   // amber: waiting for review
        case core::Finding::Status::Accepted: return {96, 220, 120, 255};   // green
        case core::Finding::Status::Edited: return {120, 215, 235, 255};    // teal: accepted after correction
        case core::Finding::Status::Rejected: return {150, 150, 150, 255};  // grey
    }
    return {};
}

QString statusText(core::Finding::Status s) {
    switch (s) {
        case core::Finding::Status::Proposed: return Text::tr("proposed");
        case core::Finding::Status::Accepted: return Text::tr("accepted");
        case core::Finding::Status::Edited: return Text::tr("edited");
        case core::Finding::Status::Rejected: return Text::tr("rejected");
    }
    return {};
}

// A circle of `radius` mm around `c` in the view's plane.
std::vector<core::Point3> circle(const core::Point3& c, double radius, const logic::ViewState& view) {
    std::vector<core::Point3> points;
    for (int i = 0; i < 48; ++i) {
        const double a = 2 * M_PI * i / 48;
        points.push_back(c + view.right() * (radius * std::cos(a)) + view.up() * (radius * std::sin(a)));
    }
    return points;
}

// A rectangle in the view's plane with opposite corners at a and b (as seen in the view).
std::vector<core::Point3> planeRectangle(const core::Point3& a, const core::Point3& b, const logic::ViewState& view) {
    const core::Vector3 d = b - a;
    return {a, a + view.right() * d.dot(view.right()), b, a + view.up() * d.dot(view.up())};
}

// AI click's prompts on this view's plane: clicks as rings with + (green) or − (red), boxes as
// the rectangle they cut out of the plane (amber).
void appendPrompts(const std::vector<ai::InteractivePrompt>& prompts, const logic::ViewState& view, double pixelMm,
                   std::vector<render::MeasurementGlyph>& glyphs) {
    const core::Vector3 n = view.viewDirection();
    const double tolerance = std::max(1.0, 0.5 * std::abs(view.slices().stepMm()));
    for (const auto& p : prompts) {
        render::MeasurementGlyph g;
        g.closed = true;
        if (p.kind == ai::InteractivePrompt::Kind::Point) {
            if (std::abs((p.point - view.center()).dot(n)) > tolerance) continue;
            // A ring with + inside (object) or − (not the object): told apart without colour, and
            // seen on a segment of any colour.
            g.polyline = circle(p.point, 5 * pixelMm, view);
            g.color = p.positive ? core::Rgba{120, 255, 140, 255} : core::Rgba{255, 90, 90, 255};
            render::MeasurementGlyph bar = g;
            bar.closed = false;
            bar.polyline = {p.point - view.right() * (3 * pixelMm), p.point + view.right() * (3 * pixelMm)};
            glyphs.push_back(bar);
            if (p.positive) {
                bar.polyline = {p.point - view.up() * (3 * pixelMm), p.point + view.up() * (3 * pixelMm)};
                glyphs.push_back(bar);
            }
        } else {
            double lo[2] = {1e300, 1e300}, hi[2] = {-1e300, -1e300}, along[2] = {1e300, -1e300};
            for (int c = 0; c < 8; ++c) {
                const core::Point3 x{c & 1 ? p.boxMax.x : p.boxMin.x, c & 2 ? p.boxMax.y : p.boxMin.y, c & 4 ? p.boxMax.z : p.boxMin.z};
                const core::Vector3 d = x - view.center();
                const double xy[2] = {d.dot(view.right()), d.dot(view.up())};
                for (int a = 0; a < 2; ++a) lo[a] = std::min(lo[a], xy[a]), hi[a] = std::max(hi[a], xy[a]);
                along[0] = std::min(along[0], d.dot(n)), along[1] = std::max(along[1], d.dot(n));
            }
            if (along[0] > tolerance || along[1] < -tolerance) continue;  // the box does not reach this plane
            const core::Point3 a = view.center() + view.right() * lo[0] + view.up() * lo[1];
            g.polyline = planeRectangle(a, view.center() + view.right() * hi[0] + view.up() * hi[1], view);
            g.color = {255, 190, 0, 255};
        }
        glyphs.push_back(g);
    }
}

}  // namespace

bool AnnotationInteractor::handles(InteractionMode mode) {
    return mode == InteractionMode::Paint || mode == InteractionMode::Erase || mode == InteractionMode::Fill ||
           mode == InteractionMode::Lasso || mode == InteractionMode::Findings || mode == InteractionMode::AiClick;
}

bool AnnotationInteractor::press(InteractionMode mode, logic::Document& doc, const logic::ViewState& view, const core::Point3& world,
                                 double pixelMm, Qt::KeyboardModifiers modifiers) {
    if (!handles(mode)) return false;
    normal_ = view.viewDirection();
    switch (mode) {
        case InteractionMode::Paint:
        case InteractionMode::Erase:
            if (editor_) {
                editor_->setErase(mode == InteractionMode::Erase);
                editor_->beginStroke(world, normal_);
            }
            return true;
        case InteractionMode::Fill:
            if (editor_) editor_->floodFill(world, normal_, modifiers & Qt::ControlModifier);  // Ctrl: in 3D
            return true;
        case InteractionMode::Lasso:
            lasso_ = {world};
            return true;
        case InteractionMode::AiClick:  // a click or a box: told apart on release
            promptStart_ = world;
            negative_ = modifiers & Qt::ShiftModifier;
            pressPixelMm_ = pixelMm;
            hover_ = world;
            return true;
        case InteractionMode::Findings: {
            // The selected finding first, so that overlapping boxes stay editable.
            std::vector<const core::Finding*> order;
            if (auto id = doc.selectedFinding())
                if (const auto* f = doc.finding(*id)) order.push_back(f);
            for (const auto& f : doc.findings())
                if (doc.findingVisible(f)) order.push_back(&f);
            for (const auto* f : order)
                if (findingTool_.begin(*f, view, world, 6 * pixelMm)) {
                    doc.selectFinding(f->id);
                    draftFinding_ = *f;
                    dragTime_.start();
                    return true;
                }
            doc.selectFinding(std::nullopt);
            return true;
        }
        default: return false;
    }
}

bool AnnotationInteractor::move(InteractionMode mode, const core::Point3& world, bool buttonDown) {
    if (!handles(mode)) return false;
    hover_ = world;
    if (!buttonDown) return mode == InteractionMode::Paint || mode == InteractionMode::Erase;  // the brush outline follows
    if (editor_ && editor_->stroking()) editor_->continueStroke(world);
    if (!lasso_.empty()) lasso_.push_back(world);
    if (findingTool_.active()) draftFinding_ = findingTool_.drag(world);
    return true;  // AI click: hover_ is the dragged box's far corner
}

bool AnnotationInteractor::release(logic::Document& doc, const core::Point3& world) {
    bool used = false;
    if (editor_ && editor_->stroking()) editor_->endStroke(), used = true;
    if (!lasso_.empty()) {
        lasso_.push_back(world);
        if (editor_) editor_->fillPolygon(lasso_, normal_);
        lasso_.clear();
        used = true;
    }
    if (promptStart_) {
        const core::Point3 start = *promptStart_;
        promptStart_.reset();
        hover_.reset();
        if (interactive_ && interactive_->document() == &doc) {
            // A drag of more than a few pixels is a box (a negative one makes no sense: a click).
            const bool box = !negative_ && (world - start).norm() > 6 * pressPixelMm_;
            interactive_->addPrompt(box ? ai::InteractivePrompt::box(start, world) : ai::InteractivePrompt::click(start, !negative_));
        }
        used = true;
    }
    if (findingTool_.active()) {
        if (auto f = findingTool_.end(world)) {
            if (f->provenance.fromModel()) f->provenance.editSeconds += dragTime_.nsecsElapsed() / 1e9;
            doc.updateFinding(*f);
        }
        draftFinding_.reset();
        used = true;
    }
    return used;
}

bool AnnotationInteractor::wheel(InteractionMode mode, int steps) {
    if (!editor_ || (mode != InteractionMode::Paint && mode != InteractionMode::Erase)) return false;
    editor_->setBrushRadius(editor_->brush().radiusMm * std::pow(1.15, steps));
    return true;
}

bool AnnotationInteractor::negativeClick(InteractionMode mode, logic::Document& doc, const core::Point3& world) {
    if (mode != InteractionMode::AiClick || !interactive_ || interactive_->document() != &doc) return false;
    interactive_->addPrompt(ai::InteractivePrompt::click(world, false));
    return true;
}

void AnnotationInteractor::cancel() {
    promptStart_.reset();
    if (editor_ && editor_->stroking()) editor_->endStroke();  // what was painted stays, undoable
    lasso_.clear();
    draftFinding_.reset();
    findingTool_ = {};
}

void AnnotationInteractor::appendGlyphs(const logic::Document& doc, const logic::ViewState& view, InteractionMode mode, double pixelMm,
                                        std::vector<render::MeasurementGlyph>& glyphs) const {
    for (const auto& stored : doc.findings()) {
        if (!doc.findingVisible(stored)) continue;  // a proposal under the score threshold
        const bool dragged = draftFinding_ && draftFinding_->id == stored.id;
        const core::Finding& f = dragged ? *draftFinding_ : stored;
        const auto outline = logic::FindingEditTool::outline(f, view);
        if (!outline) continue;
        render::MeasurementGlyph g;
        g.polyline = *outline;
        g.closed = true;
        g.color = statusColour(f.status);
        g.selected = doc.selectedFinding() == f.id;
        QString text = QString::fromStdString(f.className);
        if (f.provenance.fromModel()) text += QString("  %1%").arg(std::lround(f.score * 100));
        g.text = (text + " · " + statusText(f.status)).toStdString();
        g.labelAt = (*outline)[3] + view.up() * (4 * pixelMm);  // just above the top-left corner
        g.anchored = true;
        glyphs.push_back(g);
        if (g.selected && mode == InteractionMode::Findings)
            for (const auto& corner : *outline) {  // handles
                render::MeasurementGlyph h;
                const double s = 3 * pixelMm;
                h.polyline = {corner - view.right() * s - view.up() * s, corner + view.right() * s - view.up() * s,
                              corner + view.right() * s + view.up() * s, corner - view.right() * s + view.up() * s};
                h.closed = true;
                h.color = g.color;
                glyphs.push_back(h);
            }
    }
    if (mode == InteractionMode::AiClick && interactive_ && interactive_->document() == &doc) {
        appendPrompts(interactive_->prompts(), view, pixelMm, glyphs);
        if (promptStart_ && hover_ && !negative_) {
            render::MeasurementGlyph g;
            g.polyline = planeRectangle(*promptStart_, *hover_, view);
            g.closed = true;
            g.color = {255, 190, 0, 255};
            glyphs.push_back(g);
        }
    }
    if (lasso_.size() > 1) {
        render::MeasurementGlyph g;
        g.polyline = lasso_;
        g.color = {255, 255, 255, 255};
        glyphs.push_back(g);
    }
    if (hover_ && editor_ && (mode == InteractionMode::Paint || mode == InteractionMode::Erase)) {
        render::MeasurementGlyph g;
        const core::Point3 onPlane = *hover_ - view.viewDirection() * (*hover_ - view.center()).dot(view.viewDirection());
        g.polyline = circle(onPlane, std::max(editor_->brush().radiusMm, pixelMm), view);
        g.closed = true;
        g.color = mode == InteractionMode::Erase ? core::Rgba{255, 110, 110, 255} : core::Rgba{255, 255, 255, 255};
        glyphs.push_back(g);
    }
}

}  // namespace lumen::ui
