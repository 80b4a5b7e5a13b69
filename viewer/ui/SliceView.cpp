#include "ui/SliceView.h"

#include "core/WindowLevel.h"
#include "logic/InteractiveSegmentation.h"
#include "logic/NumberText.h"
#include "render/SliceScene.h"

#include <QDate>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <vtkGenericOpenGLRenderWindow.h>

#include <cmath>

namespace lumen::ui {

using core::Point3;

namespace {

// The scanner's window when the series has one, else Lumen's default for the modality.
core::WindowLevel openingWindow(const logic::Document& d) {
    const auto& image = d.image();
    if (image.windowCenter && image.windowWidth && *image.windowWidth > 0) return {*image.windowWidth, *image.windowCenter};
    return core::defaultWindowLevel(d.volume());
}

QString personName(const std::string& pn) {
    QString name = QString::fromStdString(pn);
    const int caret = name.indexOf('^');
    if (caret > 0) name = name.left(caret) + ", " + name.mid(caret + 1).replace('^', ' ').trimmed();
    return name;
}

QString dicomDate(const std::string& da) {
    const QDate d = QDate::fromString(QString::fromStdString(da), "yyyyMMdd");
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString::fromStdString(da);
}

// The orientation whose view looks most nearly along the slices' normal (for previews).
core::ViewOrientation acquisitionPlane(const core::ImageGeometry& g) {
    const core::Vector3 n = g.axis(2);
    core::ViewOrientation best = core::ViewOrientation::Axial;
    double bestDot = -1;
    for (auto o : {core::ViewOrientation::Axial, core::ViewOrientation::Coronal, core::ViewOrientation::Sagittal}) {
        const double d = std::abs(n.dot(core::standardViewFrame(o).viewDirection));
        if (d > bestDot) bestDot = d, best = o;
    }
    return best;
}

}  // namespace

SliceView::SliceView(core::ViewOrientation orientation, QWidget* parent)
    : VtkOpenGLWidget(parent), scene_(std::make_unique<render::SliceScene>(window())), orientation_(orientation) {
    setMinimumSize(120, 120);
    setOpaqueContent(true);
    connect(&cine_, &QTimer::timeout, this, [this] {
        if (state_.slice() + 1 >= state_.slices().count()) state_.setSlice(0);
        else state_.scroll(1);
        pushState();
        emit scrolled(this);
    });
}

SliceView::~SliceView() = default;

void SliceView::setDocument(logic::Document* document) {
    if (document_) disconnect(document_, nullptr, this, nullptr);
    document_ = document;
    if (document_) {
        connect(document_, &logic::Document::imageChanged, this, &SliceView::onImageChanged);
        connect(document_, &logic::Document::labelsChanged, this, [this] {
            scene_->setLabelMap(document_->labels());
            redraw();
        });
        connect(document_, &logic::Document::heatMapChanged, this, &SliceView::pushHeatMap);
        connect(document_, &logic::Document::imageVoxelsChanged, this, [this] {
            scene_->imageVoxelsModified();
            redraw();
        });
        connect(document_, &logic::Document::imageCompleted, this, [this] {  // same grid, whole volume: the view stays where it is
            scene_->setVolume(document_->volume());
            redraw();
        });
        connect(document_, &logic::Document::labelVoxelsChanged, this, [this] {
            scene_->labelVoxelsModified();  // voxels changed in place: only the overlay is redrawn
            redraw();
        });
        for (auto changed : {&logic::Document::measurementsChanged, &logic::Document::findingsChanged, &logic::Document::findingSelected})
            connect(document_, changed, this, [this] {
                updateMeasurements();
                redraw();
            });
    }
    onImageChanged();
}

void SliceView::pushHeatMap() {
    const bool show = document_ && document_->heatMapVisible() && !document_->heatMap().empty();
    scene_->setHeatMap(show ? document_->heatMap() : core::Volume(), 0.7);
    redraw();
}

void SliceView::onImageChanged() {
    previewing_ = false;
    tool_.reset();
    const bool has = document_ && document_->hasImage();
    scene_->setVolume(has ? document_->volume() : core::Volume());
    scene_->setLabelMap(has ? document_->labels() : nullptr);
    pushHeatMap();
    if (has) freshState();
    updateMeasurements();
    pushState();
    updateCursorReadout();
}

void SliceView::showPreview(const core::Volume& slice) {
    if (slice.empty()) return;
    previewing_ = true;
    scene_->setVolume(slice);
    state_ = logic::ViewState(slice.geometry(), acquisitionPlane(slice.geometry()));
    state_.fit(double(std::max(width(), 1)) / double(std::max(height(), 1)));
    state_.setWindowLevel(core::defaultWindowLevel(slice));
    pushState();
}

void SliceView::endPreview() {
    if (previewing_) onImageChanged();
}

void SliceView::setOrientation(core::ViewOrientation orientation) {
    orientation_ = orientation;
    onImageChanged();
}

void SliceView::setMode(InteractionMode mode) {
    mode_ = mode;
    tool_.reset();
    annotator_.cancel();
    switch (mode) {
        case InteractionMode::Length: tool_ = logic::MeasurementTool::create(core::Measurement::Kind::Length); break;
        case InteractionMode::Angle: tool_ = logic::MeasurementTool::create(core::Measurement::Kind::Angle); break;
        case InteractionMode::Ellipse: tool_ = logic::MeasurementTool::create(core::Measurement::Kind::Ellipse); break;
        case InteractionMode::Rectangle: tool_ = logic::MeasurementTool::create(core::Measurement::Kind::Rectangle); break;
        default: break;
    }
    setCursor(mode == InteractionMode::WindowLevel ? Qt::ArrowCursor : Qt::CrossCursor);
    updateMeasurements();
    redraw();
}

void SliceView::setCrosshair(const std::optional<Point3>& point) {
    crosshair_ = point;
    scene_->setCrosshair(point);
    redraw();
}

void SliceView::setHidePatientIdentity(bool hide) {
    hideIdentity_ = hide;
    updateCornerText();
    redraw();
}

void SliceView::setOverlayStyle(const render::OverlayStyle& style) {
    scene_->setOverlayStyle(style);
    redraw();
}

void SliceView::applyWindowLevelPreset(int index) {
    const auto& presets = core::ctWindowLevelPresets();
    if (index >= 0 && index < int(presets.size())) setWindowLevel(presets[std::size_t(index)].value);
    else if (document_ && document_->hasImage()) setWindowLevel(core::autoWindowLevel(document_->volume()));
}

void SliceView::setWindowLevel(const core::WindowLevel& wl) {
    state_.setWindowLevel(wl);
    pushState();
    emit windowLevelChanged(this);
}

void SliceView::fitToView() {
    if (previewing_ || !document_ || !document_->hasImage()) return;
    // The whole image in the view again, on the same slice, with the same window.
    const logic::ViewState old = state_;
    freshStateKeepingWindow(old);
    const core::Vector3 n = state_.viewDirection();
    state_.centerOn(state_.center() + n * (old.center() - state_.center()).dot(n));
    updateMeasurements();
    pushState();
}

void SliceView::toggleInvert() {
    state_.setInverted(!state_.inverted());
    pushState();
}

void SliceView::resetView() {
    if (document_ && document_->hasImage()) freshState();
    pushState();
}

void SliceView::freshState() {
    state_ = logic::ViewState(document_->volume().geometry(), orientation_, alignedToGrid_);
    state_.fit(double(std::max(width(), 1)) / double(std::max(height(), 1)));
    state_.setWindowLevel(openingWindow(*document_));
}

void SliceView::freshStateKeepingWindow(const logic::ViewState& old) {
    freshState();
    state_.setWindowLevel(old.windowLevel());
    state_.setInverted(old.inverted());
    state_.setTimePoint(old.timePoint());
}

void SliceView::setAlignedToGrid(bool aligned) {
    if (aligned == alignedToGrid_) return;
    alignedToGrid_ = aligned;
    if (previewing_ || !document_ || !document_->hasImage()) return;
    // Keep the window, the zoom and the point in the middle; only the plane turns.
    const logic::ViewState old = state_;
    freshStateKeepingWindow(old);
    state_.zoom(state_.heightMm() / old.heightMm(), width() / 2.0, height() / 2.0, width(), height());
    state_.centerOn(old.center());
    updateMeasurements();
    pushState();
}

void SliceView::scroll(int slices) {
    state_.scroll(slices);
    pushState();
    updateCursorReadout();
    emit scrolled(this);
}

void SliceView::moveTo(const Point3& p) {
    state_.moveTo(p);
    pushState();
}

void SliceView::setCinePlaying(bool playing, int framesPerSecond) {
    if (playing) cine_.start(1000 / std::max(1, framesPerSecond));
    else cine_.stop();
}

void SliceView::refresh() {
    if (document_) scene_->setLabelMap(document_->labels());
    scene_->labelsModified();
    updateMeasurements();
    redraw();
}

void SliceView::pushState() {
    scene_->setCamera({state_.center(), state_.viewDirection(), state_.up(), state_.heightMm()});
    scene_->setWindowLevel(state_.windowLevel().window, state_.windowLevel().level, state_.inverted());
    updateMeasurements();
    updateCornerText();
    redraw();
}

void SliceView::updateMeasurements() {
    std::vector<render::MeasurementGlyph> glyphs;
    const double halfStep = state_.slices().stepMm() / 2 + 1e-6;
    auto addGlyph = [&](const core::Measurement& m, bool selected) {
        // A measurement shows on the plane it was drawn on (same direction, within half a slice).
        if (std::abs(m.planeNormal.normalized().dot(state_.viewDirection())) < 0.999) return;
        if (m.points.empty() || std::abs((m.points[0] - state_.center()).dot(state_.viewDirection())) > halfStep) return;
        render::MeasurementGlyph g;
        g.polyline = logic::measurementOutline(m, g.closed);
        g.text = (QString::fromStdString(m.label) + (m.label.empty() ? "" : "\n") + logic::measurementShortText(m)).toStdString();
        g.selected = selected;
        glyphs.push_back(g);
    };
    if (document_ && !previewing_) {
        for (const auto& m : document_->measurements().items()) addGlyph(m, document_->measurements().selected() == m.id);
        annotator_.appendGlyphs(*document_, state_, mode_, pixelMm(), glyphs);
    }
    if (tool_)
        if (auto draft = tool_->preview()) addGlyph(*draft, true);
    const QFontMetricsF metrics = overlayMetrics();
    for (auto& g : glyphs) {
        if (g.text.empty()) continue;
        const QStringList lines = QString::fromStdString(g.text).split('\n');
        double textWidth = 0;
        for (const auto& line : lines) textWidth = std::max(textWidth, metrics.horizontalAdvance(line) * kTextSlack);
        const double textHeight = metrics.lineSpacing() * lines.size();
        double x, y;  // where the text starts (its left, or its right when right-aligned) and its baseline
        if (g.anchored) {
            state_.worldToDisplay(g.labelAt, width(), height(), x, y);
        } else {  // beside the shape's top, on the side with room
            double left = 1e9, right = -1e9, top = 1e9;
            for (const auto& p : g.polyline) {
                double px, py;
                state_.worldToDisplay(p, width(), height(), px, py);
                left = std::min(left, px), right = std::max(right, px), top = std::min(top, py);
            }
            g.alignRight = right + 6 + textWidth > width() - 4 && left - 6 - textWidth >= 4;
            x = g.alignRight ? left - 6 : right + 6;
            y = top;
        }
        // Never cut at the view's edge: the whole text stays inside.
        const double from = g.alignRight ? x - textWidth : x;
        x += std::clamp(from, 4.0, std::max(4.0, width() - 4 - textWidth)) - from;
        y = std::clamp(y, textHeight + 2, std::max(textHeight + 2, height() - 4.0));
        g.labelAt = state_.displayToWorld(x, y, width(), height());
    }
    scene_->setMeasurements(glyphs);
}

// The metrics of the text drawn over the image (13 px, the scene's font), for layout; the slack
// covers the difference between Qt's font and VTK's FreeType rendering of it.
QFontMetricsF SliceView::overlayMetrics() {
    QFont font("DejaVu Sans");
    font.setPixelSize(13);
    return QFontMetricsF(font);
}

void SliceView::updateCornerText() {
    std::array<std::string, 4> corners;
    if (document_ && (document_->hasImage() || previewing_)) {
        const auto& image = document_->image();
        QStringList upperLeft, upperRight, lowerLeft, lowerRight;
        if (image.fromDicom) {
            if (hideIdentity_) {
                upperLeft << tr("(patient hidden)");
            } else {
                upperLeft << personName(image.patient.name) << QString::fromStdString(image.patient.patientId);
            }
            upperRight << dicomDate(image.study.date) << QString::fromStdString(image.study.description)
                       << QString::fromStdString(image.series.modality + "  " + image.series.description);
        }
        const double pos = state_.center().dot(state_.viewDirection());
        lowerLeft << tr("Slice %1 / %2  (%3 mm)").arg(state_.slice() + 1).arg(state_.slices().count()).arg(logic::numberText(pos, 1));
        lowerLeft << tr("W %1  L %2").arg(logic::numberText(state_.windowLevel().window, 0)).arg(logic::numberText(state_.windowLevel().level, 0));
        const auto& g = previewing_ ? core::ImageGeometry() : (document_->hasImage() ? document_->volume().geometry() : core::ImageGeometry());
        const double voxel = std::min(g.spacing().x, g.spacing().y);
        lowerLeft << tr("Zoom %1%").arg(logic::numberText(state_.pixelsPerMm(std::max(height(), 1)) * voxel * 100, 0));
        if (document_->hasImage() && document_->volume().timePoints() > 1)
            lowerRight << tr("Time %1 / %2").arg(state_.timePoint() + 1).arg(document_->volume().timePoints());
        if (previewing_) lowerRight << tr("Loading…");
        lowerRight << cursorText_;
        // Each corner keeps to its half of the view, clear of the orientation letter between
        // them: long descriptions are elided, never cut at the edge or drawn over each other.
        // The line level with the letter (the top line above, the bottom one below) leaves it room.
        const QFontMetricsF metrics = overlayMetrics();
        auto fit = [&](QStringList lines, bool upper) {
            for (int i = 0; i < lines.size(); ++i) {
                const bool besideLetter = upper ? i == 0 : i == lines.size() - 1;
                const double room = std::max(40.0, width() / 2.0 - (besideLetter ? 22 : 8)) / kTextSlack;
                lines[i] = metrics.elidedText(lines[i], Qt::ElideRight, room);
            }
            return lines.join('\n').toStdString();
        };
        corners = {fit(lowerLeft, false), fit(lowerRight, false), fit(upperLeft, true), fit(upperRight, true)};
    }
    corners_ = corners;
    scene_->setCornerText(corners);
}

Point3 SliceView::toWorld(const QPointF& p) const {
    return state_.displayToWorld(p.x(), p.y(), width(), height());
}

void SliceView::setInteractiveSegmentation(logic::InteractiveSegmentation* interactive) {
    annotator_.setInteractive(interactive);
    connect(interactive, &logic::InteractiveSegmentation::changed, this, [this] {  // its prompts are drawn here
        if (mode_ != InteractionMode::AiClick) return;
        updateMeasurements();
        redraw();
    });
}

void SliceView::mousePressEvent(QMouseEvent* e) {
    emit activated(this);
    dragButton_ = e->button();
    lastPos_ = e->position();
    if (e->button() == Qt::RightButton) rightPress_ = e->position();
    if (!document_ || !document_->hasImage()) return;
    const bool crosshairGesture = e->button() == Qt::LeftButton &&
                                  (mode_ == InteractionMode::Crosshair ||
                                   ((e->modifiers() & Qt::ShiftModifier) && mode_ != InteractionMode::AiClick));  // there: a negative click
    if (crosshairGesture) {
        movingCrosshair_ = true;
        emit crosshairRequested(toWorld(e->position()));
    } else if (e->button() == Qt::LeftButton && tool_) {
        tool_->onPress(toWorld(e->position()), state_);
        updateMeasurements();
        redraw();
    } else if (e->button() == Qt::LeftButton &&
               annotator_.press(mode_, *document_, state_, toWorld(e->position()), pixelMm(), e->modifiers())) {
        updateMeasurements();
        redraw();
    }
}

void SliceView::mouseMoveEvent(QMouseEvent* e) {
    const QPointF p = e->position();
    const double dx = p.x() - lastPos_.x(), dy = p.y() - lastPos_.y();
    lastPos_ = p;
    hover_ = p;
    if (!document_ || !document_->hasImage()) return;
    const Point3 world = toWorld(p);
    if (movingCrosshair_) {
        emit crosshairRequested(world);
    } else if (dragButton_ == Qt::LeftButton && tool_ && tool_->active()) {
        tool_->onMove(world);
        updateMeasurements();
    } else if (dragButton_ == Qt::NoButton && tool_ && tool_->active()) {
        tool_->onMove(world);  // the angle's third point follows the mouse
        updateMeasurements();
    } else if ((dragButton_ == Qt::LeftButton || dragButton_ == Qt::NoButton) &&
               annotator_.move(mode_, world, dragButton_ == Qt::LeftButton)) {
        updateMeasurements();
    } else if (dragButton_ == Qt::LeftButton && mode_ == InteractionMode::WindowLevel) {
        state_.dragWindowLevel(dx, dy);
        pushState();
        emit windowLevelChanged(this);
    } else if (dragButton_ == Qt::RightButton) {
        state_.zoom(std::exp(-dy / 150.0), width() / 2.0, height() / 2.0, width(), height());
        pushState();
    } else if (dragButton_ == Qt::MiddleButton) {
        state_.pan(dx, dy, height());
        pushState();
    }
    updateCursorReadout();
    redraw();
}

// The position and value of the voxel under the mouse, always of the image shown now: redone
// when the slice, time point or series changes under a still mouse, cleared when it leaves.
void SliceView::updateCursorReadout() {
    QString text;
    if (hover_ && document_ && document_->hasImage() && !previewing_) {
        const Point3 world = toWorld(*hover_);
        const auto value = document_->valueAt(world, state_.timePoint());
        const QString units = QString::fromStdString(document_->volume().rescale().units);
        text = tr("(%1, %2, %3) mm").arg(logic::numberText(world.x, 1)).arg(logic::numberText(world.y, 1)).arg(logic::numberText(world.z, 1));
        if (value) text += "  " + logic::numberText(*value, 5, 'g') + (units.isEmpty() ? "" : " " + units);
    }
    if (text == cursorText_) return;
    cursorText_ = text;
    updateCornerText();
    if (dragButton_ == Qt::NoButton) emit cursorInfo(cursorText_);  // the status bar repaints the window: not during drags
}

void SliceView::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton && tool_ && tool_->active() && !movingCrosshair_ && document_ && document_->hasImage()) {
        if (auto m = tool_->onRelease(toWorld(e->position()), document_->volume())) document_->addMeasurement(*m);
        updateMeasurements();
        redraw();
    } else if (e->button() == Qt::LeftButton && !movingCrosshair_ && document_ && annotator_.release(*document_, toWorld(e->position()))) {
        updateMeasurements();
        redraw();
    } else if (e->button() == Qt::RightButton && document_ && document_->hasImage() &&
               (e->position() - rightPress_).manhattanLength() < 4 && annotator_.negativeClick(mode_, *document_, toWorld(e->position()))) {
        updateMeasurements();
        redraw();
    }
    movingCrosshair_ = false;
    dragButton_ = Qt::NoButton;
}

