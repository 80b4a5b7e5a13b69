#pragma once
#include "core/PixelType.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace lumen::io {

// The sample layout of a decoded frame.
struct FrameFormat {
    std::uint32_t rows = 0, columns = 0, samplesPerPixel = 1;
    core::PixelType sampleType = core::PixelType::UInt8;  // one sample (never Rgb24)
    std::string photometric;  // after decoding: MONOCHROME1, MONOCHROME2, RGB or PALETTE COLOR

    std::size_t frameSamples() const { return std::size_t(rows) * columns * samplesPerPixel; }
    std::size_t frameBytes() const { return frameSamples() * core::bytesPerVoxel(sampleType); }
};

// Every frame of a file as stored values (frames × rows × columns × samples, colour by pixel),
// the form pydicom's pixel_array gives, with YBR already turned into RGB.
struct DecodedFrames {
    FrameFormat format;
    std::uint32_t frames = 0;
    std::vector<std::byte> data;
};

}  // namespace lumen::io
