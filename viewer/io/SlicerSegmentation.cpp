#include "io/SlicerSegmentation.h"

#include "core/AtomicFile.h"
#include "io/IoError.h"
#include "io/SystemMemory.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

namespace lumen::io {

namespace fs = std::filesystem;

namespace {

struct Header {
    std::map<std::string, std::string> fields;  // "key: value"
    std::map<std::string, std::string> keys;    // "key:=value"
    std::size_t dataOffset = 0;
};

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    const auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

Header parseHeader(const std::string& path, const std::string& bytes) {
    if (bytes.compare(0, 4, "NRRD") != 0) throw IoError(path, "not a NRRD file");
    Header h;
    std::size_t pos = bytes.find('\n');
    while (pos != std::string::npos && pos + 1 < bytes.size()) {
        const std::size_t end = bytes.find('\n', pos + 1);
        if (end == std::string::npos) throw IoError(path, "the NRRD header does not end");
        const std::string line = bytes.substr(pos + 1, end - pos - 1);
        pos = end;
        if (trim(line).empty()) {
            h.dataOffset = end + 1;
            return h;
        }
        if (line[0] == '#') continue;
        if (const auto kv = line.find(":="); kv != std::string::npos) h.keys[line.substr(0, kv)] = line.substr(kv + 2);
        else if (const auto f = line.find(": "); f != std::string::npos) h.fields[line.substr(0, f)] = trim(line.substr(f + 2));
    }
    h.dataOffset = bytes.size();  // a header-only file: "data file" names the voxels
    return h;
}

std::string field(const Header& h, const std::string& key, const std::string& path) {
    const auto it = h.fields.find(key);
    if (it == h.fields.end()) throw IoError(path, "the NRRD header has no \"" + key + "\"");
    return it->second;
}

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// "(a,b,c)" → vector; false for "none".
bool parseVector(const std::string& text, core::Vector3& v) {
    if (text == "none") return false;
    if (std::sscanf(text.c_str(), "(%lf,%lf,%lf)", &v.x, &v.y, &v.z) != 3) throw std::invalid_argument(text);
    return true;
}

// At most `needed` bytes: what the header's sizes hold, so that a small file that inflates
// without end (a gzip bomb) costs no more than the voxels it declares.
std::string gunzip(const std::string& path, const char* data, std::size_t size, std::size_t needed) {
    if (size > std::numeric_limits<uInt>::max()) throw IoError(path, "compressed voxels of more than 4 GB are not read");
    z_stream z{};
    if (inflateInit2(&z, 15 + 32) != Z_OK) throw IoError(path, "zlib failed");  // gzip or zlib header
    std::string out(needed, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    z.avail_in = static_cast<uInt>(size);
    int rc = Z_OK;
    while (rc == Z_OK && z.total_out < needed) {
        const std::size_t left = needed - z.total_out;
        z.next_out = reinterpret_cast<Bytef*>(out.data() + z.total_out);
        z.avail_out = static_cast<uInt>(std::min<std::size_t>(left, std::size_t(1) << 30));
        rc = inflate(&z, Z_NO_FLUSH);
    }
    const std::size_t produced = z.total_out;
    inflateEnd(&z);
    if (produced < needed && rc != Z_STREAM_END) throw IoError(path, "the compressed voxels are damaged or truncated");
    out.resize(produced);
    return out;
}

std::string gzip(const std::string& data) {
    z_stream z{};
    deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);  // level 1: label maps are mostly zeros
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::size_t typeSize(const std::string& type, bool& isSigned) {
    isSigned = false;
    if (type == "unsigned char" || type == "uchar" || type == "uint8" || type == "uint8_t") return 1;
    if (type == "signed char" || type == "int8" || type == "int8_t") return isSigned = true, 1;
    if (type == "unsigned short" || type == "ushort" || type == "uint16" || type == "uint16_t" || type == "unsigned short int") return 2;
    if (type == "short" || type == "short int" || type == "signed short" || type == "int16" || type == "int16_t") return isSigned = true, 2;
    if (type == "unsigned int" || type == "uint" || type == "uint32" || type == "uint32_t") return 4;
    if (type == "int" || type == "signed int" || type == "int32" || type == "int32_t") return isSigned = true, 4;
    return 0;
}

struct Segment {
    int index = 0;
    std::string name;
    core::Rgba color;
    long labelValue = 1;
    std::size_t layer = 0;
};

}  // namespace

bool SlicerSegmentation::isSegmentation(const std::string& path) {
    const std::string name = fs::path(path).filename().string();
    if (name.size() < 5 || name.compare(name.size() - 5, 5, ".nrrd") != 0) return false;
    std::ifstream in(path, std::ios::binary);
    std::string head(64 * 1024, '\0');
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(std::size_t(in.gcount()));
    const auto end = head.find("\n\n");
    return head.compare(0, 4, "NRRD") == 0 && head.substr(0, end).find("\nSegment0_") != std::string::npos;
}

SlicerSegmentation::Result SlicerSegmentation::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path, "cannot be read");
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Header h = parseHeader(path, bytes);
    try {
        bool isSigned = false;
        const std::size_t bytesPer = typeSize(field(h, "type", path), isSigned);
        if (!bytesPer) throw IoError(path, "voxel type \"" + field(h, "type", path) + "\" is not a label type");
        const int dimension = std::stoi(field(h, "dimension", path));
        const auto sizes = words(field(h, "sizes", path));
        if ((dimension != 3 && dimension != 4) || int(sizes.size()) != dimension) throw IoError(path, "a segmentation has 3 or 4 axes");
        const auto kinds = h.fields.count("kinds") ? words(field(h, "kinds", path)) : std::vector<std::string>{};
        const std::size_t layers = dimension == 4 ? std::stoul(sizes[0]) : 1;
        if (dimension == 4 && (kinds.empty() || kinds[0] == "domain" || kinds[0] == "space"))
            throw IoError(path, "a 4D segmentation has its layers (a list axis) first");
        core::ImageGeometry::Dims dims{};
        for (int a = 0; a < 3; ++a) dims[a] = std::stoul(sizes[std::size_t(a + dimension - 3)]);
        const std::size_t voxels = dims[0] * dims[1] * dims[2];
        if (voxels == 0 || layers == 0 || voxels > (std::size_t(1) << 34) / layers) throw IoError(path, "absurd sizes");

        // Space directions (one "none" for the list axis), origin, and LPS/RAS.
        std::vector<std::string> dirWords;
        {
            std::string d = field(h, "space directions", path);
            for (std::size_t p = 0; p < d.size();) {
                if (d[p] == ' ') { ++p; continue; }
                std::size_t e = d.find(d[p] == '(' ? ')' : ' ', p);
                if (d[p] == '(') {
                    if (e == std::string::npos) throw IoError(path, "a space direction without its closing parenthesis");
                    ++e;
                }
                dirWords.push_back(d.substr(p, e - p));
                p = e == std::string::npos ? d.size() : e;
            }
        }
        std::vector<core::Vector3> axes;
        for (const auto& w : dirWords) {
            core::Vector3 v;
            if (parseVector(w, v)) axes.push_back(v);
        }
        if (axes.size() != 3) throw IoError(path, "needs three space directions");
        core::Vector3 origin{};
        if (h.fields.count("space origin")) parseVector(field(h, "space origin", path), origin);
        const std::string space = h.fields.count("space") ? field(h, "space", path) : "left-posterior-superior";
        const bool ras = space == "right-anterior-superior" || space == "RAS";
        if (!ras && space != "left-posterior-superior" && space != "LPS") throw IoError(path, "space \"" + space + "\" is not LPS or RAS");
        core::Vector3 spacing;
        core::Matrix3 direction;
        for (int a = 0; a < 3; ++a) {
            core::Vector3 v = axes[std::size_t(a)];
            if (ras) v.x = -v.x, v.y = -v.y;
            spacing[a] = v.norm();
            direction.setColumn(a, v / spacing[a]);
        }
        if (ras) origin.x = -origin.x, origin.y = -origin.y;
        const core::ImageGeometry geometry(dims, spacing, origin, direction);

        // The voxels, attached or in "data file" (a file beside the header, as Slicer writes it).
        const std::size_t needed = voxels * layers * bytesPer;
        requireMemory(2 * needed, "reading this segmentation", path);
        std::string raw;
        const std::string encoding = h.fields.count("encoding") ? field(h, "encoding", path) : "raw";
        std::string data = bytes.substr(std::min(h.dataOffset, bytes.size()));
        if (h.fields.count("data file")) {
            const std::string name = field(h, "data file", path);
            if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos || name.find('%') != std::string::npos)
                throw IoError(path, "its data file \"" + name + "\" is not a file beside it");
            std::ifstream detached(fs::path(path).parent_path() / name, std::ios::binary);
            if (!detached) throw IoError(path, "its data file cannot be read");
            data.assign((std::istreambuf_iterator<char>(detached)), std::istreambuf_iterator<char>());
        }
        if (encoding == "gzip" || encoding == "gz") raw = gunzip(path, data.data(), data.size(), needed);
        else if (encoding == "raw") raw = std::move(data);
        else throw IoError(path, "encoding \"" + encoding + "\" is not supported (raw, gzip)");
        if (raw.size() < needed) throw IoError(path, "holds fewer voxels than its sizes say");
        const bool bigEndian = h.fields.count("endian") && field(h, "endian", path) == "big";
        const auto valueAt = [&](std::size_t n) -> long {
            const auto* p = reinterpret_cast<const unsigned char*>(raw.data()) + n * bytesPer;
            unsigned long u = 0;
            for (std::size_t b = 0; b < bytesPer; ++b) u |= static_cast<unsigned long>(p[bigEndian ? bytesPer - 1 - b : b]) << (8 * b);
            if (isSigned && (u >> (8 * bytesPer - 1))) return long(u) - (1L << (8 * bytesPer));
            return long(u);
        };

