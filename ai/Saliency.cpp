#include "ai/Saliency.h"

#include "ai/ModelError.h"
#include "ai/TorchNetwork.h"
#include "ai/internal/TorchNetworkImpl.h"

#include <torch/torch.h>

#include <algorithm>

namespace lumen::ai {

namespace {

// d(logit)/d(input) without touching the parameters' gradients (the engine's network is reused).
torch::Tensor inputGradient(internal::TorchNetworkImpl& net, const torch::Tensor& input,
                            const std::function<torch::Tensor(const torch::Tensor&)>& decision) {
    torch::AutoGradMode enabled(true);
    torch::Tensor leaf = input.detach().clone().requires_grad_(true);
    const torch::Tensor logit = decision(net.forward(leaf).to(torch::kFloat));
    if (!logit.requires_grad())
        throw ModelError("the network's output does not depend differentiably on its input: no saliency map");
    return torch::autograd::grad({logit}, {leaf}).at(0).detach();
}

// |gradient| summed over channels [I, J, K] → smoothed, maximum 1, as a one-channel image.
FloatImage finish(torch::Tensor magnitude, const core::ImageGeometry& grid) {
    torch::NoGradGuard noGrad;
    torch::Tensor m = magnitude.to(torch::kCPU).unsqueeze(0).unsqueeze(0);
    for (int pass = 0; pass < 2; ++pass)
        m = torch::avg_pool3d(m, 3, 1, 1, /*ceil_mode=*/false, /*count_include_pad=*/false);
    m = m.squeeze(0).squeeze(0);
    const float peak = m.max().item<float>();
    if (peak > 0) m = m / peak;
    m = m.permute({2, 1, 0}).contiguous();  // [K, J, I]: the FloatImage order
    FloatImage out = FloatImage::zeros(grid, 1);
    std::copy(m.data_ptr<float>(), m.data_ptr<float>() + m.numel(), out.data.begin());
    return out;
}

}  // namespace

FloatImage classificationSaliency(TorchNetwork& network, const FloatImage& input, std::size_t target) {
    internal::TorchNetworkImpl& net = network.impl();
    const torch::Tensor gradient = inputGradient(net, net.batchOf(input), [&](const torch::Tensor& out) {
        const torch::Tensor logits = out.reshape({-1});
        if (static_cast<int64_t>(target) >= logits.numel()) throw ModelError("saliency: no such class output");
        return logits.numel() == 1 ? logits[0] : logits[static_cast<int64_t>(target)] - logits.mean();
    });
    return finish(gradient.abs().sum(1).squeeze(0), input.geometry);
}

FloatImage detectionSaliency(TorchNetwork& network, const FloatImage& input, const std::vector<SaliencyTarget>& targets,
                             const std::array<int, 3>& patch) {
    internal::TorchNetworkImpl& net = network.impl();
    const torch::Tensor image = net.batchOf(input);
    const auto& d = input.geometry.dims();
    torch::Tensor total = torch::zeros({int64_t(d[0]), int64_t(d[1]), int64_t(d[2])});
    for (const SaliencyTarget& t : targets) {
        // One window around the finding, inside the image where the image is larger than a window.
        std::array<int64_t, 3> start{}, length{}, local{};
        for (int a = 0; a < 3; ++a) {
            const int64_t dim = static_cast<int64_t>(d[a]), p = patch[a];
            start[a] = dim > p ? std::clamp<int64_t>(t.centre[a] - p / 2, 0, dim - p) : 0;
            length[a] = std::min(dim, p);
            local[a] = std::clamp<int64_t>(t.centre[a] - start[a], 0, length[a] - 1);
        }
        torch::Tensor window = image.narrow(2, start[0], length[0]).narrow(3, start[1], length[1]).narrow(4, start[2], length[2]);
        window = torch::constant_pad_nd(window, {0, patch[2] - length[2], 0, patch[1] - length[1], 0, patch[0] - length[0]});
        const torch::Tensor gradient = inputGradient(net, window, [&](const torch::Tensor& out) {
            if (out.dim() != 5 || t.channel >= out.size(1)) throw ModelError("saliency: the detector's output has no such channel");
            return out.index({0, t.channel, local[0], local[1], local[2]});
        });
        const torch::Tensor magnitude =
            gradient.abs().sum(1).squeeze(0).narrow(0, 0, length[0]).narrow(1, 0, length[1]).narrow(2, 0, length[2]).cpu();
        total.narrow(0, start[0], length[0]).narrow(1, start[1], length[1]).narrow(2, start[2], length[2]) +=
            magnitude * t.weight;
    }
    return finish(total, input.geometry);
}

}  // namespace lumen::ai
