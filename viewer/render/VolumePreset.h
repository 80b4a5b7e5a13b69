#pragma once
#include <optional>
#include <string>
#include <vector>

namespace lumen::render {

// Volume-rendering looks; CT presets are in HU, MR and MIP adapt to the image's intensities.
enum class VolumePreset { CtBone, CtSoftTissue, CtLung, MrDefault, Mip };

std::vector<VolumePreset> allVolumePresets();
std::string volumePresetName(VolumePreset preset);                 // "ct-bone", ...
std::optional<VolumePreset> volumePresetFromName(const std::string& name);
std::string volumePresetTitle(VolumePreset preset);                // "CT bone", for menus (English source)

}  // namespace lumen::render
