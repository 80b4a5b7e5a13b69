#pragma once
// ITK's NIfTI and MetaImage readers return short files padded with zeros instead of failing.
// These checks make a truncated or corrupt file an error before anyone sees its image.
#include <cstdint>
#include <string>

namespace lumen::io::internal {

// The voxel payload starts at `offset` and must hold `bytes` bytes; raw: the file must be
// long enough. Throws IoError otherwise.
void checkRawPayload(const std::string& path, std::uint64_t offset, std::uint64_t bytes);

// A zlib or gzip stream starting at `offset` must inflate to at least `bytes` bytes, checksum
// included when it ends within 64 KB after them; inflating stops there, so a stream that would
// expand without end is no burden. Throws IoError otherwise. Run it in parallel.
// `inputBytes`: the compressed data's length when the header says it (0: to the end of the file).
void checkCompressedPayload(const std::string& path, std::uint64_t offset, std::uint64_t bytes, std::uint64_t inputBytes = 0);

// Before ITK's MetaIO reads a MetaImage header: every line up to ElementDataFile is "Key = value"
// of text (no control characters: MetaIO stops a value at a NUL) with a short key and a value of
// reasonable length (MetaIO copies both into fixed buffers without looking: a long one crashed
// it), and NDims and ElementNumberOfChannels, which MetaIO takes as unsigned counts, are small.
// Throws IoError.
void checkMetaImageHeader(const std::string& path);

// Before ITK reads a NIfTI-1 header (.nii, .nii.gz): its spacings, quaternion and affine rows are
// finite and at most 1e6. ITK computes the orientation with vnl, which aborts the process on a
// NaN or an infinity, also one its own products make (fuzzing). Throws IoError; other headers
// (NIfTI-2, Analyze) are left to ITK.
void checkNiftiHeader(const std::string& path);

// MetaImage headers are text ending with "ElementDataFile = LOCAL": where the data starts
// and whether it is compressed. Returns false when the data lives in another file, which must
// then be one file beside the header (an .mhd's .raw): a list, a file-name pattern (whose step
// MetaIO divides by) or a path out of the header's folder throws IoError.
// `compressedSize` is the header's CompressedDataSize (0 when absent).
bool metaImageLayout(const std::string& path, std::uint64_t& dataOffset, bool& compressed,
                     std::uint64_t& compressedSize);

}  // namespace lumen::io::internal
