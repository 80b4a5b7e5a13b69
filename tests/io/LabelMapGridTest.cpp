// Label maps made on other tools' grids. The oracle: dcm2niix turns a pydicom-written series
// into NIfTI, and nibabel writes label maps on that grid (and reoriented, coarser, far away)
// whose every voxel is truth(image value there). Lumen must put each label on the voxel whose
// image value it came from, and keep them through a DICOM SEG.
#include "TestSupport.h"
#include "core/GridMapping.h"
#include "io/DicomIndexer.h"
#include "io/DicomSegmentation.h"
#include "io/DicomSeriesLoader.h"
#include "io/ImageFileReader.h"
#include "io/IoError.h"
#include "io/LabelMapReader.h"
#include "io/SeriesAssembler.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace lumen;
namespace fs = std::filesystem;

namespace {

std::uint16_t truth(double value) { return std::uint16_t(((std::lround(value) % 5) + 5) % 5); }

struct GridCase {
    test::TempDir dir;
    io::ImageStack stack;
    core::Volume image;
    fs::path labels;

    explicit GridCase(const std::string& orientation) : dir("labelgrid-" + orientation) {
        const auto made = test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("make_series.py")) +
                                    " " + test::quote(dir / "dicom") + " " + orientation + " 2>/dev/null");
        EXPECT_EQ(made.exitCode, 0) << made.err;
        fs::create_directories(dir / "nii");
        const auto conv = test::run("dcm2niix -z n -f series -o " + test::quote(dir / "nii") + " " + test::quote(dir / "dicom"));
        EXPECT_EQ(conv.exitCode, 0) << conv.out << conv.err;
        labels = dir / "labels";
        const auto oracle = test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("label_grids.py")) +
                                      " " + test::quote(dir / "nii" / "series.nii") + " " + test::quote(labels) + " 2>&1");
        EXPECT_EQ(oracle.exitCode, 0) << oracle.out;
        const io::DicomIndex index = io::DicomIndexer::index({(dir / "dicom").string()});
        stack = io::SeriesAssembler::assemble(*index.allSeries().at(0)).at(0);
        image = io::DicomSeriesLoader::load(stack);
    }

    // Voxels whose label is not truth(image value).
    std::size_t misplaced(const core::LabelMap& l) const {
        std::size_t wrong = 0;
        for (std::size_t n = 0; n < image.voxelsPerFrame(); ++n) wrong += l.at(n) != truth(image.realValue(n));
        return wrong;
    }
};

class LabelMapOnDcm2niixGrid : public ::testing::TestWithParam<std::string> {};

TEST_P(LabelMapOnDcm2niixGrid, EveryLabelLandsOnItsVoxelAndSurvivesASeg) {
    GridCase c(GetParam());
    std::vector<std::string> warnings;
    const core::LabelMap labels = io::LabelMapReader::read((c.labels / "same.nii.gz").string(), c.image.geometry(), &warnings);
    EXPECT_TRUE(warnings.empty()) << warnings.front();
    EXPECT_TRUE(labels.geometry().isApprox(c.image.geometry(), 1e-6));
    EXPECT_EQ(c.misplaced(labels), 0u);
    // dcm2niix stores this series with its rows flipped: the reorder is not the identity, and
    // flipping Lumen's row axis gives dcm2niix's grid (what dataset export writes).
    const core::ImageGeometry dcm2niix = io::ImageFileReader::read((c.labels / "same.nii.gz").string()).geometry();
    EXPECT_EQ(core::GridMapping::between(dcm2niix, c.image.geometry()).kind(), core::GridMapping::Kind::Reordered);
    EXPECT_TRUE(core::flippedAxis(c.image.geometry(), 1).isApprox(dcm2niix, 1e-3));

    core::AnnotationSet set;
    set.seriesInstanceUid = c.stack.seriesUid;
    set.labels = labels;
    for (std::uint16_t v = 1; v < 5; ++v) set.labels.labels().set({v, "label " + std::to_string(v), core::LabelTable::defaultColor(v)});
    const std::string seg = (c.dir / "seg.dcm").string();
    io::DicomSegmentation::write(set, c.stack, seg);
    for (const auto& error : test::dciodvfyErrors(seg, "Segmentation")) ADD_FAILURE() << error;
    const core::AnnotationSet back = io::DicomSegmentation::read(seg, c.stack);
    EXPECT_EQ(c.misplaced(back.labels), 0u) << "label map → SEG → label map";
}

TEST_P(LabelMapOnDcm2niixGrid, ReorientedCopiesAreExactAndOtherGridsAreResampledOrRefused) {
    GridCase c(GetParam());
    for (const char* code : {"RAS", "LPS", "PSL", "SRP", "ILA"}) {
        std::vector<std::string> warnings;
        const auto l = io::LabelMapReader::read((c.labels / (std::string("perm_") + code + ".nii.gz")).string(), c.image.geometry(), &warnings);
        EXPECT_TRUE(warnings.empty()) << code;
        EXPECT_EQ(c.misplaced(l), 0u) << code;
    }

    std::vector<std::string> warnings;
    const auto coarse = io::LabelMapReader::read((c.labels / "coarse.nii.gz").string(), c.image.geometry(), &warnings);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("nearest neighbour"), std::string::npos) << warnings[0];
    std::ifstream in(c.labels / "points.json");
    const auto points = nlohmann::json::parse(in)["coarse"];
    ASSERT_GT(points.size(), 100u);
    std::size_t wrong = 0;
    for (const auto& p : points) {
        const core::Vector3 idx = c.image.geometry().worldToIndex({p[0].get<double>(), p[1].get<double>(), p[2].get<double>()});
        wrong += coarse.at(std::size_t(std::lround(idx.x)), std::size_t(std::lround(idx.y)), std::size_t(std::lround(idx.z))) != p[3].get<int>();
    }
    EXPECT_EQ(wrong, 0u) << "at the coarse grid's voxel centres";
    EXPECT_EQ(coarse.at(0, 0, 0), 0) << "outside the crop";

    try {
        io::LabelMapReader::read((c.labels / "disjoint.nii.gz").string(), c.image.geometry());
        ADD_FAILURE() << "a label map 5 m away was accepted";
    } catch (const io::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("does not overlap the image"), std::string::npos) << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(Orientations, LabelMapOnDcm2niixGrid, ::testing::Values("axial", "sagittal", "coronal", "oblique"));

}  // namespace
