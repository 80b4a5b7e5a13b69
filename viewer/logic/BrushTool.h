#pragma once
#include "core/LabelMapEdit.h"
#include "core/Volume.h"

#include <optional>
#include <utility>
#include <vector>

namespace lumen::logic {

struct BrushSettings {
    double radiusMm = 5;
    bool sphere = false;      // a 3D ball; else a disc in the view's plane
    bool erase = false;       // clears `label` (every label when label is 0)
    bool onlyEmpty = false;   // paints background voxels only; else overwrites other labels
    std::uint16_t label = 1;
    // Threshold brush: only voxels whose image value (real units, e.g. HU) lies in [first, second].
    std::optional<std::pair<double, double>> range;
    std::vector<std::uint16_t> locked;  // labels the brush never changes
};

// Paint brush, eraser and threshold brush (ITK-SNAP's headless tool model: the Qt interaction
// mode only forwards world points). A stroke is begin(), drag()s, end(); it is one undoable edit.
// Works in any view, oblique included: the disc is the set of voxels whose box the view plane
// cuts, within the radius of the brush centre.
class BrushTool {
public:
    // `image` (same grid as the labels) is needed for the threshold brush only.
    explicit BrushTool(core::LabelMap& labels, const core::Volume* image = nullptr);

    void setSettings(const BrushSettings& s) { settings_ = s; }
    const BrushSettings& settings() const { return settings_; }

    void begin(const core::Point3& world, const core::Vector3& viewNormal);
    // Paints along the segment from the previous point, dabs at most a quarter radius apart.
    void drag(const core::Point3& world);
    // The stroke's edit (already applied) for the undo stack; empty when nothing changed.
    std::optional<core::LabelMapEdit> end();
    bool active() const { return stroke_.has_value(); }

    // Voxels the last dab or drag covered (what needs redrawing).
    const core::VoxelRegion& dirty() const { return dirty_; }

private:
    std::size_t dab(const core::Point3& centre);
    bool paints(std::uint16_t current, std::size_t voxel) const;

    core::LabelMap& labels_;
    const core::Volume* image_;
    BrushSettings settings_;
    std::optional<core::LabelMapEdit> stroke_;
    core::Point3 last_;
    core::Vector3 normal_{0, 0, 1};
    core::VoxelRegion dirty_;
};

}  // namespace lumen::logic