void SliceView::mouseDoubleClickEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton && mode_ == InteractionMode::WindowLevel) resetView();
}

void SliceView::wheelEvent(QWheelEvent* e) {
    if (!document_ || !document_->hasImage()) return;
    const int steps = e->angleDelta().y() / 120 != 0 ? e->angleDelta().y() / 120 : (e->angleDelta().y() > 0 ? 1 : -1);
    if ((e->modifiers() & Qt::ShiftModifier) && annotator_.wheel(mode_, steps)) {
        updateMeasurements();
        redraw();
    } else if (e->modifiers() & Qt::ControlModifier) {
        state_.zoom(std::pow(1.15, steps), e->position().x(), e->position().y(), width(), height());
        pushState();
    } else {
        scroll(steps);
    }
    e->accept();
}

void SliceView::keyPressEvent(QKeyEvent* e) {
    if (!document_ || !document_->hasImage()) return VtkOpenGLWidget::keyPressEvent(e);
    const int key = e->key();
    if (key == Qt::Key_PageUp || key == Qt::Key_Up) scroll(1);
    else if (key == Qt::Key_PageDown || key == Qt::Key_Down) scroll(-1);
    else if (key == Qt::Key_Home) scroll(-int(state_.slices().count()));
    else if (key == Qt::Key_End) scroll(int(state_.slices().count()));
    else if (key >= Qt::Key_1 && key <= Qt::Key_9 && !(e->modifiers() & Qt::ControlModifier)) applyWindowLevelPreset(key - Qt::Key_1);
    else if (key == Qt::Key_Escape) {
        if (tool_) tool_->cancel();
        annotator_.cancel();
        updateMeasurements();
        redraw();
    } else if ((key == Qt::Key_Right || key == Qt::Key_Left) && document_->volume().timePoints() > 1) {
        const long t = long(state_.timePoint()) + (key == Qt::Key_Right ? 1 : -1);
        state_.setTimePoint(std::size_t(std::clamp(t, 0L, long(document_->volume().timePoints()) - 1)));
        scene_->setTimePoint(state_.timePoint());
        pushState();
        updateCursorReadout();
    } else {
        VtkOpenGLWidget::keyPressEvent(e);
    }
}

void SliceView::resizeEvent(QResizeEvent* e) {
    VtkOpenGLWidget::resizeEvent(e);
    scene_->setDevicePixelRatio(devicePixelRatioF());  // also when moved to another screen
    updateMeasurements();
    updateCornerText();  // elided to the new width
}

void SliceView::leaveEvent(QEvent* e) {
    VtkOpenGLWidget::leaveEvent(e);
    annotator_.leave();
    updateMeasurements();
    hover_.reset();
    updateCursorReadout();
    redraw();
}

void SliceView::focusInEvent(QFocusEvent* e) {
    VtkOpenGLWidget::focusInEvent(e);
    emit activated(this);
}

}  // namespace lumen::ui
