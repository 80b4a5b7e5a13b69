#include "render/internal/VtkImage.h"

#include <vtkCharArray.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkIntArray.h>
#include <vtkPointData.h>
#include <vtkShortArray.h>
#include <vtkSignedCharArray.h>
#include <vtkUnsignedCharArray.h>
#include <vtkUnsignedIntArray.h>
#include <vtkUnsignedShortArray.h>

#include <cmath>

namespace lumen::render::internal {

namespace {
template <typename ArrayT, typename T>
vtkSmartPointer<vtkDataArray> shareArray(const void* data, vtkIdType tuples, int components) {
    auto array = vtkSmartPointer<ArrayT>::New();
    array->SetNumberOfComponents(components);
    // save = 1: VTK does not own (or free) the buffer; the Volume does.
    array->SetArray(static_cast<T*>(const_cast<void*>(data)), tuples * components, 1);
    return array;
}
}  // namespace

vtkSmartPointer<vtkImageData> wrapVolume(const core::Volume& volume, std::size_t timePoint) {
    const auto& g = volume.geometry();
    auto image = vtkSmartPointer<vtkImageData>::New();
    image->SetDimensions(int(g.dims()[0]), int(g.dims()[1]), int(g.dims()[2]));
    image->SetSpacing(g.spacing().x, g.spacing().y, g.spacing().z);
    image->SetOrigin(0, 0, 0);
    const void* data = volume.frameData(timePoint);
    const auto n = vtkIdType(volume.voxelsPerFrame());
    vtkSmartPointer<vtkDataArray> scalars;
    using core::PixelType;
    switch (volume.pixelType()) {
        case PixelType::Int8: scalars = shareArray<vtkSignedCharArray, signed char>(data, n, 1); break;
        case PixelType::UInt8: scalars = shareArray<vtkUnsignedCharArray, unsigned char>(data, n, 1); break;
        case PixelType::Int16: scalars = shareArray<vtkShortArray, short>(data, n, 1); break;
        case PixelType::UInt16: scalars = shareArray<vtkUnsignedShortArray, unsigned short>(data, n, 1); break;
        case PixelType::Int32: scalars = shareArray<vtkIntArray, int>(data, n, 1); break;
        case PixelType::UInt32: scalars = shareArray<vtkUnsignedIntArray, unsigned int>(data, n, 1); break;
        case PixelType::Float32: scalars = shareArray<vtkFloatArray, float>(data, n, 1); break;
        case PixelType::Rgb24: scalars = shareArray<vtkUnsignedCharArray, unsigned char>(data, n, 3); break;
    }
    scalars->SetName("voxels");
    image->GetPointData()->SetScalars(scalars);
    return image;
}

vtkSmartPointer<vtkMatrix4x4> placement(const core::ImageGeometry& g) {
    auto m = vtkSmartPointer<vtkMatrix4x4>::New();
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) m->SetElement(r, c, g.direction()(r, c));
        m->SetElement(r, 3, g.origin()[r]);
    }
    return m;
}

void storedWindowLevel(const core::Rescale& rescale, double window, double level, double& storedWindow,
                       double& storedLevel) {
    const double slope = rescale.slope == 0 ? 1.0 : rescale.slope;
    storedLevel = (level - rescale.intercept) / slope;
    storedWindow = window / std::abs(slope);
}

}  // namespace lumen::render::internal
