#pragma once
#include "ai/FloatImage.h"
#include "ai/ModelManifest.h"
#include "core/LabelMap.h"
#include "core/Volume.h"

#include <functional>

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

// The same resampling, delivered row by row (in parallel, rows in any order): sink(first target
// voxel, count, values[count × channels], voxel-major). Lets a caller decide per voxel without
// materialising every channel on the target grid.
using RowSink = std::function<void(std::size_t first, std::size_t count, const float* values)>;
void resampleRows(const FloatImage& source, const core::ImageGeometry& target, const RowSink& sink, unsigned threads = 0);

// resampleLinear straight from a volume's stored voxels (time points as channels, rescale
// applied): the same values as resampleLinear(toFloatImage(volume), target) without a float copy
// of the whole input.
FloatImage resampleVolume(const core::Volume& volume, const core::ImageGeometry& target, unsigned threads = 0);

// MONAI's SpatialPad then DivisiblePad (method "symmetric": the smaller half before, zeros) as
// InputSpec asks: the image on a grid grown the same way, so outputs map back without a crop.
FloatImage padForNetwork(const FloatImage& image, const InputSpec& input);

// Real voxel values (rescale applied) as a float image on the volume's own grid.
FloatImage toFloatImage(const core::Volume& volume);
// Only the first time point (what a one-channel interactive model reads).
FloatImage toFloatImageFirstChannel(const core::Volume& volume);
// And back: a float32 volume, channels as time points.
core::Volume toVolume(const FloatImage& image);

}  // namespace lumen::ai

namespace lumen::ai {

// Nearest-neighbour resampling of a label map onto another grid (outside the source: 0).
core::LabelMap resampleLabelsNearest(const core::LabelMap& labels, const core::ImageGeometry& target);

}  // namespace lumen::ai

namespace lumen::ai {

// A voxel box [lo, hi] (inclusive) of a grid.
struct VoxelBox {
    std::array<std::size_t, 3> lo{}, hi{};
    bool contains(std::size_t i, std::size_t j, std::size_t k) const {
        return i >= lo[0] && i <= hi[0] && j >= lo[1] && j <= hi[1] && k >= lo[2] && k <= hi[2];
    }
};

// Bounding box of the voxels above threshold in any channel, grown by margin and clamped; the
// whole grid when nothing is above it.
VoxelBox foregroundBox(const FloatImage& image, double threshold, int margin);

// The sub-grid covering a box: same spacing and direction, origin at the box's first voxel.
core::ImageGeometry cropGeometry(const core::ImageGeometry& grid, const VoxelBox& box);

}  // namespace lumen::ai
