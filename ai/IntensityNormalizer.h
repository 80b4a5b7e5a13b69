#pragma once
#include "ai/FloatImage.h"
#include "ai/ModelManifest.h"

namespace lumen::ai {

// Applies the manifest's intensity normalisation in place, channel by channel, with MONAI's
// formulas: window = ScaleIntensityRange, zscore = NormalizeIntensity (population SD, optional
// non-zero mask), percentile = ScaleIntensityRangePercentiles (linear-interpolated percentiles).
// minmax = ScaleIntensity (minv..maxv). Statistics per channel unless !channelWise.
void normalizeIntensity(FloatImage& image, const Normalization& normalization);
// The input's whole chain: normalization, then each of normalizationAfter.
void normalizeInput(FloatImage& image, const InputSpec& input);

// The q-th percentile (0..100) of values, numpy's default "linear" interpolation.
double percentile(std::vector<float> values, double q);

}  // namespace lumen::ai
