#pragma once
#include "ai/Device.h"

#include <filesystem>
#include <memory>

namespace lumen::ai {

namespace internal { struct TorchNetworkImpl; }

// A TorchScript module loaded onto a device, in eval mode. The header stays free of Torch so that
// only the few units that run networks pay for its headers.
class TorchNetwork {
public:
    static TorchNetwork load(const std::filesystem::path& file, const DeviceInfo& device);
    TorchNetwork(TorchNetwork&&) noexcept;
    TorchNetwork& operator=(TorchNetwork&&) noexcept;
    ~TorchNetwork();

    const DeviceInfo& device() const;
    internal::TorchNetworkImpl& impl() const { return *impl_; }

private:
    TorchNetwork();
    std::unique_ptr<internal::TorchNetworkImpl> impl_;
};

}  // namespace lumen::ai
