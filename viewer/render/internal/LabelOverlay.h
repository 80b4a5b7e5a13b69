#pragma once
// The label-map layer of a SliceScene. Not part of lumen_render's interface.
#include "core/LabelMap.h"
#include "render/OverlayStyle.h"

#include <vtkImageActor.h>
#include <vtkImageData.h>
#include <vtkImageReslice.h>
#include <vtkNew.h>
#include <vtkSmartPointer.h>

class vtkRenderer;

namespace lumen::render::internal {

// Reslices the label map onto the view plane (nearest neighbour, so values stay labels),
// colours it on the CPU — filled with opacity, or only boundary pixels — and shows the result
// as an image on the plane. One path for both styles; recomputed only when the plane, the
// labels or the style change.
class LabelOverlay {
public:
    LabelOverlay();
    void addTo(vtkRenderer* renderer);
    void setLabelMap(const core::LabelMap* labels);
    void setStyle(const OverlayStyle& style);
    void markModified() { dirty_ = true; }
    void update(const core::Point3& planePoint, const core::Vector3& viewDirection, const core::Vector3& up);

private:
    void colourise();

    core::LabelMap labels_;
    bool hasLabels_ = false;
    OverlayStyle style_;
    bool dirty_ = true;
    core::Point3 lastPoint_;
    core::Vector3 lastNormal_, lastUp_;
    vtkSmartPointer<vtkImageData> labelData_;
    vtkNew<vtkImageReslice> reslice_;
    vtkNew<vtkImageData> rgba_;
    vtkNew<vtkImageActor> actor_;
};

}  // namespace lumen::render::internal
