#pragma once
#include "ai/Device.h"
#include "ai/FloatImage.h"

#include <torch/script.h>

namespace lumen::ai::internal {

struct TorchNetworkImpl {
    torch::jit::script::Module module;
    DeviceInfo device;
    torch::Device torchDevice{torch::kCPU};

    // Runs the module on a batch; unwraps a tuple/list output (deep supervision) to its first
    // element and turns Torch's errors into a ModelError naming the input shape.
    torch::Tensor forward(const torch::Tensor& batch);
    // One image as a batch of one, [1, C, I, J, K] (MONAI's axis order), on the network's device.
    torch::Tensor batchOf(const FloatImage& image) const;
};

}  // namespace lumen::ai::internal
