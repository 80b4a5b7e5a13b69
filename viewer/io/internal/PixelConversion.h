#pragma once
// Pixel-format conversions shared by the DICOM decoders. Plain C++, no toolkit.
#include "core/PixelType.h"

#include <cstddef>
#include <cstdint>

namespace lumen::io::internal {

// DICOM 1-bit data: the first pixel is the least significant bit of the first byte.
void unpackBits(const std::uint8_t* src, std::size_t firstBit, std::size_t count, std::uint8_t* dst);

// Keeps the BitsStored bits that end at HighBit (clearing overlay bits) and sign-extends
// signed data; a no-op when the stored bits fill the sample.
void normalizeStoredBits(void* samples, core::PixelType type, std::size_t count, unsigned bitsStored,
                         unsigned highBit);

void swapBytes(void* data, std::size_t count, std::size_t bytesPerSample);

// Native samples as read from a file → this machine's byte order. Big-endian files store OW
// values word by word, so 8-bit samples in OW come pairwise swapped.
void toNativeByteOrder(void* data, std::size_t bytes, std::size_t bytesPerSample, bool bigEndian, bool wordVr);

// Full-range YCbCr → RGB in place, with the float32 formula pydicom uses (so both agree).
void ybrFullToRgb(std::uint8_t* pixels, std::size_t pixelCount);

// Native YBR_FULL_422 (Y1 Y2 Cb Cr per pixel pair) → YBR_FULL, three bytes per pixel.
void expandYbr422(const std::uint8_t* src, std::size_t rows, std::size_t columns, std::uint8_t* dst);

// Colour-by-plane (RRR…GGG…BBB…) → colour-by-pixel (RGBRGB…).
void planarToInterleaved(const std::byte* src, std::size_t pixelCount, std::size_t samples,
                         std::size_t bytesPerSample, std::byte* dst);

}  // namespace lumen::io::internal
