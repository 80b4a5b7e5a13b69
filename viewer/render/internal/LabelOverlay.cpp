#include "render/internal/LabelOverlay.h"

#include "render/internal/VtkImage.h"

#include <vtkImageProperty.h>
#include <vtkMatrix4x4.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace lumen::render::internal {

using core::Point3;
using core::Vector3;

LabelOverlay::LabelOverlay() {
    reslice_->SetOutputDimensionality(2);
    reslice_->SetInterpolationModeToNearestNeighbor();
    reslice_->SetBackgroundLevel(0);
    actor_->GetProperty()->SetInterpolationTypeToNearest();
    // An empty, transparent pixel until there are labels: VTK asks hidden props for bounds too.
    rgba_->SetDimensions(1, 1, 1);
    rgba_->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
    static_cast<unsigned char*>(rgba_->GetScalarPointer())[3] = 0;
    actor_->SetInputData(rgba_);
    actor_->VisibilityOff();
}

void LabelOverlay::addTo(vtkRenderer* renderer) { renderer->AddViewProp(actor_); }

void LabelOverlay::setLabelMap(const core::LabelMap* labels) {
    hasLabels_ = labels && !labels->empty();
    if (hasLabels_) {
        labels_ = *labels;
        labelData_ = wrapVolume(labels_.voxels());
        reslice_->SetInputData(labelData_);
    } else {
        labels_ = core::LabelMap();
        labelData_ = nullptr;
        actor_->VisibilityOff();
    }
    dirty_ = true;
}

void LabelOverlay::setStyle(const OverlayStyle& style) {
    style_ = style;
    dirty_ = true;
}

void LabelOverlay::update(const Point3& planePoint, const Vector3& viewDirection, const Vector3& up) {
    if (!hasLabels_ || !style_.visible) {
        actor_->VisibilityOff();
        return;
    }
    const Vector3 n = viewDirection.normalized(), u = up.normalized(), r = n.cross(u).normalized();
    // Only the plane matters: moving within it (panning) needs no new overlay.
    const bool samePlane = std::abs((planePoint - lastPoint_).dot(n)) < 1e-6 && n.isApprox(lastNormal_, 1e-9) &&
                           u.isApprox(lastUp_, 1e-9);
    if (samePlane && !dirty_) return;
    lastPoint_ = planePoint;
    lastNormal_ = n;
    lastUp_ = u;
    dirty_ = false;

    // The plane's frame in the label map's data coordinates (index × spacing).
    const auto& g = labels_.geometry();
    const core::Matrix3 toData = g.direction().transposed();
    const Vector3 rd = toData * r, ud = toData * u, nd = toData * n, pd = toData * (planePoint - g.origin());
    vtkNew<vtkMatrix4x4> axes;
    const Vector3 columns[4] = {rd, ud, nd, pd};
    for (int c = 0; c < 4; ++c)
        for (int row = 0; row < 3; ++row) axes->SetElement(row, c, columns[c][row]);
    reslice_->SetResliceAxes(axes);

    // Cover the label map's footprint on the plane at its finest spacing.
    const double s = std::min({g.spacing().x, g.spacing().y, g.spacing().z});
    double umin = 1e300, umax = -1e300, vmin = 1e300, vmax = -1e300;
    for (int corner = 0; corner < 8; ++corner) {
        const Vector3 idx{corner & 1 ? double(g.dims()[0]) - 0.5 : -0.5, corner & 2 ? double(g.dims()[1]) - 0.5 : -0.5,
                          corner & 4 ? double(g.dims()[2]) - 0.5 : -0.5};
        const Vector3 w = g.indexToWorld(idx) - planePoint;
        umin = std::min(umin, w.dot(r)), umax = std::max(umax, w.dot(r));
        vmin = std::min(vmin, w.dot(u)), vmax = std::max(vmax, w.dot(u));
    }
    const int nx = std::clamp(int(std::ceil((umax - umin) / s)) + 1, 1, 4096);
    const int ny = std::clamp(int(std::ceil((vmax - vmin) / s)) + 1, 1, 4096);
    reslice_->SetOutputSpacing(s, s, 1);
    reslice_->SetOutputOrigin(umin, vmin, 0);
    reslice_->SetOutputExtent(0, nx - 1, 0, ny - 1, 0, 0);
    reslice_->Update();
    colourise();

    // Place the coloured slice on the plane in world coordinates.
    vtkNew<vtkMatrix4x4> world;
    const Vector3 worldColumns[4] = {r, u, n, planePoint};
    for (int c = 0; c < 4; ++c)
        for (int row = 0; row < 3; ++row) world->SetElement(row, c, worldColumns[c][row]);
    actor_->SetUserMatrix(world);
    actor_->VisibilityOn();
}

void LabelOverlay::colourise() {
    vtkImageData* labels = reslice_->GetOutput();
    int dims[3];
    labels->GetDimensions(dims);
    rgba_->SetDimensions(dims[0], dims[1], 1);
    rgba_->SetSpacing(labels->GetSpacing());
    rgba_->SetOrigin(labels->GetOrigin());
    rgba_->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
    auto* out = static_cast<unsigned char*>(rgba_->GetScalarPointer());
    const std::size_t n = std::size_t(dims[0]) * std::size_t(dims[1]);
    std::vector<std::uint16_t> values(n);
    const bool wide = labels_.depth() == core::PixelType::UInt16;
    const void* raw = labels->GetScalarPointer();
    for (std::size_t i = 0; i < n; ++i)
        values[i] = wide ? static_cast<const std::uint16_t*>(raw)[i] : static_cast<const std::uint8_t*>(raw)[i];

    // Colour table for the values present (defaults for labels the table does not name).
    std::uint16_t maxValue = 0;
    for (auto v : values) maxValue = std::max(maxValue, v);
    std::vector<core::Rgba> table(std::size_t(maxValue) + 1);
    for (std::uint32_t v = 1; v <= maxValue; ++v) {
        const core::Label* l = labels_.labels().find(std::uint16_t(v));
        table[v] = l ? l->color : core::LabelTable::defaultColor(std::uint16_t(v));
        if (style_.hidden.count(std::uint16_t(v))) table[v].a = 0;
    }
    const auto fillAlpha = std::uint8_t(std::lround(std::clamp(style_.opacity, 0.0, 1.0) * 255));
    const int w = dims[0], h = dims[1];
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const std::size_t i = std::size_t(y) * std::size_t(w) + std::size_t(x);
            unsigned char* px = out + 4 * i;
            const std::uint16_t v = values[i];
            const core::Rgba c = table[v];
            bool draw = v != 0 && c.a != 0;
            std::uint8_t alpha = fillAlpha;
            if (draw && style_.outline) {
                const bool edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || values[i - 1] != v ||
                                  values[i + 1] != v || values[i - std::size_t(w)] != v || values[i + std::size_t(w)] != v;
                draw = edge;
                alpha = 255;
            }
            px[0] = c.r;
            px[1] = c.g;
            px[2] = c.b;
            px[3] = draw ? std::uint8_t(alpha * c.a / 255) : 0;
        }
    rgba_->Modified();
    actor_->SetInputData(rgba_);
}

}  // namespace lumen::render::internal
