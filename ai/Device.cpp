#include "ai/Device.h"

#include "ai/ModelError.h"

#include <torch/cuda.h>
#include <ATen/Parallel.h>

#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#if __has_include(<ATen/cuda/CUDAContext.h>) && __has_include(<cuda_runtime_api.h>)
#include <ATen/cuda/CUDAContext.h>
#define LUMEN_HAVE_CUDA_HEADERS 1
#endif

namespace lumen::ai {

std::string DeviceInfo::describe() const {
    if (cuda) return "GPU: " + name;
    return "CPU, " + std::to_string(threads) + (threads == 1 ? " thread" : " threads");
}

namespace {

// Tensors of a few MB are allocated and freed several times per iteration. glibc returns each to
// the kernel (mmap/trim) and the next one page-faults its memory back in: measured, 300 k page
// faults where Python's torch had 135 k, and a training step 10–15 % slower than Python's on the
// same LibTorch. Keeping up to 256 MB of freed memory in the process and serving blocks up to
// 32 MB (glibc's maximum) from the heap removes that (84 k faults; train step ≤ Python's).
void keepTensorMemoryInProcess() {
#if defined(__GLIBC__)
    static const bool once = [] {
        mallopt(M_MMAP_THRESHOLD, 32 << 20);
        mallopt(M_TRIM_THRESHOLD, 256 << 20);
        return true;
    }();
    (void)once;
#endif
}

}  // namespace

DeviceInfo selectDevice(const std::string& request, int threads) {
    keepTensorMemoryInProcess();
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
