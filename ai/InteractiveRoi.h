#pragma once
#include "ai/FloatImage.h"
#include "ai/protocol/InteractivePrompt.h"
#include "ai/ModelManifest.h"
#include "core/ImageGeometry.h"

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace lumen::ai {

// Where an interactive segmenter looks: a box of `size` voxels along the image's own axes
// (obliquity kept, like every model grid), isotropic at baseSpacing × scale, scale = 1, 2, 4, …
// The network always sees the same number of voxels, so a prompt costs the same whatever the
// object's size; a large object is seen coarser (nnInteractive's zoom-out).
struct RoiSpec {
    double baseSpacing = 1.5;         // mm
    std::array<int, 3> size{64, 64, 64};
    int maxScale = 4;
    double fill = 0.85;               // an object is "in view" when its extent is at most this share of the box

    // The cube centred on `centre` (world) at scale.
    core::ImageGeometry place(const core::Matrix3& direction, const core::Point3& centre, int scale) const;
    // The smallest scale at which an extent (mm along the box's axes) is in view; maxScale when none is.
    int scaleFor(const core::Vector3& extentMm) const;
};

// A region in world coordinates, kept as its extent along a grid's axes (the ROI's, which are
// the image's): what the next ROI must hold (the current mask, the prompts).
class RoiExtent {
public:
    explicit RoiExtent(const core::Matrix3& axes) : axes_(axes), inverse_(axes.transposed()) {}
    void add(const core::Point3& world);
    void add(const InteractivePrompt& prompt);
    // The voxels of a 0/1 mask on `grid` (its bounding box's corners).
    void addMask(const core::ImageGeometry& grid, const std::uint8_t* mask);
    bool empty() const { return empty_; }
    core::Point3 centre() const;          // world
    core::Vector3 extentMm() const;       // along the axes

private:
    core::Matrix3 axes_, inverse_;  // columns: unit axes; inverse = transpose (orthonormal)
    bool empty_ = true;
    core::Vector3 lo_, hi_;         // in axis coordinates
};

// The network's input channels on a ROI (written into `channels` data, [6 × ROI voxels]):
//   0 the image, trilinear from `image` (real values; normalise afterwards)
//   1 the current mask (nearest, 0/1)
//   2 positive points, 3 negative points: balls of radius 1.5 ROI voxels around each click
//   4 boxes: ROI voxels whose centre lies inside a box grown by half a ROI voxel (a box drawn on
//     a 2D view is flat; it still marks one layer)
//   5 the image again, on the scale of the prompted tissue's own spread (interactiveInput)
// Prompts outside the ROI mark nothing.
constexpr std::size_t kInteractiveChannels = 6;
void encodePrompts(const core::ImageGeometry& roi, const std::vector<InteractivePrompt>& prompts, float* positive, float* negative,
                   float* boxes);
void sampleMaskNearest(const core::ImageGeometry& grid, const std::uint8_t* mask, const core::ImageGeometry& roi, float* out);
// Any per-voxel value of `grid` at the ROI's voxel centres, nearest (outside the grid: 0).
void sampleNearest(const core::ImageGeometry& grid, const core::ImageGeometry& roi, const std::function<float(std::size_t linear)>& value,
                   float* out);

// Writes the decision (probability > 0.5, trilinear) of a ROI's foreground probabilities into
// every voxel of `grid` whose centre lies inside the ROI; voxels outside it keep their value.
void pasteProbability(const core::ImageGeometry& roi, const float* probability, const core::ImageGeometry& grid, std::uint8_t* mask);

// Whether the ROI's decided foreground touches its faces (the object may go on beyond it).
bool touchesBorder(const core::ImageGeometry::Dims& dims, const float* probability, int margin = 1);

}  // namespace lumen::ai

namespace lumen::ai {

// The whole network input from the image already on the ROI (trilinear from the whole image,
// normalised once over the whole image: a ROI inside one organ, normalised by its own percentiles,
// would be noise stretched to full range), the mask already on the ROI (null: empty) and the
// prompts. Channel 0 is that image relative to the prompted intensity: tanh(kClickContrast·(x − r)),
// r its mean under the first positive click (else the boxes, the mask, the whole ROI). Channel 5
// is tanh((x − r) / (kSpreadUnits·σ)), σ the standard deviation there (at least kMinSpread): a
// lesion's 40 HU in a CT stands out against the liver's noise, not against the range of the body.
inline constexpr float kClickContrast = 5.0f;
inline constexpr float kSpreadUnits = 3.0f;
inline constexpr float kMinSpread = 0.005f;
FloatImage interactiveInput(const FloatImage& roiImage, const float* roiMask, const std::vector<InteractivePrompt>& prompts);

}  // namespace lumen::ai
