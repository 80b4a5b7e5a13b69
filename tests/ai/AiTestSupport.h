#pragma once
// Builders shared by the AI tests: TorchScript modules defined in C++ (no Python needed) and
// model packages around them.
#include "ai/ModelManifest.h"

#include <filesystem>
#include <string>
#include <vector>

namespace lumen::test {

// Saves a scripted module whose forward() is `body` (TorchScript source of a method body, given x).
void saveScriptedModule(const std::filesystem::path& file, const std::string& forwardSource);

// A segmentation manifest for `labels` labels, patch `patch`, no resampling, no normalisation.
ai::ModelManifest segmentationManifest(int labels, int patch = 16);

// Largest |a[i] − b[i]| (the vectors must be the same length).
double maxAbsDifference(const std::vector<float>& a, const std::vector<float>& b);

// Writes DIR/model.pt (from forwardSource) and DIR/model.json (with its sha256).
void writePackage(const std::filesystem::path& dir, const ai::ModelManifest& manifest, const std::string& forwardSource);

// An interactive_segmentation manifest (5 channels, 1.5 mm, min-max normalisation) with a cube of
// `patch` voxels, and a rule that stands in for its network: the object is what is like the
// prompted intensity on the region of interest (|channel 0| < 0.93: within a third of the whole range, so a partial-volume edge voxel counts when it is two thirds object), plus positive clicks, minus
// negative ones, with the current mask as a vote that keeps unlike voxels it holds. Deterministic,
// so sessions can be compared exactly.
ai::ModelManifest interactiveManifest(int patch);
extern const char* const kInteractiveRuleNetwork;

}  // namespace lumen::test
