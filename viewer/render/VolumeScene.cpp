#include "render/VolumeScene.h"

#include "render/internal/VtkImage.h"

#include <vtkBoxRepresentation.h>
#include <vtkBoxWidget2.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkColorTransferFunction.h>
#include <vtkDiscreteFlyingEdges3D.h>
#include <vtkFixedPointVolumeRayCastMapper.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkMatrix4x4.h>
#include <vtkPiecewiseFunction.h>
#include <vtkPlane.h>
#include <vtkPlaneCollection.h>
#include <vtkPlanes.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataNormals.h>
#include <vtkProperty.h>
#include <vtkQuadricClustering.h>
#include <vtkRenderer.h>
#include <vtkRenderWindow.h>
#include <vtkVolume.h>
#include <vtkVolumeProperty.h>
#include <vtkWindowedSincPolyDataFilter.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace lumen::render {

std::vector<VolumePreset> allVolumePresets() {
    return {VolumePreset::CtBone, VolumePreset::CtSoftTissue, VolumePreset::CtLung, VolumePreset::MrDefault,
            VolumePreset::Mip};
}

std::string volumePresetName(VolumePreset p) {
    switch (p) {
        case VolumePreset::CtBone: return "ct-bone";
        case VolumePreset::CtSoftTissue: return "ct-soft-tissue";
        case VolumePreset::CtLung: return "ct-lung";
        case VolumePreset::MrDefault: return "mr-default";
        case VolumePreset::Mip: return "mip";
    }
    return "";
}

std::string volumePresetTitle(VolumePreset p) {
    switch (p) {
        case VolumePreset::CtBone: return "CT bone";
        case VolumePreset::CtSoftTissue: return "CT soft tissue";
        case VolumePreset::CtLung: return "CT lung";
        case VolumePreset::MrDefault: return "MR default";
        case VolumePreset::Mip: return "Maximum intensity projection";
    }
    return "";
}

std::optional<VolumePreset> volumePresetFromName(const std::string& name) {
    for (VolumePreset p : allVolumePresets())
        if (volumePresetName(p) == name) return p;
    return std::nullopt;
}

namespace {

vtkSmartPointer<vtkActor> surfaceActor(vtkPolyData* polygons, const core::Rgba& colour, vtkMatrix4x4* placement) {
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputData(polygons);
    mapper->ScalarVisibilityOff();
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    if (placement) actor->SetUserMatrix(placement);
    actor->GetProperty()->SetColor(colour.r / 255.0, colour.g / 255.0, colour.b / 255.0);
    actor->GetProperty()->SetSpecular(0.3);
    return actor;
}

// A surface with no area, drawn with every frame from the first: the label surfaces' shader is
// compiled then, with the series' first 3D frame, not when a model's labels first arrive (a
// shader compile is tens of milliseconds on a software renderer). It draws no pixel.
vtkSmartPointer<vtkActor> shaderPrimer() {
    vtkNew<vtkPolyData> primer;
    vtkNew<vtkPoints> points;
    vtkNew<vtkFloatArray> normals;
    normals->SetNumberOfComponents(3);
    for (int i = 0; i < 3; ++i) points->InsertNextPoint(0, 0, 0), normals->InsertNextTuple3(0, 0, 1);
    vtkNew<vtkCellArray> triangle;
    triangle->InsertNextCell({0, 1, 2});
    primer->SetPoints(points);
    primer->SetPolys(triangle);
    primer->GetPointData()->SetNormals(normals);
    auto actor = surfaceActor(primer, {255, 255, 255, 255}, nullptr);
    actor->SetUseBounds(false);  // not part of what the camera frames
    return actor;
}

}  // namespace

struct VolumeScene::Impl {
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkVolume> volumeProp;
    vtkNew<vtkFixedPointVolumeRayCastMapper> mapper;
    vtkNew<vtkVolumeProperty> property;
    vtkNew<vtkColorTransferFunction> colour;
    vtkNew<vtkPiecewiseFunction> opacity;
    vtkSmartPointer<vtkImageData> image;
    std::vector<vtkSmartPointer<vtkActor>> surfaces;
    vtkSmartPointer<vtkActor> primer;
    vtkNew<vtkBoxWidget2> boxWidget;
    vtkNew<vtkBoxRepresentation> boxRepresentation;
    vtkNew<vtkCallbackCommand> boxMoved;
    core::Volume volume;
    VolumePreset preset = VolumePreset::MrDefault;
    double baseSampleDistance = 1.0;
    std::array<double, 2> robustRange{0, 1};  // 1st and 99.5th percentile of real values

