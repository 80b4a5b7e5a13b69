#pragma once
#include <torch/torch.h>

namespace lumen::ai::internal {

// Cross-entropy + (1 − soft Dice averaged over classes, background included: MONAI's DiceCELoss
// defaults), logits [N, K, I, J, K'] against class indices [N, I, J, K'].
torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& target);

// Centre heatmaps: CenterNet's focal loss (α = 2, β = 4; positives are target ≥ 0.999, i.e. the
// centre voxel), normalised by the number of centres; box sizes: L1 (mm / 10) where sizeMask is set.
torch::Tensor detectionLoss(const torch::Tensor& out, const torch::Tensor& heatmap, const torch::Tensor& sizes,
                            const torch::Tensor& sizeMask, int64_t classes);

}  // namespace lumen::ai::internal
