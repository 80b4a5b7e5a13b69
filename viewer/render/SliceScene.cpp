#include "render/SliceScene.h"

#include "core/ViewOrientation.h"
#include "render/internal/LabelOverlay.h"
#include "render/internal/VtkImage.h"

#include <vtkActor.h>
#include <vtkActor2D.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCoordinate.h>
#include <vtkCornerAnnotation.h>
#include <vtkImageData.h>
#include <vtkImageProperty.h>
#include <vtkImageResliceMapper.h>
#include <vtkImageSlice.h>
#include <vtkImageStack.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkProperty.h>
#include <vtkProperty2D.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <cmath>
#include <cstdio>

namespace lumen::render {

using core::Point3;
using core::Vector3;

struct SliceScene::Impl {
    vtkNew<vtkRenderer> image;
    vtkNew<vtkRenderer> annotation;
    vtkNew<vtkImageStack> stack;
    vtkNew<vtkImageSlice> imageSlice;
    vtkNew<vtkImageResliceMapper> imageMapper;
    internal::LabelOverlay overlay;
    vtkNew<vtkActor> crosshair;
    vtkNew<vtkPolyData> crosshairLines;
    vtkNew<vtkActor> measurementActor;
    vtkNew<vtkPolyData> measurementLines;
    std::vector<vtkSmartPointer<vtkTextActor>> measurementLabels;
    vtkNew<vtkCornerAnnotation> corners;
    vtkNew<vtkCornerAnnotation> letters;
    vtkNew<vtkActor2D> scaleBar;
    vtkNew<vtkPolyData> scaleBarLine;
    vtkNew<vtkTextActor> scaleBarText;
    vtkNew<vtkCallbackCommand> onStart;

    core::Volume volume;
    std::size_t timePoint = 0;
    SliceCamera camera;
    double window = 400, level = 40;
    bool invert = false;
    bool scaleBarVisible = true;
    std::optional<Point3> crosshairPoint;

