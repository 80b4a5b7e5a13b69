#include "ai/Device.h"

#include "ai/ModelError.h"

#include <torch/cuda.h>
#include <ATen/Parallel.h>

#include <thread>

#if __has_include(<ATen/cuda/CUDAContext.h>) && __has_include(<cuda_runtime_api.h>)
#include <ATen/cuda/CUDAContext.h>
#define LUMEN_HAVE_CUDA_HEADERS 1
#endif

namespace lumen::ai {

std::string DeviceInfo::describe() const {
    if (cuda) return "GPU: " + name;
    return "CPU, " + std::to_string(threads) + (threads == 1 ? " thread" : " threads");
}

DeviceInfo selectDevice(const std::string& request, int threads) {
    if (request != "auto" && request != "cpu" && request != "cuda")
        throw ModelError("--device must be auto, cpu or cuda (is \"" + request + "\")");
    DeviceInfo info;
    const bool gpu = torch::cuda::is_available();
    if (request == "cuda" && !gpu)
        throw ModelError("--device cuda: no CUDA GPU is available to this LibTorch (use --device cpu or auto)");
    info.threads = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    at::set_num_threads(info.threads);
    if (gpu && request != "cpu") {
        info.cuda = true;
        info.name = "cuda:0";
#ifdef LUMEN_HAVE_CUDA_HEADERS
        info.name = at::cuda::getDeviceProperties(0)->name;
#endif
    } else {
        info.name = "cpu";
    }
    return info;
}

}  // namespace lumen::ai
