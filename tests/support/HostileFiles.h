#pragma once
// Files made to hurt, for the suites that check each is refused with a reason or read within
// bounds (io's readers, the PACS send): small files that would fill memory or the stack.
#include <cstdint>
#include <string>

namespace lumen::test {

// An explicit VR little endian element with a 2-byte length (value padded to even length).
std::string explicitElement(std::uint16_t group, std::uint16_t element, const char* vr, std::string value);

// A Part 10 file whose deflated data set inflates to `mebibytes` MiB: an OB element of zeros,
// compressed once with a full flush and its bytes repeated, so that the file stays small.
std::string deflateBomb(unsigned mebibytes);

// A Part 10 file (explicit little endian) whose sequences nest `depth` deep, 36 bytes a level.
// insideUnknown: inside one element of VR UN and undefined length, which DCMTK reads as a
// sequence in implicit VR (CP-246), the nested sequences then implicit too.
std::string nestedSequences(int depth, bool insideUnknown = false);

// A gzip stream of `head` followed by `mebibytes` MiB of zeros (without the gzip trailer: a
// reader that wanted all of it would find it truncated), ~1 KB a MiB.
std::string gzipBomb(const std::string& head, unsigned mebibytes);

}  // namespace lumen::test