    Vector3 right() const { return camera.viewDirection.cross(camera.up).normalized(); }
    void applyWindowLevel();
    void updateCrosshair();
    void updateScaleBar();
    static void startCallback(vtkObject*, unsigned long, void* self, void*) {
        static_cast<Impl*>(self)->updateScaleBar();
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

    d.imageMapper->SliceFacesCameraOn();
    d.imageMapper->SliceAtFocalPointOn();
    d.imageMapper->JumpToNearestSliceOff();
    d.imageMapper->ResampleToScreenPixelsOn();
    d.imageSlice->SetMapper(d.imageMapper);
    d.imageSlice->GetProperty()->SetInterpolationTypeToLinear();
    d.imageSlice->VisibilityOff();
    d.stack->AddImage(d.imageSlice);
    d.image->AddViewProp(d.stack);

    d.overlay.addTo(d.annotation);

    vtkNew<vtkPolyDataMapper> crosshairMapper;
    crosshairMapper->SetInputData(d.crosshairLines);
    d.crosshair->SetMapper(crosshairMapper);
    d.crosshair->GetProperty()->SetColor(1.0, 0.85, 0.2);
    d.crosshair->GetProperty()->SetOpacity(0.8);
    d.crosshair->GetProperty()->SetLineWidth(1.0);
    d.crosshair->VisibilityOff();
    d.annotation->AddActor(d.crosshair);

    vtkNew<vtkPolyDataMapper> measurementMapper;
    measurementMapper->SetInputData(d.measurementLines);
    d.measurementActor->SetMapper(measurementMapper);
    d.measurementActor->GetProperty()->SetColor(0.35, 0.9, 1.0);
    d.measurementActor->GetProperty()->SetLineWidth(2.0);
    d.annotation->AddActor(d.measurementActor);

    d.corners->SetMaximumFontSize(15);
    d.corners->SetMinimumFontSize(9);
    styleText(d.corners->GetTextProperty(), 0.85, 0.85, 0.8, 13);
    d.annotation->AddViewProp(d.corners);
    d.letters->SetMaximumFontSize(20);
    d.letters->SetMinimumFontSize(12);
    styleText(d.letters->GetTextProperty(), 1.0, 0.75, 0.3, 18);
    d.letters->GetTextProperty()->BoldOn();
    d.annotation->AddViewProp(d.letters);

    vtkNew<vtkCoordinate> display;
    display->SetCoordinateSystemToDisplay();
    vtkNew<vtkPolyDataMapper2D> barMapper;
    barMapper->SetInputData(d.scaleBarLine);
    barMapper->SetTransformCoordinate(display);
    d.scaleBar->SetMapper(barMapper);
    d.scaleBar->GetProperty()->SetColor(0.85, 0.85, 0.8);
    d.scaleBar->GetProperty()->SetLineWidth(2.0);
    d.annotation->AddViewProp(d.scaleBar);
    styleText(d.scaleBarText->GetTextProperty(), 0.85, 0.85, 0.8, 12);
    d.scaleBarText->GetTextProperty()->SetJustificationToRight();
    d.annotation->AddViewProp(d.scaleBarText);

    // The scale bar depends on the viewport's size in pixels: recompute before each frame.
    d.onStart->SetCallback(&Impl::startCallback);
    d.onStart->SetClientData(&d);
    d.annotation->AddObserver(vtkCommand::StartEvent, d.onStart);
    setCamera(d.camera);
}

SliceScene::~SliceScene() = default;

void SliceScene::setVolume(const core::Volume& volume) {
    Impl& d = *d_;
    d.volume = volume;
    d.timePoint = 0;
    if (volume.empty()) {
        d.imageSlice->VisibilityOff();
        return;
    }
    d.imageMapper->SetInputData(internal::wrapVolume(volume, 0));
    d.imageSlice->SetUserMatrix(internal::placement(volume.geometry()));
    d.imageSlice->VisibilityOn();
    if (volume.pixelType() == core::PixelType::Rgb24) {
        d.imageSlice->GetProperty()->SetColorWindow(255);
        d.imageSlice->GetProperty()->SetColorLevel(127.5);
    } else {
        d.applyWindowLevel();
    }
}

void SliceScene::setTimePoint(std::size_t t) {
    Impl& d = *d_;
    if (d.volume.empty() || t >= d.volume.timePoints() || t == d.timePoint) return;
    d.timePoint = t;
    d.imageMapper->SetInputData(internal::wrapVolume(d.volume, t));
}

void SliceScene::Impl::applyWindowLevel() {
    if (volume.empty() || volume.pixelType() == core::PixelType::Rgb24) return;
    double storedWindow = 0, storedLevel = 0;
    internal::storedWindowLevel(volume.rescale(), window, level, storedWindow, storedLevel);
    // A negative window runs the grey ramp backwards (inverted display).
    const bool flip = invert != volume.invertedDisplay();
    imageSlice->GetProperty()->SetColorWindow(flip ? -storedWindow : storedWindow);
    imageSlice->GetProperty()->SetColorLevel(storedLevel);
}

void SliceScene::setWindowLevel(double window, double level, bool invert) {
    Impl& d = *d_;
    d.window = std::max(window, 1e-6);
    d.level = level;
    d.invert = invert;
    d.applyWindowLevel();
}

void SliceScene::setLinearInterpolation(bool linear) {
    if (linear) d_->imageSlice->GetProperty()->SetInterpolationTypeToLinear();
    else d_->imageSlice->GetProperty()->SetInterpolationTypeToNearest();
}

void SliceScene::setLabelMap(const core::LabelMap* labels) {
    d_->overlay.setLabelMap(labels);
    d_->overlay.update(d_->camera.center, d_->camera.viewDirection, d_->camera.up);
}

void SliceScene::labelsModified() {
    d_->overlay.markModified();
    d_->overlay.update(d_->camera.center, d_->camera.viewDirection, d_->camera.up);
}

void SliceScene::setOverlayStyle(const OverlayStyle& style) {
    d_->overlay.setStyle(style);
    d_->overlay.update(d_->camera.center, d_->camera.viewDirection, d_->camera.up);
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
    d.letters->SetText(6, l[0].c_str());
    d.letters->SetText(5, l[1].c_str());
    d.letters->SetText(7, l[2].c_str());
    d.letters->SetText(4, l[3].c_str());
    d.overlay.update(d.camera.center, d.camera.viewDirection, d.camera.up);
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
    for (auto& label : d.measurementLabels) d.annotation->RemoveViewProp(label);
    d.measurementLabels.clear();
    for (const auto& g : glyphs) {
        vtkNew<vtkTextActor> text;
        text->SetInput(g.text.c_str());
        styleText(text->GetTextProperty(), g.selected ? 1.0 : 0.35, g.selected ? 1.0 : 0.9, g.selected ? 0.4 : 1.0, 13);
        text->GetPositionCoordinate()->SetCoordinateSystemToWorld();
        text->GetPositionCoordinate()->SetValue(g.labelAt.x, g.labelAt.y, g.labelAt.z);
        d.annotation->AddViewProp(text);
        d.measurementLabels.push_back(text);
    }
}

void SliceScene::setCornerText(const std::array<std::string, 4>& text) {
    for (int i = 0; i < 4; ++i) d_->corners->SetText(i, text[std::size_t(i)].c_str());
}

void SliceScene::setScaleBarVisible(bool visible) {
    d_->scaleBarVisible = visible;
    d_->scaleBar->SetVisibility(visible);
    d_->scaleBarText->SetVisibility(visible);
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
    const double x1 = size[0] - 20.0, x0 = x1 - mm * pixelsPerMm, y = 42.0;
    vtkNew<vtkPoints> pts;
    vtkNew<vtkCellArray> cells;
    const double ticks[][4] = {{x0, y, x1, y}, {x0, y - 5, x0, y + 5}, {x1, y - 5, x1, y + 5}};
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
    scaleBarText->SetDisplayPosition(int(x1), int(y + 8));
}

vtkRenderer* SliceScene::imageRenderer() const { return d_->image; }
vtkRenderer* SliceScene::annotationRenderer() const { return d_->annotation; }

}  // namespace lumen::render
