#include "render/SliceScene.h"

#include "core/ViewOrientation.h"
#include "render/SliceCompositor.h"

#include <vtkActor.h>
#include <vtkActor2D.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCoordinate.h>
#include <vtkImageData.h>
#include <vtkImageMapper.h>
#include <vtkPoints.h>
#include <vtkCellData.h>
#include <vtkPolyData.h>
#include <vtkUnsignedCharArray.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkProperty.h>
#include <vtkProperty2D.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace lumen::render {

using core::Point3;
using core::Vector3;

struct SliceScene::Impl {
    vtkNew<vtkRenderer> image;
    vtkNew<vtkRenderer> annotation;
    // The picture (image + labels) is composed on the CPU and drawn as one 2D image.
    SliceCompositor compositor;
    vtkNew<vtkImageData> picture;
    vtkNew<vtkImageMapper> pictureMapper;
    vtkNew<vtkActor2D> pictureActor;
    bool pictureDirty = true;
    vtkNew<vtkActor> crosshair;
    vtkNew<vtkPolyData> crosshairLines;
    vtkNew<vtkActor> measurementActor;
    vtkNew<vtkPolyData> measurementLines;
    std::vector<vtkSmartPointer<vtkTextActor>> measurementLabels;
    // Lower left, lower right, upper left, upper right; then left, right, top, bottom edges.
    // Plain text actors: vtkCornerAnnotation refits its font on every text change (tens of
    // FreeType layouts per frame while scrolling).
    std::array<vtkNew<vtkTextActor>, 4> corners;
    std::array<vtkNew<vtkTextActor>, 4> letters;
    vtkNew<vtkActor2D> scaleBar;
    vtkNew<vtkPolyData> scaleBarLine;
    vtkNew<vtkTextActor> scaleBarText;
    vtkNew<vtkCallbackCommand> onStart;

    core::Volume volume;
    std::size_t timePoint = 0;
    SliceCamera camera;
    bool scaleBarVisible = true;
    double dpr = 1.0;
    std::optional<Point3> crosshairPoint;

    Vector3 right() const { return camera.viewDirection.cross(camera.up).normalized(); }
    void updatePicture();
    void updateCrosshair();
    void updateScaleBar();
    void placeText(const int* size);
    void applyScale();
    static void startCallback(vtkObject*, unsigned long, void* self, void*) {
        Impl& d = *static_cast<Impl*>(self);
        d.updatePicture();
        d.placeText(d.annotation->GetSize());
        d.updateScaleBar();
    }
};

namespace {

void styleText(vtkTextProperty* p, double r, double g, double b, int size) {
    p->SetColor(r, g, b);
    p->SetFontSize(size);
    p->SetFontFamilyToArial();
    p->ShadowOn();
}

void setLines(vtkPolyData* poly, const std::vector<std::vector<Point3>>& lines, const std::vector<bool>& closed) {
    vtkNew<vtkPoints> points;
    vtkNew<vtkCellArray> cells;
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const auto& line = lines[l];
        const bool close = l < closed.size() && closed[l];
        cells->InsertNextCell(vtkIdType(line.size() + (close ? 1 : 0)));
        const vtkIdType first = points->GetNumberOfPoints();
        for (const Point3& p : line) cells->InsertCellPoint(points->InsertNextPoint(p.x, p.y, p.z));
        if (close) cells->InsertCellPoint(first);
    }
    poly->SetPoints(points);
    poly->SetLines(cells);
    poly->Modified();
}

}  // namespace