    double stored(double real) const {
        const auto& r = volume.rescale();
        return (real - r.intercept) / (r.slope == 0 ? 1.0 : r.slope);
    }
    void applyPreset();
    void measureRange();
    static void onBoxMoved(vtkObject* caller, unsigned long, void* self, void*);
};

VolumeScene::VolumeScene(vtkRenderWindow* window) : d_(std::make_unique<Impl>()) {
    Impl& d = *d_;
    d.renderer->SetBackground(0.05, 0.06, 0.08);
    d.renderer->SetBackground2(0.16, 0.18, 0.22);
    d.renderer->GradientBackgroundOn();
    window->AddRenderer(d.renderer);
    d.property->SetColor(d.colour);
    d.property->SetScalarOpacity(d.opacity);
    d.property->SetInterpolationTypeToLinear();
    d.property->SetAmbient(0.25);
    d.property->SetDiffuse(0.75);
    d.property->SetSpecular(0.2);
    d.mapper->SetAutoAdjustSampleDistances(0);
    d.mapper->SetLockSampleDistanceToInputSpacing(0);
    d.volumeProp->SetMapper(d.mapper);
    d.volumeProp->SetProperty(d.property);
    d.volumeProp->VisibilityOff();
    d.renderer->AddVolume(d.volumeProp);
    d.primer = shaderPrimer();
    d.renderer->AddActor(d.primer);
    d.boxRepresentation->SetPlaceFactor(1.0);
    d.boxRepresentation->HandlesOn();
    d.boxWidget->SetRepresentation(d.boxRepresentation);
    d.boxMoved->SetCallback(&Impl::onBoxMoved);
    d.boxMoved->SetClientData(this);
    d.boxWidget->AddObserver(vtkCommand::InteractionEvent, d.boxMoved);
}

VolumeScene::~VolumeScene() = default;

void VolumeScene::Impl::measureRange() {
    // Percentiles of a subsample: MR intensities have no fixed scale.
    std::vector<double> samples;
    const std::size_t n = volume.voxelsPerFrame(), step = std::max<std::size_t>(1, n / 200000);
    for (std::size_t i = 0; i < n; i += step) samples.push_back(volume.realValue(i));
    std::sort(samples.begin(), samples.end());
    robustRange = {samples[std::size_t(0.01 * double(samples.size() - 1))],
                   samples[std::size_t(0.995 * double(samples.size() - 1))]};
    if (robustRange[1] <= robustRange[0]) robustRange[1] = robustRange[0] + 1;
}

void VolumeScene::setVolume(const core::Volume& volume) {
    Impl& d = *d_;
    d.volume = volume;
    if (volume.empty() || volume.pixelType() == core::PixelType::Rgb24) {
        d.volumeProp->VisibilityOff();
        return;
    }
    d.image = internal::wrapVolume(volume, 0);
    d.mapper->SetInputData(d.image);
    d.volumeProp->SetUserMatrix(internal::placement(volume.geometry()));
    const auto& s = volume.geometry().spacing();
    d.baseSampleDistance = std::min({s.x, s.y, s.z});
    d.measureRange();
    d.preset = volume.rescale().units == "HU" ? VolumePreset::CtSoftTissue : VolumePreset::MrDefault;
    d.applyPreset();
    setInteractive(false);
    d.volumeProp->VisibilityOn();
    resetCamera();
}

void VolumeScene::Impl::applyPreset() {
    colour->RemoveAllPoints();
    opacity->RemoveAllPoints();
    mapper->SetBlendModeToComposite();
    property->ShadeOn();
    auto point = [&](double hu, double a, double r, double g, double b) {
        opacity->AddPoint(stored(hu), a);
        colour->AddRGBPoint(stored(hu), r, g, b);
    };
    const double lo = robustRange[0], hi = robustRange[1];
    switch (preset) {
        case VolumePreset::CtBone:
            point(-1000, 0, 0, 0, 0);
            point(150, 0, 0.55, 0.25, 0.15);
            point(300, 0.2, 0.9, 0.75, 0.55);
            point(1000, 0.85, 1.0, 0.98, 0.9);
            point(3000, 0.9, 1, 1, 1);
            break;
        case VolumePreset::CtSoftTissue:
            point(-1000, 0, 0, 0, 0);
            point(-150, 0, 0.55, 0.35, 0.25);
            point(20, 0.08, 0.8, 0.45, 0.35);
            point(80, 0.25, 0.9, 0.6, 0.5);
            point(400, 0.6, 1.0, 0.95, 0.85);
            point(3000, 0.8, 1, 1, 1);
            break;
        case VolumePreset::CtLung:
            point(-1000, 0, 0, 0, 0);
            point(-920, 0, 0.3, 0.5, 0.8);
            point(-800, 0.12, 0.5, 0.7, 0.95);
            point(-600, 0.05, 0.8, 0.85, 1.0);
            point(-400, 0, 0.9, 0.9, 0.9);
            point(3000, 0, 1, 1, 1);
            break;
        case VolumePreset::MrDefault:
            point(lo, 0, 0, 0, 0);
            point(lo + 0.3 * (hi - lo), 0, 0.6, 0.45, 0.35);
            point(lo + 0.6 * (hi - lo), 0.25, 0.9, 0.75, 0.6);
            point(hi, 0.7, 1.0, 0.97, 0.92);
            break;
        case VolumePreset::Mip:
            mapper->SetBlendModeToMaximumIntensity();
            property->ShadeOff();
            point(lo, 0, 0, 0, 0);
            point(hi, 1, 1, 1, 1);
            break;
    }
}

