#include "core/VolumeSubsampler.h"

#include <cstring>
#include <stdexcept>

namespace lumen::core {

std::size_t VolumeSubsampler::factorFor(const Volume& volume, std::size_t budget) {
    if (volume.empty() || budget == 0) return 1;
    const auto& d = volume.geometry().dims();
    std::size_t f = 1;
    const auto voxels = [&](std::size_t k) { return ((d[0] + k - 1) / k) * ((d[1] + k - 1) / k) * ((d[2] + k - 1) / k); };
    while (voxels(f) > budget) ++f;
    return f;
}

Volume VolumeSubsampler::subsample(const Volume& volume, std::size_t factor) {
    if (factor == 0) throw std::invalid_argument("subsampling factor 0");
    const ImageGeometry& g = volume.geometry();
    const auto& d = g.dims();
    const ImageGeometry::Dims out{(d[0] + factor - 1) / factor, (d[1] + factor - 1) / factor, (d[2] + factor - 1) / factor};
    const double f = double(factor);
    const ImageGeometry grid(out, {g.spacing().x * f, g.spacing().y * f, g.spacing().z * f}, g.origin(), g.direction());
    Volume result = Volume::allocate(volume.pixelType(), grid);
    result.setRescale(volume.rescale());
    const std::size_t bytes = bytesPerVoxel(volume.pixelType());
    const auto* in = static_cast<const char*>(volume.data());
    auto* to = static_cast<char*>(result.data());
    for (std::size_t k = 0; k < out[2]; ++k)
        for (std::size_t j = 0; j < out[1]; ++j) {
            const char* row = in + volume.linearIndex(0, j * factor, k * factor) * bytes;
            for (std::size_t i = 0; i < out[0]; ++i, to += bytes) std::memcpy(to, row + i * factor * bytes, bytes);
        }
    return result;
}

}  // namespace lumen::core