SliceScene::SliceScene(vtkRenderWindow* window) : d_(std::make_unique<Impl>()) {
    Impl& d = *d_;
    window->SetNumberOfLayers(2);
    d.image->SetLayer(0);
    d.image->SetBackground(0, 0, 0);
    d.annotation->SetLayer(1);
    d.annotation->InteractiveOff();
    d.annotation->SetActiveCamera(d.image->GetActiveCamera());
    window->AddRenderer(d.image);
    window->AddRenderer(d.annotation);
    d.image->GetActiveCamera()->ParallelProjectionOn();

    d.picture->SetDimensions(1, 1, 1);
    d.picture->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
    d.pictureMapper->SetInputData(d.picture);
    d.pictureMapper->SetColorWindow(255);  // RGBA passes through unchanged
    d.pictureMapper->SetColorLevel(127.5);
    d.pictureActor->SetMapper(d.pictureMapper);
    d.pictureActor->SetPosition(0, 0);
    d.image->AddViewProp(d.pictureActor);

    vtkNew<vtkPolyDataMapper> crosshairMapper;
    crosshairMapper->SetInputData(d.crosshairLines);
    d.crosshair->SetMapper(crosshairMapper);
    d.crosshair->GetProperty()->SetColor(1.0, 0.85, 0.2);
    d.crosshair->GetProperty()->SetOpacity(0.8);
    d.crosshair->VisibilityOff();
    d.annotation->AddActor(d.crosshair);

    vtkNew<vtkPolyDataMapper> measurementMapper;
    measurementMapper->SetInputData(d.measurementLines);
    measurementMapper->SetScalarModeToUseCellData();
    measurementMapper->SetColorModeToDirectScalars();
    d.measurementActor->SetMapper(measurementMapper);
    d.measurementActor->GetProperty()->SetColor(0.35, 0.9, 1.0);
    d.annotation->AddActor(d.measurementActor);

    for (int i = 0; i < 4; ++i) {
        vtkTextProperty* corner = d.corners[std::size_t(i)]->GetTextProperty();
        styleText(corner, 0.85, 0.85, 0.8, 13);
        corner->SetJustification(i % 2 ? VTK_TEXT_RIGHT : VTK_TEXT_LEFT);
        corner->SetVerticalJustification(i < 2 ? VTK_TEXT_BOTTOM : VTK_TEXT_TOP);
        d.annotation->AddViewProp(d.corners[std::size_t(i)]);
        vtkTextProperty* letter = d.letters[std::size_t(i)]->GetTextProperty();
        styleText(letter, 1.0, 0.75, 0.3, 18);
        letter->BoldOn();
        letter->SetJustification(i == 0 ? VTK_TEXT_LEFT : i == 1 ? VTK_TEXT_RIGHT : VTK_TEXT_CENTERED);
        letter->SetVerticalJustification(i < 2 ? VTK_TEXT_CENTERED : i == 2 ? VTK_TEXT_TOP : VTK_TEXT_BOTTOM);
        d.annotation->AddViewProp(d.letters[std::size_t(i)]);
    }

    vtkNew<vtkCoordinate> display;
    display->SetCoordinateSystemToDisplay();
    vtkNew<vtkPolyDataMapper2D> barMapper;
    barMapper->SetInputData(d.scaleBarLine);
    barMapper->SetTransformCoordinate(display);
    d.scaleBar->SetMapper(barMapper);
    d.scaleBar->GetProperty()->SetColor(0.85, 0.85, 0.8);
    d.annotation->AddViewProp(d.scaleBar);
    styleText(d.scaleBarText->GetTextProperty(), 0.85, 0.85, 0.8, 12);
    d.scaleBarText->GetTextProperty()->SetJustificationToRight();
    d.annotation->AddViewProp(d.scaleBarText);

    // The scale bar depends on the viewport's size in pixels: recompute before each frame.
    d.onStart->SetCallback(&Impl::startCallback);
    d.onStart->SetClientData(&d);
    d.image->AddObserver(vtkCommand::StartEvent, d.onStart);
    d.applyScale();
    setCamera(d.camera);
}

void SliceScene::setDevicePixelRatio(double ratio) {
    d_->dpr = std::clamp(ratio, 0.5, 4.0);
    d_->applyScale();
}

void SliceScene::Impl::applyScale() {
    auto px = [this](double logical) { return int(std::lround(logical * dpr)); };
    for (int i = 0; i < 4; ++i) {
        corners[std::size_t(i)]->GetTextProperty()->SetFontSize(px(13));
        letters[std::size_t(i)]->GetTextProperty()->SetFontSize(px(18));
    }
    placeText(annotation->GetSize());
    crosshair->GetProperty()->SetLineWidth(float(dpr));
    compositor.setOutlineWidth(int(std::lround(dpr)));
    pictureDirty = true;
    measurementActor->GetProperty()->SetLineWidth(float(2 * dpr));
    scaleBar->GetProperty()->SetLineWidth(float(2 * dpr));
    scaleBarText->GetTextProperty()->SetFontSize(px(12));
    for (auto& label : measurementLabels) label->GetTextProperty()->SetFontSize(px(13));
}

SliceScene::~SliceScene() = default;

void SliceScene::setVolume(const core::Volume& volume) {
    Impl& d = *d_;
    d.volume = volume;
    d.timePoint = 0;
    d.compositor.setVolume(volume);
    d.pictureDirty = true;
}

