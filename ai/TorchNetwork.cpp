#include "ai/TorchNetwork.h"

#include "ai/ModelError.h"
#include "ai/internal/TorchNetworkImpl.h"

#include <sstream>

namespace lumen::ai {

TorchNetwork::TorchNetwork() : impl_(std::make_unique<internal::TorchNetworkImpl>()) {}
TorchNetwork::TorchNetwork(TorchNetwork&&) noexcept = default;
TorchNetwork& TorchNetwork::operator=(TorchNetwork&&) noexcept = default;
TorchNetwork::~TorchNetwork() = default;

const DeviceInfo& TorchNetwork::device() const { return impl_->device; }

TorchNetwork TorchNetwork::load(const std::filesystem::path& file, const DeviceInfo& device) {
    TorchNetwork net;
    net.impl_->device = device;
    net.impl_->torchDevice = device.cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    try {
        net.impl_->module = torch::jit::load(file.string(), net.impl_->torchDevice);
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        throw ModelError(file.string() + ": not a TorchScript model this LibTorch can load (" +
                         what.substr(0, what.find('\n')) + ")");
    }
    net.impl_->module.eval();
    return net;
}

namespace internal {

namespace {

[[noreturn]] void rejected(const torch::Tensor& batch, const std::string& what) {
    std::ostringstream shape;
    shape << batch.sizes();
    // TorchScript puts a traceback first and the reason ("RuntimeError: ...") on the last line.
    std::istringstream lines(what);
    std::string line, reason;
    while (std::getline(lines, line))
        if (line.find_first_not_of(" \t") != std::string::npos) reason = line;
    if (reason.size() > 400) reason = reason.substr(0, 400) + "...";
    throw ModelError("the network rejected an input of shape " + shape.str() +
                     " (do the channels and dimensions match the model?): " + reason);
}

}  // namespace

torch::Tensor TorchNetworkImpl::batchOf(const FloatImage& image) const {
    const auto& d = image.geometry.dims();
    return torch::from_blob(const_cast<float*>(image.data.data()),
                            {1, static_cast<int64_t>(image.channels), static_cast<int64_t>(d[2]), static_cast<int64_t>(d[1]),
                             static_cast<int64_t>(d[0])},
                            torch::kFloat)
        .permute({0, 1, 4, 3, 2})
        .contiguous()
        .to(torchDevice);
}

torch::Tensor TorchNetworkImpl::forward(const torch::Tensor& batch) {
    try {
        torch::jit::IValue out = module.forward({batch});
        if (out.isTuple()) out = out.toTuple()->elements().at(0);
        else if (out.isList()) out = out.toList().get(0);
        if (!out.isTensor()) throw ModelError("the network returned something other than a tensor");
        return out.toTensor();
    } catch (const ModelError&) {
        throw;
    } catch (const c10::Error& e) {
        rejected(batch, e.what_without_backtrace());
    } catch (const std::exception& e) {  // torch::jit::JITException and friends
        rejected(batch, e.what());
    }
}

}  // namespace internal
}  // namespace lumen::ai