        // The segments; without Slicer's keys, every value of a plain label volume.
        std::vector<Segment> segments;
        for (int i = 0; h.keys.count("Segment" + std::to_string(i) + "_ID"); ++i) {
            const auto key = [&](const std::string& k, const std::string& fallback) {
                const auto it = h.keys.find("Segment" + std::to_string(i) + "_" + k);
                return it == h.keys.end() ? fallback : it->second;
            };
            Segment s;
            s.index = i;
            s.name = key("Name", key("ID", "Segment " + std::to_string(i + 1)));
            s.labelValue = std::stol(key("LabelValue", "1"));
            s.layer = std::stoul(key("Layer", "0"));
            double r = 0.5, g = 0.5, b = 0.5;
            std::istringstream(key("Color", "0.5 0.5 0.5")) >> r >> g >> b;
            const auto byte = [](double c) { return std::uint8_t(std::lround(std::clamp(c, 0.0, 1.0) * 255)); };
            s.color = {byte(r), byte(g), byte(b), 255};
            if (s.layer >= layers) throw IoError(path, "segment " + s.name + " is on layer " + std::to_string(s.layer) + " of " + std::to_string(layers));
            if (s.labelValue <= 0) throw IoError(path, "segment " + s.name + " has label value " + std::to_string(s.labelValue));
            segments.push_back(s);
        }
        if (segments.empty()) throw IoError(path, "no Segment0_ID: not a Slicer segmentation");
        std::map<long, int> valueCount;
        for (const auto& s : segments) ++valueCount[s.labelValue];
        const bool keepValues = std::all_of(valueCount.begin(), valueCount.end(), [](const auto& kv) { return kv.second == 1; }) &&
                                valueCount.rbegin()->first <= 65535;
        // (layer, file value) → Lumen's value.
        std::map<std::pair<std::size_t, long>, std::uint16_t> lumenValue;
        Result result;
        result.labels = core::LabelMap(geometry, segments.size() > 255 || (keepValues && valueCount.rbegin()->first > 255)
                                                     ? core::PixelType::UInt16 : core::PixelType::UInt8);
        for (const auto& s : segments) {
            const auto v = keepValues ? std::uint16_t(s.labelValue) : std::uint16_t(s.index + 1);
            lumenValue[{s.layer, s.labelValue}] = v;
            result.labels.labels().set({v, s.name, s.color});
        }
        for (std::size_t n = 0; n < voxels; ++n)
            for (std::size_t layer = 0; layer < layers; ++layer) {
                const long value = valueAt(n * layers + layer);
                if (value == 0) continue;
                const auto it = lumenValue.find({layer, value});
                if (it == lumenValue.end()) continue;  // a value no segment names
                result.overlaps += result.labels.at(n) != 0;
                result.labels.set(n, it->second);
            }
        return result;
    } catch (const IoError&) {
        throw;
    } catch (const std::exception& e) {
        throw IoError(path, std::string("malformed segmentation header (") + e.what() + ")");
    }
}

