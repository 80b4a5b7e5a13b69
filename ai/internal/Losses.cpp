#include "ai/internal/Losses.h"

namespace lumen::ai::internal {

torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& target) {
    const int64_t K = logits.size(1);
    const auto ce = torch::nn::functional::cross_entropy(logits, target);
    const auto p = torch::softmax(logits, 1);
    const auto y = torch::one_hot(target, K).permute({0, 4, 1, 2, 3}).to(p.dtype());
    const std::vector<int64_t> dims{0, 2, 3, 4};
    const auto inter = (p * y).sum(dims);
    const auto denom = p.sum(dims) + y.sum(dims);
    const auto diceScore = (2 * inter + 1e-5) / (denom + 1e-5);
    return ce + (1 - diceScore.mean());
}

torch::Tensor detectionLoss(const torch::Tensor& out, const torch::Tensor& heatmap, const torch::Tensor& sizes,
                            const torch::Tensor& sizeMask, int64_t classes) {
    const auto heat = out.narrow(1, 0, classes);
    const auto size = out.narrow(1, classes, 3);
    // Positives are rare: weight them up (a simple stand-in for CenterNet's focal loss).
    const auto weight = 1 + 20 * heatmap;
    const auto h = torch::binary_cross_entropy_with_logits(heat, heatmap, weight);
    const auto s = (torch::abs(size - sizes) * sizeMask).sum() / (sizeMask.sum() * 3 + 1) / 10;
    return h + s;
}

}  // namespace lumen::ai::internal
