#pragma once
#include "core/SeriesRecord.h"
#include "io/ImageStack.h"

#include <vector>

namespace lumen::io {

// The warning a stack carries when its files give no PixelSpacing and 1 mm was assumed: tools
// that need real millimetres (lumen-ai) refuse such images by it.
inline constexpr const char* kMissingSpacingWarning = "PixelSpacing is missing: 1 mm assumed";

// Turns a series' instances into regular image stacks: split by orientation, size, pixel
// format, echo and acquisition; ordered along the slice normal by ImagePositionPatient (never
// by file name or InstanceNumber); repeated positions become time points when a temporal
// attribute tells them apart. Non-uniform spacing, missing slices and gantry tilt are
// loaded and reported in ImageStack::warnings.
class SeriesAssembler {
public:
    static std::vector<ImageStack> assemble(const core::SeriesRecord& series);
};

}  // namespace lumen::io
