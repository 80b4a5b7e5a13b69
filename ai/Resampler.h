#pragma once
#include "ai/FloatImage.h"
#include "ai/ModelManifest.h"
#include "core/LabelMap.h"
#include "core/Volume.h"

namespace lumen::ai {

// The grid a model sees for an image: the image's axes permuted and flipped to the manifest's
// orientation code (nearest patient axis, like MONAI's Orientation: obliquity is kept), at the
// manifest's spacing, centred on the image's extent. With resizeToPatch, the whole extent is
// scaled to exactly one patch.
core::ImageGeometry modelGrid(const core::ImageGeometry& image, const InputSpec& input);

// Trilinear resampling in world coordinates; outside the source the nearest edge voxel is used
// (MONAI's "border" padding). Every target voxel centre is mapped through both geometries, so
// resampling back onto the input grid lands exactly on the voxels the user sees.
FloatImage resampleLinear(const FloatImage& source, const core::ImageGeometry& target, unsigned threads = 0);

// Real voxel values (rescale applied) as a one-channel float image on the volume's own grid.
FloatImage toFloatImage(const core::Volume& volume);

}  // namespace lumen::ai

namespace lumen::ai {

// Nearest-neighbour resampling of a label map onto another grid (outside the source: 0).
core::LabelMap resampleLabelsNearest(const core::LabelMap& labels, const core::ImageGeometry& target);

}  // namespace lumen::ai
