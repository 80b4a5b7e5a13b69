#pragma once
#include "ai/TrainingSet.h"

#include <string>
#include <vector>

namespace lumen::ai {

// The standard distribution shifts `lumen-ai eval --shifts` re-runs held-out cases under: what
// another scanner, protocol or patient position does to an image. Each is one fixed, moderate
// severity, so that the figures of two models (or two versions) compare; the random parts are
// seeded by the case, so a re-run gives the same numbers.
enum class ImageShift {
    Noise,          // Gaussian noise, σ = 5 % of the intensity range (0.5th–99.5th percentile)
    BiasField,      // a smooth multiplicative field, exp(±0.3) along a random direction across the field of view
    LowResolution,  // 5 mm thick slices along the slice (k) axis, linearly interpolated back to the grid
    Contrast,       // gamma 1.5 over the intensity range
    Rotation,       // the head or body turned by 10° about the patient's left–right axis, on the same grid
};

const std::vector<ImageShift>& allImageShifts();
std::string shiftName(ImageShift shift);         // noise, bias_field, low_resolution, contrast, rotation
std::string shiftDescription(ImageShift shift);  // one line, for the card

// Applies the shift to one case in place: its image (as float real values) and, for a rotation,
// its truth (the label map's grid, the boxes' centres), so that scores stay comparable.
void applyShift(TrainingSample& sample, ImageShift shift, unsigned seed);

}  // namespace lumen::ai