void SliceScene::setTimePoint(std::size_t t) {
    Impl& d = *d_;
    if (d.volume.empty() || t >= d.volume.timePoints() || t == d.timePoint) return;
    d.timePoint = t;
    d.compositor.setTimePoint(t);
    d.pictureDirty = true;
}

void SliceScene::setWindowLevel(double window, double level, bool invert) {
    d_->compositor.setWindowLevel(window, level, invert);
    d_->pictureDirty = true;
}

void SliceScene::setLinearInterpolation(bool linear) {
    d_->compositor.setLinearInterpolation(linear);
    d_->pictureDirty = true;
}

void SliceScene::setLabelMap(const core::LabelMap* labels) {
    d_->compositor.setLabelMap(labels);
    d_->pictureDirty = true;
}

void SliceScene::setHeatMap(const core::Volume& levels, double opacity) {
    d_->compositor.setHeatMap(levels, opacity);
    d_->pictureDirty = true;
}

void SliceScene::labelsModified() {
    d_->compositor.labelsModified();
    d_->pictureDirty = true;
}

void SliceScene::labelVoxelsModified() {
    d_->pictureDirty = true;  // the compositor shares the voxels; its colour table still holds
}

void SliceScene::imageVoxelsModified() {
    d_->pictureDirty = true;  // shared voxels, as for labels
}

void SliceScene::setOverlayStyle(const OverlayStyle& style) {
    d_->compositor.setOverlayStyle(style);
    d_->pictureDirty = true;
}

void SliceScene::Impl::updatePicture() {
    const int* size = image->GetSize();
    int dims[3];
    picture->GetDimensions(dims);
    if (size[0] <= 0 || size[1] <= 0 || (!pictureDirty && dims[0] == size[0] && dims[1] == size[1])) return;
    if (dims[0] != size[0] || dims[1] != size[1]) {
        picture->SetDimensions(size[0], size[1], 1);
        picture->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
    }
    compositor.compose(camera, size[0], size[1], static_cast<std::uint8_t*>(picture->GetScalarPointer()));
    picture->Modified();
    pictureDirty = false;
}

void SliceScene::setCamera(const SliceCamera& camera) {
    Impl& d = *d_;
    d.camera = camera;
    d.camera.viewDirection = camera.viewDirection.normalized();
    d.camera.up = camera.up.normalized();
    vtkCamera* c = d.image->GetActiveCamera();
    const double distance = 2000.0;
    const Point3 eye = d.camera.center - d.camera.viewDirection * distance;
    c->SetFocalPoint(d.camera.center.x, d.camera.center.y, d.camera.center.z);
    c->SetPosition(eye.x, eye.y, eye.z);
    c->SetViewUp(d.camera.up.x, d.camera.up.y, d.camera.up.z);
    c->SetParallelScale(d.camera.heightMm / 2.0);
    c->SetClippingRange(distance - 1000.0, distance + 1000.0);
    const auto l = orientationLetters();
    // vtkCornerAnnotation's edges: 4 lower, 5 right, 6 left, 7 upper.
    for (std::size_t i = 0; i < 4; ++i) d.letters[i]->SetInput(l[i].c_str());
    d.pictureDirty = true;
    d.updateCrosshair();
}

std::array<std::string, 4> SliceScene::orientationLetters() const {
    const Vector3 right = d_->right(), up = d_->camera.up;
    return {core::orientationLetters(-right), core::orientationLetters(right), core::orientationLetters(up),
            core::orientationLetters(-up)};
}

void SliceScene::setCrosshair(const std::optional<Point3>& point) {
    d_->crosshairPoint = point;
    d_->updateCrosshair();
}

void SliceScene::Impl::updateCrosshair() {
    if (!crosshairPoint) {
        crosshair->VisibilityOff();
        return;
    }
    // Through the crosshair's projection onto this view's plane.
    const Vector3 n = camera.viewDirection;
    const Point3 p = *crosshairPoint - n * (*crosshairPoint - camera.center).dot(n);
    const double reach = 5000.0;
    const Vector3 r = right(), u = camera.up;
    setLines(crosshairLines, {{p - r * reach, p + r * reach}, {p - u * reach, p + u * reach}}, {});
    crosshair->VisibilityOn();
}

