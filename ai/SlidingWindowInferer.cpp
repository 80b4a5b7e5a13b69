#include "ai/SlidingWindowInferer.h"

#include "ai/ModelError.h"
#include "ai/TorchNetwork.h"
#include "ai/internal/TorchNetworkImpl.h"
#include "core/Progress.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <sstream>

namespace lumen::ai {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

torch::Tensor importanceMap(const std::array<int, 3>& patch, InputSpec::Blending blending) {
    if (blending == InputSpec::Blending::Constant) return torch::ones({patch[0], patch[1], patch[2]});
    std::array<torch::Tensor, 3> g;
    for (int a = 0; a < 3; ++a) {
        const double sigma = 0.125 * patch[a];
        const auto x = torch::arange(patch[a], torch::kFloat) - (patch[a] - 1) / 2.0;
        g[a] = torch::exp(x * x / (-2 * sigma * sigma));
    }
    torch::Tensor map = g[0].view({patch[0], 1, 1}) * g[1].view({1, patch[1], 1}) * g[2].view({1, 1, patch[2]});
    map = map / map.max();
    const float minNonZero = std::max(map.min().item<float>(), 1e-3f);
    return map.clamp_min(minNonZero);
}

void activate(torch::Tensor& t, OutputSpec::Activation activation, int channels, int64_t dim) {
    if (activation == OutputSpec::Activation::None) return;
    const int64_t n = channels < 0 ? t.size(dim) : channels;
    auto part = t.narrow(dim, 0, n);
    if (activation == OutputSpec::Activation::Softmax) part.copy_(torch::softmax(part, dim));
    else part.sigmoid_();
}

// LibTorch 2.4 made autocast per device type; 1.13 (Debian's) has the CUDA-only call.
void setCudaAutocast(bool on) {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_enabled(at::kCUDA, on);
#else
    at::autocast::set_enabled(on);
#endif
}

torch::Tensor runBatch(internal::TorchNetworkImpl& net, const torch::Tensor& batch, bool half, SlidingWindowStats& stats) {
    torch::NoGradGuard noGrad;
    const auto t0 = Clock::now();
    torch::Tensor out;
    if (half && net.device.cuda) {
        setCudaAutocast(true);
        try {
            out = net.forward(batch);
        } catch (...) {
            setCudaAutocast(false);
            throw;
        }
        setCudaAutocast(false);
        at::autocast::clear_cache();
    } else {
        out = net.forward(batch);
    }
    out = out.to(torch::kFloat);
    if (net.device.cuda) torch::cuda::synchronize();
    stats.networkMs += msSince(t0);
    return out;
}

}  // namespace

std::vector<int> windowStarts(int size, int patch, double overlap) {
    if (size <= patch) return {0};
    int interval = patch == size ? patch : static_cast<int>(patch * (1 - overlap));
    if (interval <= 0) interval = 1;
    std::vector<int> starts;
    for (int idx = 0;; ++idx) {
        int start = idx * interval;
        const bool last = start + patch >= size;
        start -= std::max(start + patch - size, 0);
        starts.push_back(start);
        if (last) break;
    }
    return starts;
}

