#pragma once
#include "core/Volume.h"

#include <string>
#include <vector>

namespace lumen::core {

// Window width and centre in real units (HU on CT).
struct WindowLevel {
    double window = 400;
    double level = 40;
};

struct WindowLevelPreset {
    std::string name;  // English source text; the GUI translates it
    WindowLevel value;
};

// The CT presets a radiologist expects, in the order of keys 1-8.
const std::vector<WindowLevelPreset>& ctWindowLevelPresets();

// From the histogram: 1st to 99th percentile of the image's real values (of a subsample, so it
// costs milliseconds on a 200 MB volume). What MR, PET and unknown data start with.
WindowLevel autoWindowLevel(const Volume& volume);

// The window a series opens with when the files do not name one: soft tissue for CT (HU),
// else automatic.
WindowLevel defaultWindowLevel(const Volume& volume);

}  // namespace lumen::core
