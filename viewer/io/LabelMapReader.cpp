#include "io/LabelMapReader.h"

#include "io/ImageFileReader.h"
#include "io/IoError.h"
#include "io/SlicerSegmentation.h"

#include "core/GridMapping.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lumen::io {

namespace {

// "aal.nii.gz" → "aal.nii": mricron names its sidecars after the uncompressed file.
std::string sidecarBase(const std::string& path) {
    const std::string gz = ".gz";
    if (path.size() > gz.size() && path.compare(path.size() - gz.size(), gz.size(), gz) == 0)
        return path.substr(0, path.size() - gz.size());
    return path;
}

// One line of the file's format; false for comments, blanks and lines that do not fit it.
bool parseLine(const std::string& line, bool itkSnap, core::Label& label) {
    std::istringstream in(line);
    long value = 0;
    if (!(in >> value) || value <= 0 || value > 65535) return false;
    label.value = std::uint16_t(value);
    if (itkSnap) {
        const auto open = line.find('"');
        const auto close = open == std::string::npos ? open : line.find('"', open + 1);
        if (close == std::string::npos) return false;
        int r = 0, g = 0, b = 0;
        if (!(in >> r >> g >> b) || r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255) return false;
        label.color = {std::uint8_t(r), std::uint8_t(g), std::uint8_t(b), 255};
        label.name = line.substr(open + 1, close - open - 1);
    } else if (!(in >> label.name)) {
        return false;
    }
    return !label.name.empty();
}

}  // namespace

std::string LabelMapReader::sidecarTextPath(const std::string& labelMap) { return sidecarBase(labelMap) + ".txt"; }

core::LabelTable LabelMapReader::readSidecarTable(const std::string& path) {
    const std::string base = sidecarBase(path);
    return readLabelDescription(base + ".txt", base + ".lut");
}

core::LabelTable LabelMapReader::readLabelDescription(const std::string& textFile, const std::string& lutPath) {
    core::LabelTable table;
    std::ifstream text(textFile);
    if (!text) return table;
    std::array<std::uint8_t, 768> lut{};
    std::ifstream lutFile(lutPath, std::ios::binary);
    const bool hasLut = lutFile && lutFile.read(reinterpret_cast<char*>(lut.data()), lut.size()) && lutFile.gcount() == 768;
    std::vector<std::string> lines;
    for (std::string line; std::getline(text, line);)
        if (!line.empty() && line[0] != '#') lines.push_back(line);
    // ITK-SNAP quotes its names; mricron's names are single words.
    const bool itkSnap = std::any_of(lines.begin(), lines.end(), [](const auto& l) { return l.find('"') != std::string::npos; });
    for (const std::string& line : lines) {
        core::Label label;
        if (!parseLine(line, itkSnap, label)) continue;
        if (!itkSnap)
            label.color = hasLut && label.value < 256
                              ? core::Rgba{lut[label.value], lut[256 + label.value], lut[512 + label.value], 255}
                              : core::LabelTable::defaultColor(label.value);
        table.set(label);
    }
    return table;
}

core::LabelMap LabelMapReader::read(const std::string& path, const core::ImageGeometry& image, std::vector<std::string>* warnings) {
    if (SlicerSegmentation::isSegmentation(path)) {
        const SlicerSegmentation::Result slicer = SlicerSegmentation::read(path);
        if (slicer.overlaps && warnings)
            warnings->push_back(path + ": " + std::to_string(slicer.overlaps) +
                                " voxels belong to segments of more than one layer; Lumen keeps one label per voxel, the later segment's");
        return placeOnGrid(slicer.labels, image, path, warnings);
    }
    const core::Volume raw = ImageFileReader::read(path);
    if (raw.timePoints() != 1) throw IoError(path, "a label map has one time point");
    core::LabelMap labels = [&] {
        if (raw.pixelType() == core::PixelType::UInt8 || raw.pixelType() == core::PixelType::UInt16)
            return core::LabelMap::fromVolume(raw.withRescale({}));
        if (!core::isInteger(raw.pixelType())) throw IoError(path, "a label map holds integers");
        core::LabelMap converted(raw.geometry(), core::PixelType::UInt16);
        for (std::size_t i = 0; i < raw.voxelsPerFrame(); ++i) {
            const double v = raw.storedValue(i);
            if (v < 0 || v > 65535) throw IoError(path, "label values must be between 0 and 65535");
            converted.set(i, std::uint16_t(v));
        }
        return converted;
    }();
    labels.labels() = readSidecarTable(path);
    return placeOnGrid(labels, image, path, warnings);
}

core::LabelMap LabelMapReader::placeOnGrid(const core::LabelMap& labels, const core::ImageGeometry& image, const std::string& path,
                                           std::vector<std::string>* warnings) {
    const auto mapping = core::GridMapping::between(labels.geometry(), image);
    using Kind = core::GridMapping::Kind;
    if (mapping.kind() == Kind::Disjoint)
        throw IoError(path, "the label map does not overlap the image at all (label map: " + core::GridMapping::describe(labels.geometry()) +
                                "; image: " + core::GridMapping::describe(image) + ")");
    if (mapping.kind() == Kind::Resampled && warnings)
        warnings->push_back(path + ": the label map's grid (" + core::GridMapping::describe(labels.geometry()) +
                            ") is not the image's (" + core::GridMapping::describe(image) +
                            "); it was resampled onto the image's grid by nearest neighbour");
    return core::LabelMap::fromVolume(mapping.apply(labels.voxels()), labels.labels());  // shared when identical, else exact or nearest
}

}  // namespace lumen::io
