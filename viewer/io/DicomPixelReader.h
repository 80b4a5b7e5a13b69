#pragma once
#include "core/InstanceRecord.h"
#include "core/PixelType.h"
#include "io/DecodedFrames.h"

#include <memory>
#include <string>
#include <vector>

namespace lumen::io {

// Decodes the frames of one DICOM file with DCMTK (native, deflate, JPEG baseline/extended/
// lossless, JPEG-LS, RLE) or OpenJPEG (JPEG 2000), to stored values: unused high bits
// cleared, signed data sign-extended, YBR converted to RGB, colour by pixel.
class DicomPixelReader {
public:
    // Throws IoError when the file is not a decodable image.
    explicit DicomPixelReader(const core::InstanceRecord& instance);
    explicit DicomPixelReader(const std::string& path);
    ~DicomPixelReader();
    DicomPixelReader(const DicomPixelReader&) = delete;
    DicomPixelReader& operator=(const DicomPixelReader&) = delete;

    std::uint32_t frameCount() const;
    // Decodes one frame into `out` (resized to fit) and says how its samples are laid out.
    FrameFormat decodeFrame(std::uint32_t frame, std::vector<std::byte>& out);
    // PALETTE COLOR images: the lookup table as 8-bit RGB, starting at index `firstMapped`.
    std::vector<core::Rgb8> palette(int& firstMapped) const;

    static DecodedFrames readAll(const std::string& path);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace lumen::io
