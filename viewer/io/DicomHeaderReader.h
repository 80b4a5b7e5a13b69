#pragma once
#include "io/DicomHeader.h"

#include <optional>
#include <string>

namespace lumen::io {

// Reads a DICOM file's header and stops before the pixel data (whose offset it records).
class DicomHeaderReader {
public:
    // std::nullopt: not a DICOM file (no "DICM" preamble and no plausible dataset start).
    // Throws IoError for a DICOM file that is unreadable, truncated in its header, or holds
    // values no image can have (NaN positions, zero rows, unsupported bit depths...).
    static std::optional<DicomHeader> read(const std::string& path);

    // Whether the first bytes of a file look like DICOM (preamble or a raw dataset).
    static bool looksLikeDicom(const std::string& path);
};

}  // namespace lumen::io
