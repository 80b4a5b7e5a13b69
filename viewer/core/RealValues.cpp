#include "core/RealValues.h"

#include <cmath>
#include <cstdint>

namespace lumen::core {

Volume toRealValues(const Volume& v) {
    const Rescale& r = v.rescale();
    if (v.pixelType() == PixelType::Rgb24 || r.isIdentity()) return v;
    const auto [lo, hi] = v.realRange();
    const bool integral = isInteger(v.pixelType()) && r.slope == std::round(r.slope) &&
                          r.intercept == std::round(r.intercept);
    const bool fitsInt16 = lo >= -32768.0 && hi <= 32767.0;
    Volume out = Volume::allocate(integral && fitsInt16 ? PixelType::Int16 : PixelType::Float32, v.geometry(),
                                  v.timePoints());
    visitScalarType(v.pixelType(), [&](auto tag) {
        using T = decltype(tag);
        const T* src = static_cast<const T*>(v.data());
        const std::size_t n = v.voxelCount();
        if (out.pixelType() == PixelType::Int16) {
            auto* dst = out.as<std::int16_t>();
            for (std::size_t i = 0; i < n; ++i) dst[i] = std::int16_t(std::lround(r.apply(double(src[i]))));
        } else {
            auto* dst = out.as<float>();
            for (std::size_t i = 0; i < n; ++i) dst[i] = float(r.apply(double(src[i])));
        }
    });
    out.setRescale({1.0, 0.0, r.units});
    out.setInvertedDisplay(v.invertedDisplay());
    return out;
}

}  // namespace lumen::core
