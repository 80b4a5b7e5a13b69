#pragma once
// Every DICOM file Lumen parses whole goes through here, so that a deflated one is bounded like
// any other. DCMTK inflates a Deflated Explicit VR Little Endian data set as a stream it cannot
// seek, so it allocates each element's declared length (up to 4 GB) before it reads it, and a
// small file can inflate without end (a decompression bomb). Here a deflated data set is
// inflated first, at most kMaxInflatedBytes, into an uncompressed scratch copy that DCMTK reads
// like any file (a length past the end of the data is then an error), loaded into memory whole,
// and deleted.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <cstdint>
#include <string>

namespace lumen::io::internal {

inline constexpr std::uint64_t kMaxInflatedBytes = std::uint64_t(1) << 30;

// Whether the file's meta information names Deflated Explicit VR Little Endian.
bool isDeflatedFile(const std::string& path);

// As DcmFileFormat::loadFile; throws IoError when a deflated data set expands past the limit, or
// when DCMTK throws (it lets a few standard exceptions through on malformed input).
OFCondition loadDicomFile(DcmFileFormat& file, const std::string& path, Uint32 maxReadLength = DCM_MaxReadLength,
                          E_FileReadMode mode = ERM_autoDetect);

}  // namespace lumen::io::internal