void VolumeScene::setPreset(VolumePreset preset) {
    d_->preset = preset;
    if (!d_->volume.empty()) d_->applyPreset();
}

VolumePreset VolumeScene::preset() const { return d_->preset; }

bool VolumeScene::hasVolume() const { return !d_->volume.empty() && d_->volume.pixelType() != core::PixelType::Rgb24; }

void VolumeScene::setVolumeVisible(bool visible) { d_->volumeProp->SetVisibility(visible && !d_->volume.empty()); }

void VolumeScene::setInteractive(bool interactive) {
    Impl& d = *d_;
    // While moving: one ray per 3.5 × 3.5 pixels and about a third of the samples (≥ 15 fps at 512² on
    // two software-rendering cores, BENCHMARKS.md); still: every pixel.
    d.mapper->SetImageSampleDistance(interactive ? 3.5 : 1.0);
    d.mapper->SetSampleDistance(float(d.baseSampleDistance * (interactive ? 2.0 : 1.0)));
    d.mapper->SetInteractiveSampleDistance(float(d.baseSampleDistance * 2.0));
}

std::array<double, 6> VolumeScene::worldBounds() const {
    std::array<double, 6> b{0, 0, 0, 0, 0, 0};
    if (d_->volume.empty()) return b;
    const auto& g = d_->volume.geometry();
    b = {1e300, -1e300, 1e300, -1e300, 1e300, -1e300};
    for (int corner = 0; corner < 8; ++corner) {
        const core::Point3 p = g.indexToWorld({corner & 1 ? double(g.dims()[0] - 1) : 0.0,
                                               corner & 2 ? double(g.dims()[1] - 1) : 0.0,
                                               corner & 4 ? double(g.dims()[2] - 1) : 0.0});
        for (int a = 0; a < 3; ++a) {
            b[2 * a] = std::min(b[2 * a], p[a]);
            b[2 * a + 1] = std::max(b[2 * a + 1], p[a]);
        }
    }
    return b;
}

void VolumeScene::setClippingBox(const std::optional<std::array<double, 6>>& bounds) {
    Impl& d = *d_;
    if (!bounds) {
        d.mapper->RemoveAllClippingPlanes();
        for (auto& s : d.surfaces) s->GetMapper()->RemoveAllClippingPlanes();
        d.primer->GetMapper()->RemoveAllClippingPlanes();
        return;
    }
    const auto& b = *bounds;
    vtkNew<vtkPlaneCollection> planes;
    const double normals[6][3] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    for (int i = 0; i < 6; ++i) {
        vtkNew<vtkPlane> plane;
        double origin[3] = {0, 0, 0};
        origin[i / 2] = b[std::size_t(i)];
        plane->SetOrigin(origin);
        plane->SetNormal(const_cast<double*>(normals[i]));
        planes->AddItem(plane);
    }
    d.mapper->SetClippingPlanes(planes);
    for (auto& s : d.surfaces) s->GetMapper()->SetClippingPlanes(planes);
    d.primer->GetMapper()->SetClippingPlanes(planes);
}

void VolumeScene::Impl::onBoxMoved(vtkObject*, unsigned long, void* self, void*) {
    auto* scene = static_cast<VolumeScene*>(self);
    double* b = scene->d_->boxRepresentation->GetBounds();
    scene->setClippingBox(std::array<double, 6>{b[0], b[1], b[2], b[3], b[4], b[5]});
}

void VolumeScene::enableClippingWidget(vtkRenderWindowInteractor* interactor, bool enabled) {
    Impl& d = *d_;
    if (enabled) {
        auto bounds = worldBounds();
        d.boxWidget->SetInteractor(interactor);
        d.boxRepresentation->PlaceWidget(bounds.data());
        d.boxWidget->On();
        setClippingBox(bounds);
    } else {
        d.boxWidget->Off();
        setClippingBox(std::nullopt);
    }
}

