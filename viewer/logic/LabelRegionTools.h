#pragma once
#include "core/LabelMapEdit.h"
#include "core/Volume.h"

#include <cstdint>

namespace lumen::logic {

// Region tools on a label map: each records what it changes in `edit` (capture + change; the
// caller finishes the edit and pushes it on the undo stack). "axis" is a grid axis (0, 1, 2): a
// view works on the grid planes nearest to its own (gridAxisNearest), which for an oblique view
// is the plane its slices mostly follow.

int gridAxisNearest(const core::ImageGeometry& grid, const core::Vector3& viewNormal);

// Flood fill from `seed` over voxels whose image value lies in [low, high] (6-connected in 3D,
// 4-connected in the plane through the seed perpendicular to `axis` when axis ≥ 0), set to
// `label`. Voxels of other labels are left alone when onlyEmpty. Returns the voxels set.
std::size_t floodFill(core::LabelMap& labels, const core::Volume& image, const std::array<std::size_t, 3>& seed,
                      std::uint16_t label, double low, double high, int axis, bool onlyEmpty, core::LabelMapEdit& edit);

// Slice interpolation (Slicer's "fill between slices", ITK-SNAP's interpolation): for every run of
// unlabelled planes perpendicular to `axis` between two planes holding `label`, blends the two
// shapes' signed distance maps linearly and labels the background voxels inside the blend.
// Returns the planes filled.
std::size_t interpolateSlices(core::LabelMap& labels, std::uint16_t label, int axis, core::LabelMapEdit& edit);

// Polygon / lasso fill: the voxels of one grid slice whose centres lie inside `polygon` (world
// points drawn on a view with normal `viewNormal`, even-odd rule) become `label`. The slice is
// the one through the polygon's first point across the grid axis nearest the view's normal, so
// axial, coronal and sagittal views fill exactly what was drawn; oblique views fill its
// projection onto the nearest grid slice. Returns the voxels set.
std::size_t fillPolygon(core::LabelMap& labels, const std::vector<core::Point3>& polygon, const core::Vector3& viewNormal,
                        std::uint16_t label, bool onlyEmpty, core::LabelMapEdit& edit);

// Background voxels enclosed by `label` (not 6-connected to the grid's border through
// non-label voxels) become `label`. Returns the voxels filled.
std::size_t fillHoles(core::LabelMap& labels, std::uint16_t label, core::LabelMapEdit& edit);

// Morphological opening (removes specks and thin bridges) or closing (fills gaps and dents) of
// one label with a ball of radius mm, exact through distance transforms. Other labels are kept.
enum class Morphology { Open, Close };
std::size_t smoothLabel(core::LabelMap& labels, std::uint16_t label, Morphology op, double radiusMm, core::LabelMapEdit& edit);

// Label management that changes voxels: every `from` voxel becomes `into` (the table entry of
// `from` is removed); deleting is merging into background.
std::size_t mergeLabel(core::LabelMap& labels, std::uint16_t from, std::uint16_t into, core::LabelMapEdit& edit);

}  // namespace lumen::logic
