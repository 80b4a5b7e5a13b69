#include "io/internal/PayloadCheck.h"

#include "io/IoError.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <fstream>
#include <vector>

namespace lumen::io::internal {

void checkRawPayload(const std::string& path, std::uint64_t offset, std::uint64_t bytes) {
    std::error_code ec;
    const std::uint64_t size = std::filesystem::file_size(path, ec);
    if (ec) throw IoError(path, "cannot read: " + ec.message());
    if (size < offset + bytes)
        throw IoError(path, "file is truncated: the image data needs " + std::to_string(bytes) + " bytes, " +
                                std::to_string(size > offset ? size - offset : 0) + " are present");
}

void checkCompressedPayload(const std::string& path, std::uint64_t offset, std::uint64_t bytes, std::uint64_t inputBytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path, "cannot open");
    in.seekg(std::streamoff(offset));
    z_stream z{};
    if (inflateInit2(&z, 15 + 32) != Z_OK) throw IoError(path, "cannot start decompressing");  // zlib or gzip
    std::vector<unsigned char> input(1 << 16), output(1 << 18);
    std::uint64_t produced = 0;
    int status = Z_OK;
    // Until the stream has given what the header needs and a little more (so that a stream of just
    // that size reaches its end and checksum): a file that inflates far past that (a gzip bomb)
    // costs no more than the image it declares, which was checked against memory.
    const std::uint64_t enough = bytes + (1 << 16);
    std::uint64_t left = inputBytes ? inputBytes : std::numeric_limits<std::uint64_t>::max();  // compressed bytes still to read
    while (status != Z_STREAM_END && produced < enough) {
        if (z.avail_in == 0) {
            const std::uint64_t want = std::min<std::uint64_t>(input.size(), left);
            if (want) in.read(reinterpret_cast<char*>(input.data()), std::streamsize(want));
            const auto got = want ? std::uint64_t(in.gcount()) : 0;
            left -= got;
            z.avail_in = uInt(got);
            z.next_in = input.data();
            if (z.avail_in == 0) break;  // the stream ends before its end marker
        }
        z.next_out = output.data();
        z.avail_out = uInt(output.size());
        status = inflate(&z, Z_NO_FLUSH);
        produced += output.size() - z.avail_out;
        if (status != Z_OK && status != Z_STREAM_END) break;
    }
    const std::string message = z.msg ? z.msg : "";
    inflateEnd(&z);
    if (status != Z_STREAM_END && produced < enough)
        throw IoError(path, "compressed data is truncated or corrupt" + (message.empty() ? std::string() : " (" + message + ")"));
    if (produced < bytes)
        throw IoError(path, "compressed data holds " + std::to_string(produced) + " bytes, the header needs " +
                                std::to_string(bytes));
}

void checkNiftiHeader(const std::string& path) {
    unsigned char h[348] = {};
    const gzFile in = gzopen(path.c_str(), "rb");  // reads plain files as they are
    if (!in) throw IoError(path, "cannot open");
    const int got = gzread(in, h, sizeof h);
    gzclose(in);
    if (got != int(sizeof h)) return;  // ITK says what is wrong with a short file
    // Read as a NIfTI-1 header unless it says NIfTI-2 (540): ITK's NIfTI library trusts neither
    // the size field nor the magic to tell (fuzzing: it read both garbage and "n+2" as NIfTI-1),
    // and takes the byte order that makes dim[0] 0..7.
    std::int32_t size;
    std::memcpy(&size, h, 4);
    if (size == 540 || std::int32_t(__builtin_bswap32(std::uint32_t(size))) == 540) return;
    std::int16_t dim0;
    std::memcpy(&dim0, h + 40, 2);
    const bool swapped = dim0 < 0 || dim0 > 7;
    const auto value = [&](std::size_t at) {
        std::uint32_t bits;
        std::memcpy(&bits, h + at, 4);
        if (swapped) bits = __builtin_bswap32(bits);
        float f;
        std::memcpy(&f, &bits, 4);
        return f;
    };
    // pixdim[0..4] at 76 (qfac, the spacings, the time step; ITK reads no further), quatern_b..
    // qoffset_z at 256, srow_x/y/z at 280. Finite, and small enough that ITK's products of them
    // stay finite (1e6 mm is a kilometre).
    const auto sane = [](float v) { return std::isfinite(v) && std::abs(v) <= 1e6f; };
    for (std::size_t at : {76u, 80u, 84u, 88u, 92u})
        if (!sane(value(at))) throw IoError(path, "a NIfTI header whose voxel sizes are not plausible numbers");
    for (std::size_t at = 256; at < 328; at += 4)
        if (!sane(value(at))) throw IoError(path, "a NIfTI header whose orientation is not made of plausible numbers");
}

void checkMetaImageHeader(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    std::size_t read = 0;
    while (std::getline(in, line)) {
        read += line.size() + 1;
        if (read > (64u << 10)) break;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        const auto eq = line.find('=');
        std::string key = line.substr(0, eq);
        key.erase(key.find_last_not_of(" \t") + 1);
        key.erase(0, key.find_first_not_of(" \t"));
        const bool control = std::any_of(line.begin(), line.end(), [](char c) { return (unsigned char)c < 0x20 && c != '\t'; });
        if (eq == std::string::npos || key.empty() || key.size() > 64 || line.size() - eq > 1024 || control ||
            key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
            throw IoError(path, "not a MetaImage header: a line is not a short \"Key = value\"");
        // MetaIO reads NDims values for each axis field, as an unsigned count: "NDims = -15" had it
        // read four billion numbers (fuzzing: a hang).
        const std::string value = eq + 1 < line.size() ? line.substr(eq + 1) : std::string();
        const auto small = [&](int most) {
            char* end = nullptr;
            const long n = std::strtol(value.c_str(), &end, 10);
            return end != value.c_str() && n >= 1 && n <= most && value.find_first_not_of(" \t", std::size_t(end - value.c_str())) == std::string::npos;
        };
        if (key == "NDims" && !small(4)) throw IoError(path, "a MetaImage of NDims " + value + ": 1 to 4 axes are read");
        if (key == "ElementNumberOfChannels" && !small(256)) throw IoError(path, "a MetaImage of " + value + " channels: 1 to 256 are read");
        if (key == "ElementDataFile") return;
    }
    throw IoError(path, "a MetaImage header without ElementDataFile in its first 64 KB");
}

bool metaImageLayout(const std::string& path, std::uint64_t& dataOffset, bool& compressed,
                     std::uint64_t& compressedSize) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    compressed = false;
    compressedSize = 0;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        key.erase(key.find_last_not_of(" \t") + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        value.erase(value.find_last_not_of(" \t\r") + 1);
        if (key == "CompressedData") compressed = value == "True" || value == "true";
        if (key == "CompressedDataSize") compressedSize = std::strtoull(value.c_str(), nullptr, 10);
        if (key == "ElementDataFile") {
            dataOffset = std::uint64_t(in.tellg());
            if (value == "LOCAL" || value == "Local" || value == "local") return true;
            const bool oneSibling = !value.empty() && value != "LIST" &&
                                    value.find_first_of("%/\\ \t") == std::string::npos && value != "." && value != "..";
            if (!oneSibling) throw IoError(path, "its ElementDataFile is not LOCAL or one file beside the header (a list, a pattern or a path is not read)");
            return false;
        }
    }
    throw IoError(path, "a MetaImage header without ElementDataFile");
}

}  // namespace lumen::io::internal