struct VolumeScene::LabelSurfaces {
    struct Surface {
        vtkSmartPointer<vtkPolyData> polygons;
        core::Rgba colour;
    };
    std::vector<Surface> surfaces;
    vtkSmartPointer<vtkMatrix4x4> placement;
};

std::shared_ptr<const VolumeScene::LabelSurfaces> VolumeScene::buildLabelSurfaces(const core::LabelMap& labels) {
    auto out = std::make_shared<LabelSurfaces>();
    if (labels.empty()) return out;
    vtkSmartPointer<vtkImageData> data = internal::wrapVolume(labels.voxels());
    out->placement = internal::placement(labels.geometry());
    std::vector<vtkSmartPointer<vtkPolyData>> smoothed;
    double triangles = 0;
    for (const auto& [value, count] : labels.histogram()) {
        vtkNew<vtkDiscreteFlyingEdges3D> surface;
        surface->SetInputData(data);
        surface->SetValue(0, value);
        vtkNew<vtkWindowedSincPolyDataFilter> smooth;
        smooth->SetInputConnection(surface->GetOutputPort());
        smooth->SetNumberOfIterations(15);
        smooth->SetPassBand(0.05);
        smooth->NonManifoldSmoothingOn();
        smooth->NormalizeCoordinatesOn();
        smooth->Update();  // here, not at the next render on the GUI thread
        smoothed.push_back(smooth->GetOutput());
        triangles += double(smoothed.back()->GetNumberOfPolys());
        const core::Label* l = labels.labels().find(value);
        out->surfaces.push_back({nullptr, l ? l->color : core::LabelTable::defaultColor(value)});
    }
    // A whole brain's labels smoothed at voxel resolution are ~400 000 triangles, which cost
    // ~55 ms a frame on a software renderer. Quadric clustering (vertices merged per cell of a
    // grid k voxels wide, triangles ~ 1/k²) takes 0.2 s there; quadric decimation took 3.5 s.
    const double budget = double(kTriangleBudget);
    const double reduction = triangles > budget ? 1.0 - budget / triangles : 0.0;
    for (std::size_t i = 0; i < smoothed.size(); ++i) {
        vtkSmartPointer<vtkPolyData> mesh = smoothed[i];
        if (reduction > 0 && mesh->GetNumberOfPolys() > 1000) {
            vtkNew<vtkQuadricClustering> decimate;
            decimate->SetInputData(mesh);
            const double k = std::sqrt(1.0 / (1.0 - reduction));
            const double* sp = data->GetSpacing();
            decimate->SetDivisionOrigin(data->GetOrigin());
            decimate->SetDivisionSpacing(sp[0] * k, sp[1] * k, sp[2] * k);
            decimate->AutoAdjustNumberOfDivisionsOff();
            decimate->Update();
            mesh = decimate->GetOutput();
        }
        vtkNew<vtkPolyDataNormals> normals;
        normals->SetInputData(mesh);
        normals->Update();
        out->surfaces[i].polygons = vtkSmartPointer<vtkPolyData>::New();
        out->surfaces[i].polygons->ShallowCopy(normals->GetOutput());
    }
    return out;
}

std::vector<std::size_t> VolumeScene::triangleCounts(const LabelSurfaces& surfaces) {
    std::vector<std::size_t> n;
    for (const auto& s : surfaces.surfaces) n.push_back(std::size_t(s.polygons->GetNumberOfPolys()));
    return n;
}

void VolumeScene::setLabelSurfaces(const std::shared_ptr<const LabelSurfaces>& surfaces) {
    Impl& d = *d_;
    for (auto& s : d.surfaces) d.renderer->RemoveActor(s);
    d.surfaces.clear();
    if (!surfaces) return;
    for (const auto& s : surfaces->surfaces) {
        d.surfaces.push_back(surfaceActor(s.polygons, s.colour, surfaces->placement));
        d.renderer->AddActor(d.surfaces.back());
    }
}

void VolumeScene::setLabelMap(const core::LabelMap* labels) {
    setLabelSurfaces(labels && !labels->empty() ? buildLabelSurfaces(*labels) : nullptr);
}

void VolumeScene::resetCamera() {
    Impl& d = *d_;
    const auto b = worldBounds();
    const core::Point3 c{(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2};
    vtkCamera* cam = d.renderer->GetActiveCamera();
    cam->ParallelProjectionOff();
    cam->SetFocalPoint(c.x, c.y, c.z);
    cam->SetPosition(c.x, c.y - 1000.0, c.z);  // in front of the patient (anterior is -y)
    cam->SetViewUp(0, 0, 1);
    d.renderer->ResetCamera(b[0], b[1], b[2], b[3], b[4], b[5]);
    d.renderer->ResetCameraClippingRange();
}

vtkRenderer* VolumeScene::renderer() const { return d_->renderer; }

}  // namespace lumen::render
