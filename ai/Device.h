#pragma once
#include <string>

namespace lumen::ai {

struct DeviceInfo {
    bool cuda = false;
    int threads = 1;        // CPU intra-op threads Torch was told to use
    std::string name;       // "cpu" or the GPU's name
    std::string describe() const;  // "CPU, 2 threads" / "GPU: NVIDIA H100 80GB HBM3"
};

// "auto" → CUDA when torch::cuda::is_available(), else CPU; "cuda" without a GPU → ModelError.
// Sets Torch's CPU thread count (it defaults to 1 here): threads <= 0 means all hardware threads.
DeviceInfo selectDevice(const std::string& request, int threads);

}  // namespace lumen::ai