FloatImage slidingWindowInference(TorchNetwork& network, const FloatImage& input, const SlidingWindowOptions& o,
                                  core::Progress* progress, SlidingWindowStats* statsOut) {
    SlidingWindowStats stats;
    internal::TorchNetworkImpl& net = network.impl();
    const auto& d = input.geometry.dims();
    const std::array<int64_t, 3> size{static_cast<int64_t>(d[0]), static_cast<int64_t>(d[1]), static_cast<int64_t>(d[2])};
    const auto C = static_cast<int64_t>(input.channels);
    // [C, K, J, I] memory viewed as [C, I, J, K].
    torch::Tensor image = torch::from_blob(const_cast<float*>(input.data.data()), {C, size[2], size[1], size[0]}, torch::kFloat)
                              .permute({0, 3, 2, 1});
    std::array<int64_t, 3> padded{}, before{};
    for (int a = 0; a < 3; ++a) {
        padded[a] = std::max<int64_t>(size[a], o.patchSize[a]);
        before[a] = (padded[a] - size[a]) / 2;
    }
    torch::Tensor source = torch::zeros({C, padded[0], padded[1], padded[2]}, torch::kFloat);
    source.narrow(1, before[0], size[0]).narrow(2, before[1], size[1]).narrow(3, before[2], size[2]).copy_(image);
    if (o.replicatePadding)  // axis by axis, so that corners take the already padded edges
        for (int a = 0; a < 3; ++a) {
            const int64_t after = padded[a] - size[a] - before[a];
            if (before[a] > 0)
                source.narrow(a + 1, 0, before[a]).copy_(source.narrow(a + 1, before[a], 1).expand_as(source.narrow(a + 1, 0, before[a])));
            if (after > 0)
                source.narrow(a + 1, before[a] + size[a], after)
                    .copy_(source.narrow(a + 1, before[a] + size[a] - 1, 1).expand_as(source.narrow(a + 1, before[a] + size[a], after)));
        }
    source = source.to(net.torchDevice);

    const auto K = static_cast<int64_t>(o.outputChannels);
    const auto options = torch::TensorOptions().dtype(torch::kFloat).device(net.torchDevice);
    torch::Tensor accum = torch::zeros({K, padded[0], padded[1], padded[2]}, options);
    torch::Tensor weight = torch::zeros({padded[0], padded[1], padded[2]}, options);
    const torch::Tensor importance = importanceMap(o.patchSize, o.blending).to(net.torchDevice);

    std::vector<std::array<int64_t, 3>> windows;
    for (int x : windowStarts(static_cast<int>(padded[0]), o.patchSize[0], o.overlap))
        for (int y : windowStarts(static_cast<int>(padded[1]), o.patchSize[1], o.overlap))
            for (int z : windowStarts(static_cast<int>(padded[2]), o.patchSize[2], o.overlap)) windows.push_back({x, y, z});
    if (progress) progress->beginStage("network", windows.size());

    const int64_t px = o.patchSize[0], py = o.patchSize[1], pz = o.patchSize[2];
    std::size_t batch = static_cast<std::size_t>(std::max(1, o.batchSize));
    for (std::size_t first = 0; first < windows.size();) {
        if (progress) progress->checkCanceled();
        const std::size_t last = std::min(windows.size(), first + batch);
        std::vector<torch::Tensor> patches;
        for (std::size_t w = first; w < last; ++w)
            patches.push_back(source.narrow(1, windows[w][0], px).narrow(2, windows[w][1], py).narrow(3, windows[w][2], pz));
        torch::Tensor out;
        try {
            out = runBatch(net, torch::stack(patches), o.halfPrecision, stats);
        } catch (const ModelError& e) {
            if (!o.adaptiveBatch || batch == 1 || std::string(e.what()).find("out of memory") == std::string::npos) throw;
            batch /= 2;  // retry the same windows in smaller batches
            continue;
        }
        if (out.dim() != 5 || out.size(0) != static_cast<int64_t>(patches.size()) || out.size(1) != K || out.size(2) != px ||
            out.size(3) != py || out.size(4) != pz) {
            std::ostringstream got;
            got << out.sizes();
            throw ModelError("the network returned shape " + got.str() + " for a batch of " + std::to_string(patches.size()) +
                             " patches; expected [N, " + std::to_string(K) + ", " + std::to_string(px) + ", " +
                             std::to_string(py) + ", " + std::to_string(pz) + "]");
        }
        torch::NoGradGuard noGrad;
        for (std::size_t w = first; w < last; ++w) {
            const auto& s = windows[w];
            accum.narrow(1, s[0], px).narrow(2, s[1], py).narrow(3, s[2], pz).add_(out[static_cast<int64_t>(w - first)] * importance);
            weight.narrow(0, s[0], px).narrow(1, s[1], py).narrow(2, s[2], pz).add_(importance);
        }
        stats.patches += patches.size();
        if (progress) progress->advance(last - first);
        first = last;
    }
    stats.batchSize = static_cast<int>(batch);
    torch::NoGradGuard noGrad;
    torch::Tensor result = (accum / weight.unsqueeze(0))
                               .narrow(1, before[0], size[0]).narrow(2, before[1], size[1]).narrow(3, before[2], size[2]);
    if (o.temperature != 1 && o.activation != OutputSpec::Activation::None)
        result.narrow(0, 0, o.activatedChannels < 0 ? result.size(0) : o.activatedChannels).div_(o.temperature);
    activate(result, o.activation, o.activatedChannels, 0);
    result = result.permute({0, 3, 2, 1}).contiguous().cpu();  // back to [K, K_, J, I] memory

    FloatImage output;
    output.geometry = input.geometry;
    output.channels = static_cast<std::size_t>(K);
    output.data.assign(result.data_ptr<float>(), result.data_ptr<float>() + result.numel());
    if (statsOut) *statsOut = stats;
    return output;
}

std::vector<float> wholeImageInference(TorchNetwork& network, const FloatImage& input, const OutputSpec& output,
                                       int expectedOutputs, SlidingWindowStats* statsOut) {
    SlidingWindowStats stats;
    internal::TorchNetworkImpl& net = network.impl();
    torch::Tensor out = runBatch(net, net.batchOf(input), false, stats).reshape({-1});
    if (out.numel() != expectedOutputs)
        throw ModelError("the network returned " + std::to_string(out.numel()) + " values; the manifest's classes need " +
                         std::to_string(expectedOutputs));
    torch::NoGradGuard noGrad;
    out = out / output.temperature;
    activate(out, output.activation, -1, 0);
    out = out.cpu().contiguous();
    stats.patches = 1;
    if (statsOut) *statsOut = stats;
    return {out.data_ptr<float>(), out.data_ptr<float>() + out.numel()};
}

}  // namespace lumen::ai
