#pragma once
#include "core/LabelMap.h"
#include "core/ViewOrientation.h"
#include "core/Volume.h"
#include "render/OverlayStyle.h"
#include "render/VolumePreset.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lumen::render {

struct OffscreenRequest {
    std::optional<core::ViewOrientation> orientation;  // nullopt: the 3D view
    std::optional<std::size_t> slice;                  // index in the view's SliceStack; default: middle
    std::optional<double> window, level;               // real units; default: core::defaultWindowLevel
    std::optional<VolumePreset> preset;                // 3D; default from the modality
    OverlayStyle overlay;
    bool annotations = true;     // 2D: corner text, orientation letters, scale bar
    bool alignedToGrid = false;  // 2D: the grid's plane nearest to the orientation (core::gridAlignedViewFrame)
    int width = 512, height = 512;
};

// 8-bit RGB, rows top to bottom.
struct RgbImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb;
    const std::uint8_t* pixel(int x, int y) const { return &rgb[(std::size_t(y) * std::size_t(width) + std::size_t(x)) * 3]; }
};

// The GUI's render pipeline without a window, to a PNG (needs an X display: xvfb-run where
// there is none). Throws std::runtime_error when rendering or writing fails.
class OffscreenRenderer {
public:
    static RgbImage render(const core::Volume& volume, const core::LabelMap* labels, const OffscreenRequest& request);
    static void renderToPng(const core::Volume& volume, const core::LabelMap* labels,
                            const OffscreenRequest& request, const std::string& pngPath);
};

}  // namespace lumen::render
