#pragma once
#include "core/ImageGeometry.h"
#include "core/Vector3.h"

#include <string>

namespace lumen::core {

enum class ViewOrientation { Axial, Coronal, Sagittal };

// How a standard view looks at the patient (LPS world): the camera looks along
// `viewDirection`; `up` and `right` are the screen's axes. Radiological convention: axial is
// seen from the feet and coronal from the front, so the patient's left is on screen right;
// sagittal is seen from the patient's left, anterior on screen left.
struct ViewFrame {
    Vector3 viewDirection;
    Vector3 up;
    Vector3 right;
};

ViewFrame standardViewFrame(ViewOrientation orientation);
// The standard view turned onto the image grid (Slicer's "rotate to volume plane"): the view
// direction and up snap to the grid axes nearest to them, so an oblique acquisition is seen in
// its own plane, without reslicing blur, and the orientation letters turn oblique ("LA").
ViewFrame gridAlignedViewFrame(ViewOrientation orientation, const ImageGeometry& geometry);
const char* orientationName(ViewOrientation orientation);  // "axial", "coronal", "sagittal"

// The patient directions a screen axis points to, strongest first ("L", or "LA" / "LPS" for an
// oblique axis: every component of at least 0.25 counts, as on film annotations).
std::string orientationLetters(const Vector3& direction);

}  // namespace lumen::core