void SliceScene::setMeasurements(const std::vector<MeasurementGlyph>& glyphs) {
    Impl& d = *d_;
    std::vector<std::vector<Point3>> lines;
    std::vector<bool> closed;
    for (const auto& g : glyphs) {
        lines.push_back(g.polyline);
        closed.push_back(g.closed);
    }
    setLines(d.measurementLines, lines, closed);
    vtkNew<vtkUnsignedCharArray> colours;  // one per line
    colours->SetNumberOfComponents(3);
    for (const auto& g : glyphs) colours->InsertNextTuple3(g.color.r, g.color.g, g.color.b);
    d.measurementLines->GetCellData()->SetScalars(colours);
    for (auto& label : d.measurementLabels) d.annotation->RemoveViewProp(label);
    d.measurementLabels.clear();
    for (const auto& g : glyphs) {
        vtkNew<vtkTextActor> text;
        text->SetInput(g.text.c_str());
        styleText(text->GetTextProperty(), g.selected ? 1.0 : g.color.r / 255.0, g.selected ? 1.0 : g.color.g / 255.0,
                  g.selected ? 0.4 : g.color.b / 255.0, int(std::lround(13 * d.dpr)));
        if (g.alignRight) text->GetTextProperty()->SetJustificationToRight();
        text->GetPositionCoordinate()->SetCoordinateSystemToWorld();
        text->GetPositionCoordinate()->SetValue(g.labelAt.x, g.labelAt.y, g.labelAt.z);
        d.annotation->AddViewProp(text);
        d.measurementLabels.push_back(text);
    }
}

void SliceScene::setCornerText(const std::array<std::string, 4>& text) {
    for (std::size_t i = 0; i < 4; ++i) d_->corners[i]->SetInput(text[i].c_str());
}

void SliceScene::setScaleBarVisible(bool visible) {
    d_->scaleBarVisible = visible;
    d_->scaleBar->SetVisibility(visible);
    d_->scaleBarText->SetVisibility(visible);
}

void SliceScene::setOrientationLettersVisible(bool visible) {
    for (auto& letter : d_->letters) letter->SetVisibility(visible);
}

void SliceScene::Impl::placeText(const int* size) {
    const int m = int(std::lround(5 * dpr)), w = size[0], h = size[1];
    const int cornerAt[4][2] = {{m, m}, {w - m, m}, {m, h - m}, {w - m, h - m}};
    const int letterAt[4][2] = {{m, h / 2}, {w - m, h / 2}, {w / 2, h - m}, {w / 2, m}};
    for (std::size_t i = 0; i < 4; ++i) {
        corners[i]->SetDisplayPosition(cornerAt[i][0], cornerAt[i][1]);
        letters[i]->SetDisplayPosition(letterAt[i][0], letterAt[i][1]);
    }
}

void SliceScene::Impl::updateScaleBar() {
    const int* size = annotation->GetSize();
    if (!scaleBarVisible || size[1] <= 0 || camera.heightMm <= 0) return;
    const double pixelsPerMm = double(size[1]) / camera.heightMm;
    // The longest 1/2/5 × 10^n mm bar that fits in a fifth of the width.
    const double maxMm = 0.2 * double(size[0]) / pixelsPerMm;
    double mm = std::pow(10.0, std::floor(std::log10(maxMm)));
    if (5 * mm <= maxMm) mm *= 5;
    else if (2 * mm <= maxMm) mm *= 2;
    const double x1 = size[0] - 20.0 * dpr, x0 = x1 - mm * pixelsPerMm, y = 42.0 * dpr, tick = 5.0 * dpr;
    vtkNew<vtkPoints> pts;
    vtkNew<vtkCellArray> cells;
    const double ticks[][4] = {{x0, y, x1, y}, {x0, y - tick, x0, y + tick}, {x1, y - tick, x1, y + tick}};
    for (const auto& t : ticks) {
        cells->InsertNextCell(2);
        cells->InsertCellPoint(pts->InsertNextPoint(t[0], t[1], 0));
        cells->InsertCellPoint(pts->InsertNextPoint(t[2], t[3], 0));
    }
    scaleBarLine->SetPoints(pts);
    scaleBarLine->SetLines(cells);
    scaleBarLine->Modified();
    char text[32];
    std::snprintf(text, sizeof text, mm >= 10 ? "%.0f cm" : "%.0f mm", mm >= 10 ? mm / 10 : mm);
    scaleBarText->SetInput(text);
    scaleBarText->SetDisplayPosition(int(x1), int(y + 8 * dpr));
}

vtkRenderer* SliceScene::imageRenderer() const { return d_->image; }
vtkRenderer* SliceScene::annotationRenderer() const { return d_->annotation; }

}  // namespace lumen::render
