#pragma once
#include "core/LabelMap.h"
#include "core/ViewOrientation.h"
#include "core/Volume.h"
#include "render/OverlayStyle.h"
#include "render/VolumePreset.h"

#include <optional>
#include <string>

namespace lumen::render {

struct OffscreenRequest {
    std::optional<core::ViewOrientation> orientation;  // nullopt: the 3D view
    std::optional<std::size_t> slice;                  // index in the view's SliceStack; default: middle
    std::optional<double> window, level;               // real units; default: core::defaultWindowLevel
    std::optional<VolumePreset> preset;                // 3D; default from the modality
    OverlayStyle overlay;
    int width = 512, height = 512;
};

// The GUI's render pipeline without a window, to a PNG (needs an X display: xvfb-run where
// there is none). Throws std::runtime_error when rendering or writing fails.
class OffscreenRenderer {
public:
    static void renderToPng(const core::Volume& volume, const core::LabelMap* labels,
                            const OffscreenRequest& request, const std::string& pngPath);
};

}  // namespace lumen::render
