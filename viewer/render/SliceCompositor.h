#pragma once
#include "core/LabelMap.h"
#include "core/Volume.h"
#include "render/OverlayStyle.h"
#include "render/SliceCamera.h"

#include <cstdint>
#include <vector>

namespace lumen::render {

// A 2D view's picture, made on the CPU at screen resolution: the volume resampled on the view's
// plane (any orientation; nearest or trilinear), windowed, and the label map blended in (fill or
// screen-space outline). No toolkit: SliceScene shows the result as one 2D image, which on a
// software OpenGL renderer is several times faster than texturing planes in 3D (BENCHMARKS.md).
class SliceCompositor {
public:
    // Shares voxels; an empty volume composes black.
    void setVolume(const core::Volume& volume);
    void setTimePoint(std::size_t timePoint) { timePoint_ = timePoint; }
    // Real units (HU on CT); MONOCHROME1's inverted display is applied on top of `invert`.
    void setWindowLevel(double window, double level, bool invert);
    void setLinearInterpolation(bool linear) { linear_ = linear; }
    // Shares voxels (the caller keeps `labels` alive); nullptr clears. labelsModified() re-reads
    // its table after edits.
    void setLabelMap(const core::LabelMap* labels);
    void labelsModified();
    void setOverlayStyle(const OverlayStyle& style);
    // A heat map over the picture (a model's uncertainty): uint8 levels 0..255 on any grid (shares
    // voxels; an empty volume clears), drawn on a violet → magenta ramp (heatColour) whose opacity
    // grows with the level up to `opacity`; levels below 10 % are not drawn, so certain regions
    // stay clean.
    void setHeatMap(const core::Volume& levels, double opacity);
    static core::Rgba heatColour(unsigned level);  // also the legend's
    // Outline thickness in pixels (the display's device pixel ratio).
    void setOutlineWidth(int pixels) { outlineWidth_ = pixels < 1 ? 1 : pixels; }

    // `rgba`: width × height × 4 bytes, rows from the bottom (VTK's display order), opaque.
    void compose(const SliceCamera& camera, int width, int height, std::uint8_t* rgba) const;

private:
    void rebuildColours();
    void sampleRows(const SliceCamera& camera, int width, int height, int y0, int y1, std::uint8_t* rgba,
                    std::uint16_t* labelValues) const;
    void blendHeat(const SliceCamera& camera, int width, int height, int y0, int y1, std::uint8_t* rgba,
                   std::uint16_t* scratch) const;

    core::Volume volume_;
    std::size_t timePoint_ = 0;
    double window_ = 400, level_ = 40;
    bool invert_ = false, linear_ = true;
    const core::LabelMap* source_ = nullptr;
    core::LabelMap labels_;  // shares the source's voxels
    bool hasLabels_ = false;
    OverlayStyle style_;
    int outlineWidth_ = 1;
    std::vector<core::Rgba> colours_;  // by label value; alpha = drawn opacity (0: not drawn)
    core::Volume heat_;
    double heatOpacity_ = 0;
};

}  // namespace lumen::render
