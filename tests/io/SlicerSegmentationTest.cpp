// 3D Slicer's .seg.nrrd: Lumen's files read back (and by ITK) with every voxel, name and colour;
// a file in Slicer's own layout (written by tests/oracles/slicer_seg.py: two layers, overlapping
// segments) is read with the right names, colours and voxels; damaged files are clear errors.
// ITK-SNAP label descriptions round-trip too.
#include "TestSupport.h"
#include "io/ImageFileReader.h"
#include "io/IoError.h"
#include "io/LabelMapReader.h"
#include "io/SlicerSegmentation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

using namespace lumen;

namespace {

core::LabelMap obliqueLabels() {
    const double a = 0.4;
    const core::Matrix3 r(std::array<double, 9>{std::cos(a), 0, std::sin(a), 0, 1, 0, -std::sin(a), 0, std::cos(a)});
    core::LabelMap labels(core::ImageGeometry({17, 13, 9}, {0.7, 0.8, 2.5}, {-30.25, 12.5, 101.125}, r));
    labels.labels().set({1, "liver", {220, 120, 80, 255}});
    labels.labels().set({2, "lesion \"A\"", {255, 40, 40, 255}});
    labels.labels().set({7, "spleen", {90, 60, 200, 255}});
    for (std::size_t n = 0; n < labels.geometry().voxelCount(); ++n) labels.set(n, n % 5 == 0 ? 7 : n % 7 == 0 ? 1 : n % 11 == 0 ? 2 : 0);
    return labels;
}

}  // namespace

TEST(SlicerSegmentation, LumensFilesComeBackWithEveryVoxelNameAndColour) {
    test::TempDir dir("segnrrd");
    const core::LabelMap labels = obliqueLabels();
    const std::string path = (dir / "labels.seg.nrrd").string();
    io::SlicerSegmentation::write(labels, path);
    EXPECT_TRUE(io::SlicerSegmentation::isSegmentation(path));
    const auto back = io::SlicerSegmentation::read(path);
    EXPECT_EQ(back.overlaps, 0u);
    EXPECT_TRUE(back.labels.geometry().isApprox(labels.geometry(), 1e-9));
    EXPECT_EQ(back.labels.labels(), labels.labels());
    for (std::size_t n = 0; n < labels.geometry().voxelCount(); ++n) ASSERT_EQ(back.labels.at(n), labels.at(n));
    // ITK's NRRD reader (independent of Lumen's parser) sees the same grid and voxels.
    const core::Volume itk = io::ImageFileReader::read(path);
    EXPECT_TRUE(itk.geometry().isApprox(labels.geometry(), 1e-6));
    for (std::size_t n = 0; n < labels.geometry().voxelCount(); ++n) ASSERT_EQ(itk.storedValue(n), labels.at(n));
    // Slicer's keys for each segment, with its bounding box as the extent.
    const std::string text = test::readText(path);
    EXPECT_NE(text.find("Segment2_Name:=spleen"), std::string::npos);
    EXPECT_NE(text.find("Segment2_LabelValue:=7"), std::string::npos);
    EXPECT_NE(text.find("Segment0_Extent:=0 16 0 12 0 8"), std::string::npos);
}

TEST(SlicerSegmentation, SlicersTwoLayerLayoutIsReadWithOverlapsCounted) {
    test::TempDir dir("segnrrd-slicer");
    const std::string path = (dir / "Segmentation.seg.nrrd").string();
    ASSERT_EQ(test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("slicer_seg.py")) + " " + test::quote(path)).exitCode, 0);
    const auto seg = io::SlicerSegmentation::read(path);
    // Label value 1 is on both layers: segments are numbered 1..3 in file order.
    const auto& t = seg.labels.labels();
    ASSERT_EQ(t.size(), 3u);
    EXPECT_EQ(t.find(1)->name, "Liver");
    EXPECT_EQ(t.find(2)->name, "Spleen");
    EXPECT_EQ(t.find(3)->name, "Tumor");
    EXPECT_EQ(t.find(1)->color, (core::Rgba{221, 130, 101, 255}));
    EXPECT_EQ(t.find(3)->color, (core::Rgba{255, 255, 0, 255}));
    // Rows run along +y (LPS), columns along −x, as the header says.
    const auto& g = seg.labels.geometry();
    EXPECT_TRUE(g.axis(0).isApprox({0, 1, 0}, 1e-12));
    EXPECT_TRUE(g.axis(1).isApprox({-1, 0, 0}, 1e-12));
    EXPECT_TRUE(g.spacing().isApprox({1.5, 1.5, 2.5}, 1e-12));
    EXPECT_EQ(seg.labels.at(1, 0, 0), 1);
    EXPECT_EQ(seg.labels.at(7, 0, 3), 2);
    EXPECT_EQ(seg.labels.at(0, 0, 0), 0);
    EXPECT_EQ(seg.labels.at(5, 3, 2), 3) << "the tumour, on the later layer, wins where it overlaps the liver";
    EXPECT_EQ(seg.labels.at(6, 3, 2), 3) << "and the spleen";
    EXPECT_EQ(seg.labels.at(5, 1, 2), 1);
    EXPECT_EQ(seg.overlaps, 3u * 3u * 6u) << "tumour box i 4-6 × j 2-4 × 6 slices, all over liver or spleen";
    EXPECT_EQ(seg.labels.count(3), 3u * 3u * 6u);
    // Through LabelMapReader onto the same grid: a warning that says what happened.
    std::vector<std::string> warnings;
    const auto placed = io::LabelMapReader::read(path, g, &warnings);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("54 voxels belong to segments of more than one layer"), std::string::npos) << warnings[0];
    EXPECT_EQ(placed.labels(), seg.labels.labels());
}

TEST(SlicerSegmentation, DamagedFilesAreClearErrors) {
    test::TempDir dir("segnrrd-bad");
    const std::string good = (dir / "good.seg.nrrd").string();
    io::SlicerSegmentation::write(obliqueLabels(), good);
    const std::string text = test::readText(good);
    const auto writeVariant = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(dir / name, std::ios::binary) << bytes;
        return (dir / name).string();
    };
    EXPECT_THROW(io::SlicerSegmentation::read(writeVariant("cut.seg.nrrd", text.substr(0, text.size() - 40))), io::IoError);
    std::string layer = text;
    layer.replace(layer.find("Segment0_Layer:=0"), 17, "Segment0_Layer:=3");
    EXPECT_THROW(io::SlicerSegmentation::read(writeVariant("layer.seg.nrrd", layer)), io::IoError);
    std::string sizes = text;
    sizes.replace(sizes.find("sizes: 17 13 9"), 14, "sizes: 17 13 x");
    try {
        io::SlicerSegmentation::read(writeVariant("sizes.seg.nrrd", sizes));
        ADD_FAILURE() << "read a header with a bad size";
    } catch (const io::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("malformed"), std::string::npos) << e.what();
    }
}

TEST(ItkSnapLabels, WrittenDescriptionsReadBackWithNamesAndColours) {
    test::TempDir dir("itksnap");
    const core::LabelTable table = obliqueLabels().labels();
    const std::string path = (dir / "labels.txt").string();
    io::writeItkSnapLabels(table, path);
    const core::LabelTable back = io::LabelMapReader::readLabelDescription(path);
    ASSERT_EQ(back.size(), 3u);
    EXPECT_EQ(back.find(2)->name, "lesion 'A'") << "a double quote would end ITK-SNAP's name";
    EXPECT_EQ(back.find(7)->color, (core::Rgba{90, 60, 200, 255}));
    EXPECT_EQ(back.find(1)->name, "liver");
}
