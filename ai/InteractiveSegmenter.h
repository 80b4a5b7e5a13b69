#pragma once
#include "ai/FloatImage.h"
#include "ai/protocol/InteractivePrompt.h"
#include "ai/InteractiveRoi.h"
#include "ai/ModelManifest.h"
#include "core/Volume.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace lumen::ai {

class TorchNetwork;

// One interactive segmentation session on one image (the worker's "interactive session", `lumen-ai
// interact`, the robot user's evaluation): the image is converted once, each step runs the network
// only on a region of interest around the object and its prompts, and every step is kept, so undo
// and redo have no limit and cost no network run.
//
// A step places the ROI around the current mask and every prompt of the object, at the smallest
// scale (1, 2, 4 × the model's spacing) that holds them; when the decided object reaches the
// ROI's faces it runs again, wider, around what it found (at most twice). Only voxels inside the
// ROI change. The result depends only on the image, the starting mask and the prompts in order,
// so undoing and adding the same prompt again gives the same mask (tests/ai/InteractiveTest).
class InteractiveSegmenter {
public:
    // The manifest must be an interactive one; the network stays owned by the caller.
    InteractiveSegmenter(const ModelManifest& manifest, TorchNetwork& network, const core::Volume& image);
    InteractiveSegmenter(const ModelManifest& manifest, TorchNetwork& network, FloatImage image);
    ~InteractiveSegmenter();

    // A new object (New object), or refining an existing segment or AI proposal (Refine): the
    // prompt history restarts from `mask` (0/1 on the image grid; empty: nothing).
    void startObject(std::vector<std::uint8_t> mask = {});

    struct Step {
        double ms = 0;  // network runs, resampling and pasting
        int runs = 0;   // 1, or more when the ROI was widened
        int scale = 1;  // of the last run
    };
    // Adds prompts as one step: prompts that arrived while another step ran collapse into one run.
    Step add(const std::vector<InteractivePrompt>& prompts);

    bool canUndo() const;
    bool canRedo() const;
    bool undo();  // back one step (its prompts leave the list)
    bool redo();

    const std::vector<std::uint8_t>& mask() const { return mask_; }
    std::vector<InteractivePrompt> prompts() const;  // of the current object, up to the current step
    std::size_t promptCount() const;
    const core::ImageGeometry& geometry() const { return image_.geometry; }
    const RoiSpec& roiSpec() const { return spec_; }

private:
    struct Stored;
    std::vector<float> runNetwork(const FloatImage& input) const;  // foreground probability per ROI voxel
    void restore();

    const ModelManifest& manifest_;
    TorchNetwork& network_;
    FloatImage image_;
    RoiSpec spec_;
    std::vector<std::uint8_t> mask_;
    std::vector<Stored> history_;  // [0]: the start; then one per step
    std::size_t position_ = 0;
};

}  // namespace lumen::ai
