#pragma once
#include "core/Volume.h"

#include <cstddef>
#include <cstdint>

namespace lumen::core {

class Progress;

// A synthetic chest-abdomen CT of realistic size and HU values: air, skin and fat, muscle,
// lungs with vessels, heart, contrast-filled aorta, liver, kidneys, spine with discs, ribs,
// table, and noise. Deterministic for a seed. Stored as int16 with intercept -1024 like
// scanner output (stored = HU + 1024).
class SyntheticCtGenerator {
public:
    struct Options {
        std::size_t size = 512;       // rows = columns
        std::size_t slices = 300;
        double pixelSpacing = 0.75;   // mm
        double sliceSpacing = 1.25;   // mm
        double noiseHu = 12.0;        // standard deviation of the added noise
        std::uint32_t seed = 1;
    };

    static Volume generate(const Options& options, Progress* progress = nullptr);
    // HU of the noise-free phantom at a world point (LPS, mm; z = 0 at the middle slice).
    static double houndsfieldAt(const Point3& world, double zExtentMm);
};

}  // namespace lumen::core
