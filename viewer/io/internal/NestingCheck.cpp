#include "io/internal/NestingCheck.h"

#include "io/IoError.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

namespace lumen::io::internal {

namespace {

constexpr std::uint32_t kUndefined = 0xFFFFFFFF;
constexpr std::uint32_t kItem = 0xFFFEE000, kItemEnd = 0xFFFEE00D, kSequenceEnd = 0xFFFEE0DD, kPixelData = 0x7FE00010;

class Reader {
public:
    explicit Reader(const std::string& path) : in_(path, std::ios::binary) {
        in_.seekg(0, std::ios::end);
        size_ = std::uint64_t(in_.tellg());
        in_.seekg(0);
    }
    std::uint64_t size() const { return size_; }
    std::uint64_t pos() { return std::uint64_t(in_.tellg()); }
    bool read(void* out, std::size_t n) { return bool(in_.read(static_cast<char*>(out), std::streamsize(n))); }
    void seek(std::uint64_t to) {
        in_.clear();
        in_.seekg(std::streamoff(to));
    }

private:
    std::ifstream in_;
    std::uint64_t size_ = 0;
};

std::uint16_t u16(const unsigned char* p, bool big) { return big ? std::uint16_t(p[0] << 8 | p[1]) : std::uint16_t(p[1] << 8 | p[0]); }
std::uint32_t u32(const unsigned char* p, bool big) {
    return big ? std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3]
               : std::uint32_t(p[3]) << 24 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[1]) << 8 | p[0];
}

bool longLengthVr(const char vr[2]) {
    static const char* const vrs[] = {"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"};
    for (const char* v : vrs)
        if (vr[0] == v[0] && vr[1] == v[1]) return true;
    return false;
}

struct Encoding {
    bool explicitVr = true, bigEndian = false, deflated = false;
};

// The meta group (always explicit little endian) from `start`: where the data set begins and how.
Encoding readMeta(Reader& r, std::uint64_t& dataSetStart) {
    Encoding e;
    std::string syntax;
    for (;;) {
        const std::uint64_t at = r.pos();
        unsigned char h[8];
        if (!r.read(h, 8) || u16(h, false) != 0x0002) {
            r.seek(at);
            break;
        }
        const char vr[2] = {char(h[4]), char(h[5])};
        std::uint32_t length = u16(h + 6, false);
        if (longLengthVr(vr)) {
            unsigned char l[4];
            if (!r.read(l, 4)) break;
            length = u32(l, false);
        }
        if (length == kUndefined || r.pos() + length > r.size()) break;
        if (u16(h + 2, false) == 0x0010 && length < 128) {
            syntax.resize(length);
            r.read(syntax.data(), length);
            while (!syntax.empty() && (syntax.back() == '\0' || syntax.back() == ' ')) syntax.pop_back();
        } else {
            r.seek(r.pos() + length);
        }
    }
    dataSetStart = r.pos();
    if (syntax == "1.2.840.10008.1.2") e.explicitVr = false;
    if (syntax == "1.2.840.10008.1.2.2") e.bigEndian = true;
    if (syntax == "1.2.840.10008.1.2.1.99") e.deflated = true;
    return e;
}

}  // namespace

void checkNesting(const std::string& path, DataSetEncoding encoding) {
    Reader r(path);
    if (r.size() == 0) return;
    Encoding e;
    std::uint64_t start = 0;
    if (encoding == DataSetEncoding::FromFile) {
        char prefix[132] = {};
        const bool part10 = r.read(prefix, 132) && std::memcmp(prefix + 128, "DICM", 4) == 0;
        if (part10) {
            e = readMeta(r, start);
            if (e.deflated) return;  // checked once inflated (DicomFileLoad)
        } else {
            // A bare data set: explicit when bytes 4 and 5 look like a VR, as DCMTK guesses.
            r.seek(0);
            unsigned char h[6] = {};
            r.read(h, 6);
            e.explicitVr = h[4] >= 'A' && h[4] <= 'Z' && h[5] >= 'A' && h[5] <= 'Z';
        }
    }
    r.seek(start);
    // Open containers (sequences and items): where each ends (kUndefined: at its delimiter), and
    // whether its content is implicit VR: the content of an explicit VR element of VR UN and
    // undefined length is, and DCMTK reads it as a sequence (CP-246), so it is walked as one.
    struct Open {
        std::uint64_t end;
        bool implicitVr;
    };
    std::vector<Open> open;
    for (;;) {
        while (!open.empty() && open.back().end != kUndefined && r.pos() >= open.back().end) open.pop_back();
        const bool explicitVr = open.empty() ? e.explicitVr : !open.back().implicitVr;
        unsigned char h[8];
        if (!r.read(h, 8)) return;
        const std::uint32_t tag = std::uint32_t(u16(h, e.bigEndian)) << 16 | u16(h + 2, e.bigEndian);
        const bool delimiterOrItem = (tag >> 16) == 0xFFFE;
        std::uint32_t length = 0;
        bool sequence = false, unknown = false;
        if (delimiterOrItem || !explicitVr) {
            length = u32(h + 4, e.bigEndian);
        } else {
            const char vr[2] = {char(h[4]), char(h[5])};
            sequence = vr[0] == 'S' && vr[1] == 'Q';
            unknown = vr[0] == 'U' && vr[1] == 'N';
            if (longLengthVr(vr)) {
                unsigned char l[4];
                if (!r.read(l, 4)) return;
                length = u32(l, e.bigEndian);
            } else {
                length = u16(h + 6, e.bigEndian);
            }
        }
        const bool implicitInside = !explicitVr || (unknown && length == kUndefined);
        if (tag == kItemEnd || tag == kSequenceEnd) {
            if (!open.empty()) open.pop_back();
            continue;
        }
        if (open.empty() && tag == kPixelData) return;
        if (tag == kItem) {
            open.push_back({length == kUndefined ? kUndefined : r.pos() + length, !explicitVr});
        } else if (length == kUndefined) {
            open.push_back({kUndefined, implicitInside});  // a sequence, or encapsulated data (items of fragments)
        } else if (sequence || (!explicitVr && length >= 8)) {
            // Implicit VR: a value that starts with an item tag is a sequence.
            bool items = sequence;
            if (!items) {
                unsigned char peek[4];
                const std::uint64_t at = r.pos();
                items = r.read(peek, 4) && (std::uint32_t(u16(peek, e.bigEndian)) << 16 | u16(peek + 2, e.bigEndian)) == kItem;
                r.seek(at);
            }
            if (items) open.push_back({r.pos() + length, !explicitVr});
            else r.seek(r.pos() + length);
        } else {
            if (r.pos() + length > r.size()) return;  // DCMTK says what is wrong
            r.seek(r.pos() + length);
        }
        if (int(open.size()) > 2 * kMaxNesting)
            throw IoError(path, "its sequences nest more than " + std::to_string(kMaxNesting) + " levels deep: refused");
    }
}

}  // namespace lumen::io::internal