void SlicerSegmentation::write(const core::LabelMap& labels, const std::string& path) {
    if (labels.empty()) throw IoError(path, "there is no label map to write");
    const core::ImageGeometry& g = labels.geometry();
    const bool wide = labels.depth() == core::PixelType::UInt16;
    core::LabelTable table = labels.labels();
    for (const auto& [v, n] : labels.histogram())
        if (!table.find(v)) table.set({v, "Segment " + std::to_string(v), core::LabelTable::defaultColor(v)});
    std::ostringstream h;
    h.precision(17);
    h << "NRRD0004\n# Complete NRRD file format specification at:\n# http://teem.sourceforge.net/nrrd/format.html\n"
      << "type: " << (wide ? "unsigned short" : "unsigned char") << "\ndimension: 3\nspace: left-posterior-superior\n"
      << "sizes: " << g.dims()[0] << " " << g.dims()[1] << " " << g.dims()[2] << "\nspace directions:";
    for (int a = 0; a < 3; ++a) {
        const core::Vector3 v = g.axis(a) * g.spacing()[a];
        h << " (" << v.x << "," << v.y << "," << v.z << ")";
    }
    h << "\nkinds: domain domain domain\nencoding: gzip\n" << (wide ? "endian: little\n" : "")
      << "space origin: (" << g.origin().x << "," << g.origin().y << "," << g.origin().z << ")\n";
    h.precision(6);
    // Slicer's extents: each segment's bounding box in voxels ("0 -1 0 -1 0 -1" when empty).
    std::map<std::uint16_t, std::array<long, 6>> boxes;
    const auto& d = g.dims();
    for (std::size_t k = 0, n = 0; k < d[2]; ++k)
        for (std::size_t j = 0; j < d[1]; ++j)
            for (std::size_t i = 0; i < d[0]; ++i, ++n)
                if (const auto v = labels.at(n)) {
                    auto [it, fresh] = boxes.try_emplace(v, std::array<long, 6>{long(i), long(i), long(j), long(j), long(k), long(k)});
                    auto& b = it->second;
                    b[0] = std::min(b[0], long(i)), b[1] = std::max(b[1], long(i));
                    b[2] = std::min(b[2], long(j)), b[3] = std::max(b[3], long(j));
                    b[4] = std::min(b[4], long(k)), b[5] = std::max(b[5], long(k));
                }
    int i = 0;
    for (const auto& l : table.labels()) {
        const auto found = boxes.find(l.value);
        const std::array<long, 6> extent = found == boxes.end() ? std::array<long, 6>{0, -1, 0, -1, 0, -1} : found->second;
        const std::string k = "Segment" + std::to_string(i++) + "_";
        std::string name = l.name;
        std::replace(name.begin(), name.end(), '\n', ' ');
        h << k << "Color:=" << l.color.r / 255.0 << " " << l.color.g / 255.0 << " " << l.color.b / 255.0 << "\n"
          << k << "ColorAutoGenerated:=0\n" << k << "Extent:=" << extent[0] << " " << extent[1] << " " << extent[2] << " "
          << extent[3] << " " << extent[4] << " " << extent[5] << "\n"
          << k << "ID:=Segment_" << l.value << "\n" << k << "LabelValue:=" << l.value << "\n" << k << "Layer:=0\n"
          << k << "Name:=" << name << "\n" << k << "NameAutoGenerated:=0\n" << k << "Tags:=Segmentation.Status:inprogress|\n";
    }
    h << "Segmentation_ContainedRepresentationNames:=Binary labelmap|\nSegmentation_MasterRepresentation:=Binary labelmap\n"
      << "Segmentation_ReferenceImageExtentOffset:=0 0 0\n\n";
    std::string voxels(static_cast<const char*>(labels.voxels().data()), labels.voxels().byteSize());  // little-endian host
    core::writeFileAtomically(path, h.str() + gzip(voxels));
}

void writeItkSnapLabels(const core::LabelTable& labels, const std::string& path) {
    std::ostringstream out;
    out << "################################################\n# ITK-SnAP Label Description File\n"
        << "# File format: \n# IDX   -R-  -G-  -B-  -A--  VIS MSH  LABEL\n# Written by Lumen\n"
        << "################################################\n"
        << "    0     0    0    0        0  0  0    \"Clear Label\"\n";
    char line[64];
    for (const auto& l : labels.labels()) {
        std::string name = l.name;
        std::replace(name.begin(), name.end(), '"', '\'');
        std::replace(name.begin(), name.end(), '\n', ' ');
        std::snprintf(line, sizeof line, "%5u %5u %4u %4u        1  1  1    ", unsigned(l.value), unsigned(l.color.r), unsigned(l.color.g),
                      unsigned(l.color.b));
        out << line << '"' << name << "\"\n";
    }
    core::writeFileAtomically(path, out.str());
}

}  // namespace lumen::io
