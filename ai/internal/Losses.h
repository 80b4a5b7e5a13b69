#pragma once
#include <torch/torch.h>

namespace lumen::ai::internal {

// Cross-entropy + (1 − soft Dice averaged over classes, background included: MONAI's DiceCELoss
// defaults), logits [N, K, I, J, K'] against class indices [N, I, J, K'].
torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& target);

// Centre heatmaps: BCE with positives weighted up (1 + 20·target); box sizes: L1 (mm / 10) where
// sizeMask is set.
torch::Tensor detectionLoss(const torch::Tensor& out, const torch::Tensor& heatmap, const torch::Tensor& sizes,
                            const torch::Tensor& sizeMask, int64_t classes);

}  // namespace lumen::ai::internal
