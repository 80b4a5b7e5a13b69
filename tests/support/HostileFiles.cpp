#include "HostileFiles.h"

#include <zlib.h>

#include <cstring>

namespace lumen::test {

std::string explicitElement(std::uint16_t group, std::uint16_t elem, const char* vr, std::string value) {
    if (value.size() & 1) value += vr[0] == 'U' && vr[1] == 'I' ? '\0' : ' ';
    std::string e(8, '\0');
    e[0] = char(group & 0xff), e[1] = char(group >> 8), e[2] = char(elem & 0xff), e[3] = char(elem >> 8);
    e[4] = vr[0], e[5] = vr[1], e[6] = char(value.size() & 0xff), e[7] = char(value.size() >> 8);
    return e + value;
}

namespace {
// Preamble, "DICM" and a meta group naming Secondary Capture instance 1.2.3.4 in `syntax`.
std::string part10Head(const char* syntax) {
    const std::string version("\x02\x00\x01\x00OB\x00\x00\x02\x00\x00\x00\x00\x01", 14);  // OB: a 4-byte length
    const std::string meta = version + explicitElement(0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.7") +
                             explicitElement(0x0002, 0x0003, "UI", "1.2.3.4") + explicitElement(0x0002, 0x0010, "UI", syntax);
    std::string groupLength = explicitElement(0x0002, 0x0000, "UL", std::string(4, '\0'));
    const auto n = std::uint32_t(meta.size());
    std::memcpy(&groupLength[8], &n, 4);
    return std::string(128, '\0') + "DICM" + groupLength + meta;
}

std::string sopElements() {
    return explicitElement(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7") + explicitElement(0x0008, 0x0018, "UI", "1.2.3.4");
}
}  // namespace

namespace {
// `head` compressed, then `mebibytes` MiB of zeros by repeating one flushed block; `windowBits` as
// deflateInit2's (negative: raw deflate, +16: gzip).
std::string zeroBomb(const std::string& head, unsigned mebibytes, int windowBits, bool finish) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, windowBits, 9, Z_DEFAULT_STRATEGY);
    const auto compress = [&](const std::string& in, int flush) {
        std::string out(in.size() + 1024, '\0');
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data())), z.avail_in = uInt(in.size());
        z.next_out = reinterpret_cast<Bytef*>(out.data()), z.avail_out = uInt(out.size());
        deflate(&z, flush);
        out.resize(out.size() - z.avail_out);
        return out;
    };
    std::string deflated = compress(head, Z_FULL_FLUSH);
    const std::string zeros = compress(std::string(1 << 20, '\0'), Z_FULL_FLUSH);
    for (unsigned i = 0; i < mebibytes; ++i) deflated += zeros;
    if (finish) deflated += compress("", Z_FINISH);
    deflateEnd(&z);
    return deflated;
}
}  // namespace

std::string deflateBomb(unsigned mebibytes) {
    std::string dataSet = sopElements();
    dataSet += std::string("\x09\x00\x10\x10OB\x00\x00\xff\xff\xff\xfe", 12);  // (0009,1010) OB, a value of 4 GB - 2
    return part10Head("1.2.840.10008.1.2.1.99") + zeroBomb(dataSet, mebibytes, -MAX_WBITS, true);
}

std::string gzipBomb(const std::string& head, unsigned mebibytes) { return zeroBomb(head, mebibytes, MAX_WBITS + 16, false); }

std::string nestedSequences(int depth, bool insideUnknown) {
    std::string file = part10Head("1.2.840.10008.1.2.1") + sopElements();
    const std::string item("\xfe\xff\x00\xe0\xff\xff\xff\xff", 8);
    const std::string close("\xfe\xff\x0d\xe0\x00\x00\x00\x00\xfe\xff\xdd\xe0\x00\x00\x00\x00", 16);
    // (0008,1115) Referenced Series Sequence, undefined length: explicit, or implicit inside UN.
    const std::string open = insideUnknown ? std::string("\x08\x00\x15\x11\xff\xff\xff\xff", 8) + item
                                           : std::string("\x08\x00\x15\x11SQ\x00\x00\xff\xff\xff\xff", 12) + item;
    file.reserve(file.size() + std::size_t(depth) * (open.size() + close.size()) + 64);
    if (insideUnknown) file += std::string("\x09\x00\x10\x10UN\x00\x00\xff\xff\xff\xff", 12) + item;  // (0009,1010) UN
    for (int i = 0; i < depth; ++i) file += open;
    for (int i = 0; i < depth; ++i) file += close;
    if (insideUnknown) file += close;
    return file;
}

}  // namespace lumen::test
