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
    // CenterNet's penalty-reduced focal loss: centres (target 1) are a handful of voxels among
    // ~10⁵ per patch, so plain BCE teaches the network to say 0 everywhere.
    const auto logits = out.narrow(1, 0, classes);
    const auto p = torch::sigmoid(logits).clamp(1e-4, 1 - 1e-4);
    const auto positive = (heatmap >= 0.999).to(p.dtype());
    const auto logP = torch::nn::functional::logsigmoid(logits), log1mP = torch::nn::functional::logsigmoid(-logits);
    const auto posLoss = -(logP * (1 - p).pow(2) * positive).sum();
    const auto negLoss = -(log1mP * p.pow(2) * (1 - heatmap).pow(4) * (1 - positive)).sum();
    const auto count = positive.sum().clamp_min(1);
    const auto size = out.narrow(1, classes, 3);
    const auto s = (torch::abs(size - sizes) * sizeMask).sum() / (sizeMask.sum() * 3 + 1) / 10;
    return (posLoss + negLoss) / count + s;
}

}  // namespace lumen::ai::internal
