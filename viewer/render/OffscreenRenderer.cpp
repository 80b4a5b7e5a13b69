#include "render/OffscreenRenderer.h"

#include "core/SliceStack.h"
#include "core/WindowLevel.h"
#include "render/SliceScene.h"
#include "render/VolumeScene.h"

#include <vtkImageData.h>
#include <vtkPNGWriter.h>
#include <vtkRenderWindow.h>
#include <vtkWindowToImageFilter.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lumen::render {

namespace {

// The world height that shows the whole volume in this view, with a little margin.
double fittingHeightMm(const core::ImageGeometry& g, const core::ViewFrame& f, double aspect) {
    double umin = 1e300, umax = -1e300, vmin = 1e300, vmax = -1e300;
    for (int corner = 0; corner < 8; ++corner) {
        const core::Point3 p = g.indexToWorld({corner & 1 ? double(g.dims()[0]) : 0.0, corner & 2 ? double(g.dims()[1]) : 0.0,
                                               corner & 4 ? double(g.dims()[2]) : 0.0});
        umin = std::min(umin, p.dot(f.right)), umax = std::max(umax, p.dot(f.right));
        vmin = std::min(vmin, p.dot(f.up)), vmax = std::max(vmax, p.dot(f.up));
    }
    return 1.05 * std::max(vmax - vmin, (umax - umin) / aspect);
}

}  // namespace

RgbImage OffscreenRenderer::render(const core::Volume& volume, const core::LabelMap* labels, const OffscreenRequest& request) {
    if (volume.empty()) throw std::runtime_error("nothing to render: the volume is empty");
    if (request.width < 16 || request.height < 16 || request.width > 8192 || request.height > 8192)
        throw std::runtime_error("image size must be between 16 and 8192 pixels");
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetSize(request.width, request.height);
    window->SetMultiSamples(0);

    std::unique_ptr<SliceScene> slice;
    std::unique_ptr<VolumeScene> volume3d;
    if (request.orientation) {
        slice = std::make_unique<SliceScene>(window);
        slice->setVolume(volume);
        if (labels) slice->setLabelMap(labels);
        slice->setOverlayStyle(request.overlay);
        const core::ViewFrame f = request.alignedToGrid ? core::gridAlignedViewFrame(*request.orientation, volume.geometry())
                                                        : core::standardViewFrame(*request.orientation);
        const core::SliceStack stack(volume.geometry(), f.viewDirection);
        const std::size_t n = request.slice.value_or(stack.count() / 2);
        if (n >= stack.count())
            throw std::runtime_error("slice " + std::to_string(n) + " is outside 0.." + std::to_string(stack.count() - 1));
        const double aspect = double(request.width) / double(request.height);
        slice->setCamera({stack.centerOf(n), f.viewDirection, f.up, fittingHeightMm(volume.geometry(), f, aspect)});
        const core::WindowLevel wl = core::defaultWindowLevel(volume);
        slice->setWindowLevel(request.window.value_or(wl.window), request.level.value_or(wl.level), false);
        if (request.annotations)
            slice->setCornerText({"", "", core::orientationName(*request.orientation),
                                  std::to_string(n + 1) + " / " + std::to_string(stack.count())});
        slice->setOrientationLettersVisible(request.annotations);
        slice->setScaleBarVisible(request.annotations);
    } else {
        volume3d = std::make_unique<VolumeScene>(window);
        volume3d->setVolume(volume);
        if (request.preset) volume3d->setPreset(*request.preset);
        if (labels) volume3d->setLabelMap(labels);
    }
    window->Render();
    vtkNew<vtkWindowToImageFilter> grab;
    grab->SetInput(window);
    grab->SetInputBufferTypeToRGB();
    grab->ReadFrontBufferOff();
    grab->Update();
    vtkImageData* frame = grab->GetOutput();
    int dims[3];
    frame->GetDimensions(dims);
    if (dims[0] != request.width || dims[1] != request.height || frame->GetNumberOfScalarComponents() != 3)
        throw std::runtime_error("the render window did not give the requested image");
    RgbImage out{dims[0], dims[1], std::vector<std::uint8_t>(std::size_t(dims[0]) * std::size_t(dims[1]) * 3)};
    const auto* src = static_cast<const std::uint8_t*>(frame->GetScalarPointer());
    const std::size_t row = std::size_t(dims[0]) * 3;
    for (int y = 0; y < dims[1]; ++y)  // VTK's rows run bottom to top
        std::copy_n(src + std::size_t(dims[1] - 1 - y) * row, row, out.rgb.begin() + std::ptrdiff_t(std::size_t(y) * row));
    return out;
}

void OffscreenRenderer::renderToPng(const core::Volume& volume, const core::LabelMap* labels,
                                    const OffscreenRequest& request, const std::string& pngPath) {
    const RgbImage image = render(volume, labels, request);
    vtkNew<vtkImageData> frame;
    frame->SetDimensions(image.width, image.height, 1);
    frame->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
    auto* dst = static_cast<std::uint8_t*>(frame->GetScalarPointer());
    const std::size_t row = std::size_t(image.width) * 3;
    for (int y = 0; y < image.height; ++y)
        std::copy_n(image.rgb.begin() + std::ptrdiff_t(std::size_t(y) * row), row, dst + std::size_t(image.height - 1 - y) * row);
    vtkNew<vtkPNGWriter> writer;
    writer->SetFileName(pngPath.c_str());
    writer->SetInputData(frame);
    writer->Write();
    if (writer->GetErrorCode() != 0) throw std::runtime_error(pngPath + ": cannot write the PNG");
}

}  // namespace lumen::render
