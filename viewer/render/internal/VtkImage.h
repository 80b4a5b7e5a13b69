#pragma once
// core::Volume → vtkImageData without copying voxels. Not part of lumen_render's interface.
#include "core/Volume.h"

#include <vtkMatrix4x4.h>
#include <vtkSmartPointer.h>

class vtkImageData;

namespace lumen::render::internal {

// vtkImageData over one time point of `volume` (voxels shared; the caller keeps the volume
// alive). Its grid is index × spacing from the origin 0: the patient placement goes into the
// prop's matrix (`placement`), so every VTK mapper sees an axis-aligned image.
vtkSmartPointer<vtkImageData> wrapVolume(const core::Volume& volume, std::size_t timePoint = 0);

// Data coordinates (index × spacing) → LPS world: the direction columns and the origin.
vtkSmartPointer<vtkMatrix4x4> placement(const core::ImageGeometry& geometry);

// Real-valued window/level → the stored values VTK sees.
void storedWindowLevel(const core::Rescale& rescale, double window, double level, double& storedWindow,
                       double& storedLevel);

}  // namespace lumen::render::internal
