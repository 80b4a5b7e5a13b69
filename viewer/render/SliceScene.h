#pragma once
#include "core/LabelMap.h"
#include "core/Volume.h"
#include "render/MeasurementGlyph.h"
#include "render/OverlayStyle.h"
#include "render/SliceCamera.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class vtkRenderWindow;
class vtkRenderer;

namespace lumen::render {

// One 2D view: the image resliced at the camera's focal plane (any orientation), label-map
// overlay (fill or outline), crosshair, measurements, corner text, orientation letters and a
// scale bar. Draws into two layers of a render window: the image (layer 0) and annotations
// (layer 1, same camera), so annotations are always on top.
class SliceScene {
public:
    explicit SliceScene(vtkRenderWindow* window);
    ~SliceScene();
    SliceScene(const SliceScene&) = delete;
    SliceScene& operator=(const SliceScene&) = delete;

    void setVolume(const core::Volume& volume);  // shares voxels; an empty volume clears
    void setTimePoint(std::size_t timePoint);
    // Real units (HU on CT). `invert` flips the grey ramp (MONOCHROME1 is inverted by the caller).
    void setWindowLevel(double window, double level, bool invert);
    void setLinearInterpolation(bool linear);
    void setLabelMap(const core::LabelMap* labels);  // nullptr clears; voxels are shared
    void labelsModified();                           // table or voxels changed in place: redraw the overlay
    void setHeatMap(const core::Volume& levels, double opacity);  // SliceCompositor::setHeatMap
    void labelVoxelsModified();                      // only voxels changed (a brush move): cheaper
    void imageVoxelsModified();                      // image voxels changed in place (a series arriving)
    void setOverlayStyle(const OverlayStyle& style);
    void setCamera(const SliceCamera& camera);
    void setCrosshair(const std::optional<core::Point3>& point);
    void setMeasurements(const std::vector<MeasurementGlyph>& glyphs);
    // Lower left, lower right, upper left, upper right.
    void setCornerText(const std::array<std::string, 4>& text);
    void setScaleBarVisible(bool visible);
    void setOrientationLettersVisible(bool visible);
    // Device pixels per logical pixel (high-DPI screens): text, lines and margins scale with it.
    void setDevicePixelRatio(double ratio);

    // Left, right, top, bottom letters of the current camera.
    std::array<std::string, 4> orientationLetters() const;
    vtkRenderer* imageRenderer() const;
    vtkRenderer* annotationRenderer() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

}  // namespace lumen::render
