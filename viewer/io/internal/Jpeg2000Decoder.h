#pragma once
// JPEG 2000 frames decoded with OpenJPEG (DCMTK has no JPEG 2000 codec; GDCM aborts on some
// files, so it is not used in-process).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace lumen::io::internal {

struct Jpeg2000Image {
    std::uint32_t width = 0, height = 0, components = 0;
    unsigned precision = 0;
    bool isSigned = false;
    std::vector<std::int32_t> samples;  // interleaved, components per pixel
};

// Decodes a J2K codestream or JP2 file held in memory. Throws std::runtime_error with
// OpenJPEG's message on failure.
Jpeg2000Image decodeJpeg2000(const std::uint8_t* data, std::size_t size);

}  // namespace lumen::io::internal
