#include "io/internal/PixelConversion.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace lumen::io::internal {

void unpackBits(const std::uint8_t* src, std::size_t firstBit, std::size_t count, std::uint8_t* dst) {
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t bit = firstBit + i;
        dst[i] = (src[bit >> 3] >> (bit & 7)) & 1u;
    }
}

namespace {
template <typename T>
void normalize(T* p, std::size_t n, unsigned bitsStored, unsigned highBit) {
    using U = std::make_unsigned_t<T>;
    const unsigned shift = highBit + 1 - bitsStored;
    const U mask = U((std::uint64_t(1) << bitsStored) - 1);
    const U signBit = U(std::uint64_t(1) << (bitsStored - 1));
    for (std::size_t i = 0; i < n; ++i) {
        U v = U(U(p[i]) >> shift) & mask;
        if constexpr (std::is_signed_v<T>) {
            if (v & signBit) v = U(v | U(~mask));
        }
        p[i] = T(v);
    }
}
}  // namespace

void normalizeStoredBits(void* samples, core::PixelType type, std::size_t count, unsigned bitsStored,
                         unsigned highBit) {
    const unsigned bitsAllocated = unsigned(core::bytesPerVoxel(type) * 8);
    if (!core::isInteger(type) || bitsStored == 0 || (bitsStored >= bitsAllocated && highBit + 1 == bitsAllocated))
        return;
    if (highBit + 1 < bitsStored || highBit >= bitsAllocated) return;  // inconsistent header: leave as is
    switch (type) {
        case core::PixelType::Int8: normalize(static_cast<std::int8_t*>(samples), count, bitsStored, highBit); break;
        case core::PixelType::UInt8: normalize(static_cast<std::uint8_t*>(samples), count, bitsStored, highBit); break;
        case core::PixelType::Int16: normalize(static_cast<std::int16_t*>(samples), count, bitsStored, highBit); break;
        case core::PixelType::UInt16: normalize(static_cast<std::uint16_t*>(samples), count, bitsStored, highBit); break;
        case core::PixelType::Int32: normalize(static_cast<std::int32_t*>(samples), count, bitsStored, highBit); break;
        case core::PixelType::UInt32: normalize(static_cast<std::uint32_t*>(samples), count, bitsStored, highBit); break;
        default: break;
    }
}

void swapBytes(void* data, std::size_t count, std::size_t bytesPerSample) {
    auto* p = static_cast<std::uint8_t*>(data);
    if (bytesPerSample == 2) {
        for (std::size_t i = 0; i < count; ++i, p += 2) std::swap(p[0], p[1]);
    } else if (bytesPerSample == 4) {
        for (std::size_t i = 0; i < count; ++i, p += 4) { std::swap(p[0], p[3]); std::swap(p[1], p[2]); }
    }
}

void toNativeByteOrder(void* data, std::size_t bytes, std::size_t bytesPerSample, bool bigEndian, bool wordVr) {
    if (!bigEndian) return;
    if (bytesPerSample > 1) swapBytes(data, bytes / bytesPerSample, bytesPerSample);
    else if (wordVr) swapBytes(data, bytes / 2, 2);
}

void ybrFullToRgb(std::uint8_t* px, std::size_t pixelCount) {
    // The coefficients and float32 arithmetic of pydicom's convert_color_space (ITU T.871).
    const float crR = 1.402f, cbG = float(-0.114 * 1.772 / 0.587), crG = float(-0.299 * 1.402 / 0.587), cbB = 1.772f;
    for (std::size_t i = 0; i < pixelCount; ++i, px += 3) {
        const float y = px[0], cb = float(px[1]) - 128.0f, cr = float(px[2]) - 128.0f;
        const float rgb[3] = {y + 0.0f * cb + crR * cr, y + cbG * cb + crG * cr, y + cbB * cb + 0.0f * cr};
        for (int c = 0; c < 3; ++c) px[c] = std::uint8_t(std::clamp(std::floor(rgb[c] + 0.5f), 0.0f, 255.0f));
    }
}

void expandYbr422(const std::uint8_t* src, std::size_t rows, std::size_t columns, std::uint8_t* dst) {
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c + 1 < columns + 1; c += 2) {
            const std::uint8_t y1 = src[0], y2 = src[1], cb = src[2], cr = src[3];
            src += 4;
            dst[0] = y1; dst[1] = cb; dst[2] = cr;
            dst += 3;
            if (c + 1 < columns) { dst[0] = y2; dst[1] = cb; dst[2] = cr; dst += 3; }
        }
    }
}

void planarToInterleaved(const std::byte* src, std::size_t pixelCount, std::size_t samples,
                         std::size_t bytesPerSample, std::byte* dst) {
    for (std::size_t s = 0; s < samples; ++s) {
        const std::byte* plane = src + s * pixelCount * bytesPerSample;
        for (std::size_t i = 0; i < pixelCount; ++i)
            std::memcpy(dst + (i * samples + s) * bytesPerSample, plane + i * bytesPerSample, bytesPerSample);
    }
}

}  // namespace lumen::io::internal
