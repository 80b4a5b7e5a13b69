// Label maps as atlases ship them: integer NIfTI with names (and colours) in a sidecar.
#include "TestSupport.h"
#include "io/ImageFileReader.h"
#include "io/ImageFileWriter.h"
#include "io/IoError.h"
#include "io/LabelMapReader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

using namespace lumen;

namespace {

std::string templateFile(const char* name) { return std::string(test::kMricronTemplates) + "/" + name; }

core::ImageGeometry smallGrid() { return core::ImageGeometry({4, 3, 2}, {1, 1, 2}, {0, 0, 0}, core::Matrix3::identity()); }

// A 4x3x2 int16 label map with values 0..5 in voxel order, beside `sidecar` as its .txt.
std::string writeSmallMap(const test::TempDir& dir, const std::string& sidecar, std::int16_t first = 0) {
    core::Volume v = core::Volume::zeros(core::PixelType::Int16, smallGrid());
    for (std::size_t i = 0; i < v.voxelsPerFrame(); ++i) v.as<std::int16_t>()[i] = std::int16_t(first + std::int16_t(i % 6));
    const std::string path = (dir / "map.nii.gz").string();
    io::ImageFileWriter::write(v, path);
    std::ofstream(dir / "map.nii.txt") << sidecar;
    return path;
}

TEST(LabelMapReader, AalAtlasOnTheT1BrainWithItsNamesAndColours) {
    const core::Volume t1 = io::ImageFileReader::read(templateFile("ch2.nii.gz"));
    const core::LabelMap aal = io::LabelMapReader::read(templateFile("aal.nii.gz"), t1.geometry());
    // AAL has 116 regions; every one is present in the map and named from aal.nii.txt.
    EXPECT_EQ(aal.histogram().size(), 116u);
    EXPECT_EQ(aal.labels().size(), 116u);
    ASSERT_NE(aal.labels().find(1), nullptr);
    EXPECT_EQ(aal.labels().find(1)->name, "Precentral_L");
    EXPECT_EQ(aal.labels().find(116)->name, "Vermis_10");
    // Colours from aal.nii.lut (planar R, G, B; bytes read with Python): label 3 is (203, 149, 149).
    const core::Rgba c3 = aal.labels().find(3)->color;
    EXPECT_EQ((std::array<int, 3>{c3.r, c3.g, c3.b}), (std::array<int, 3>{203, 149, 149}));
}

TEST(LabelMapReader, AnotherResolutionIsResampledWithAWarningAndAFarAwayMapIsRefused) {
    const core::Volume t1 = io::ImageFileReader::read(templateFile("ch2.nii.gz"));
    std::vector<std::string> warnings;
    const auto jhu = io::LabelMapReader::read(templateFile("JHU-WhiteMatter-labels-2mm.nii.gz"), t1.geometry(), &warnings);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("resampled onto the image's grid by nearest neighbour"), std::string::npos) << warnings[0];
    EXPECT_TRUE(jhu.fits(t1.geometry()));
    // Nearest neighbour keeps every tract (48 labels) and invents no value.
    const auto raw = io::ImageFileReader::read(templateFile("JHU-WhiteMatter-labels-2mm.nii.gz"));
    std::set<int> rawValues;
    for (std::size_t i = 0; i < raw.voxelsPerFrame(); ++i) if (raw.storedValue(i)) rawValues.insert(int(raw.storedValue(i)));
    std::set<int> values;
    for (const auto& [v, n] : jhu.histogram()) values.insert(v);
    EXPECT_EQ(values, rawValues);
    const core::ImageGeometry far({4, 3, 2}, {1, 1, 2}, {5000, 0, 0}, core::Matrix3::identity());
    EXPECT_THROW(io::LabelMapReader::read(templateFile("aal.nii.gz"), far), io::IoError);
}

TEST(LabelMapReader, ItkSnapDescriptionsGiveNamesAndColoursAndBadLinesAreSkipped) {
    test::TempDir dir("labels");
    const std::string path = writeSmallMap(dir,
                                           "# ITK-SnAP Label Description File\n"
                                           "    0     0    0    0        0  0  0    \"Clear Label\"\n"
                                           "    1   255    0    0        1  1  1    \"Liver\"\n"
                                           "    2     0  255    0        1  1  1    \"Left kidney\"\n"
                                           "    3   999    0    0        1  1  1    \"bad colour\"\n"
                                           "    4     1    2\n"
                                           "garbage line\n");
    const core::LabelMap map = io::LabelMapReader::read(path, smallGrid());
    EXPECT_EQ(map.labels().size(), 2u);
    EXPECT_EQ(map.labels().find(2)->name, "Left kidney");
    EXPECT_EQ(map.labels().find(1)->color.r, 255);
    EXPECT_EQ(map.labels().find(3), nullptr);
    EXPECT_EQ(map.histogram().at(5), 4u);  // values survive the int16 → uint16 conversion
}

TEST(LabelMapReader, NegativeValuesAreNotLabels) {
    test::TempDir dir("labels");
    const std::string path = writeSmallMap(dir, "1 one\n", -2);
    EXPECT_THROW(io::LabelMapReader::read(path, smallGrid()), io::IoError);
}

TEST(LabelMapReader, NoSidecarMeansAnEmptyTable) {
    EXPECT_TRUE(io::LabelMapReader::readSidecarTable(templateFile("ch2.nii.gz")).empty());
}

}  // namespace
