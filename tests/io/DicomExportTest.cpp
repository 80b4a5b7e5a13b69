// DICOM export: re-import gives the same voxels and geometry, dciodvfy finds no errors, and a
// failed export loses nothing.
#include "TestSupport.h"
#include "core/SyntheticCtGenerator.h"
#include "io/DemoStudy.h"
#include "io/DicomSeriesWriter.h"
#include "io/ImageFileReader.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace lumen;

namespace {

core::Volume reimport(const std::string& folder) { return io::ImageLoader::load(folder).volume; }

void expectValidDicom(const std::string& file, const std::string& iod) {
    for (const auto& error : test::dciodvfyErrors(file, iod)) ADD_FAILURE() << file << ": " << error;
}

TEST(DicomExport, RealBrainRoundTripsAsMrWithoutIodErrors) {
    test::TempDir dir("export-mr");
    const core::Volume brain = io::ImageFileReader::read(std::string(test::kMricronTemplates) + "/ch2.nii.gz");
    io::DicomExportOptions options;
    options.modality = "MR";
    options.patient = {"P1", "Test^Brain", "19700101", "F", {}};
    options.bodyPart = "HEAD";
    const auto result = io::DicomSeriesWriter::write(brain, (dir / "mr").string(), options);
    ASSERT_EQ(result.files.size(), brain.geometry().dims()[2]);
    EXPECT_TRUE(result.warnings.empty());
    const core::Volume back = reimport((dir / "mr").string());
    ASSERT_TRUE(back.geometry().isApprox(brain.geometry(), 1e-3)) << "geometry changed";
    for (std::size_t i = 0; i < brain.voxelCount(); ++i) ASSERT_EQ(back.realValue(i), brain.realValue(i)) << i;
    for (std::size_t k : {std::size_t(0), result.files.size() / 2, result.files.size() - 1}) expectValidDicom(result.files[k], "MRImage");
}

TEST(DicomExport, CtKeepsHounsfieldUnitsAndObliqueGeometry) {
    test::TempDir dir("export-ct");
    core::SyntheticCtGenerator::Options o;
    o.size = 48;
    o.slices = 12;
    o.pixelSpacing = 7.5;
    o.sliceSpacing = 30;
    core::Volume ct = core::SyntheticCtGenerator::generate(o);
    // Tilt the grid: double-angled oblique.
    const double a = 0.4, b = 0.25;
    const core::Matrix3 rx(std::array<double, 9>{1, 0, 0, 0, std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a)});
    const core::Matrix3 ry(std::array<double, 9>{std::cos(b), 0, std::sin(b), 0, 1, 0, -std::sin(b), 0, std::cos(b)});
    ct.setGeometry(core::ImageGeometry(ct.geometry().dims(), ct.geometry().spacing(), {12.5, -3.25, 40}, ry * rx));
    io::DicomExportOptions options;
    options.modality = "CT";
    options.patient = {"P2", "Test^Body", "", "M", {}};
    options.bodyPart = "CHEST";
    const auto result = io::DicomSeriesWriter::write(ct, (dir / "ct").string(), options);
    const core::Volume back = reimport((dir / "ct").string());
    ASSERT_TRUE(back.geometry().isApprox(ct.geometry(), 1e-3));
    EXPECT_EQ(back.rescale().units, "HU");
    for (std::size_t i = 0; i < ct.voxelCount(); ++i) ASSERT_EQ(back.realValue(i), ct.realValue(i)) << i;
    expectValidDicom(result.files.front(), "CTImage");
}

TEST(DicomExport, FourDimensionalVolumesComeBackAsTimePoints) {
    test::TempDir dir("export-4d");
    core::Volume v = core::Volume::allocate(core::PixelType::Int16, core::ImageGeometry({6, 5, 4}, {1, 1, 2}, {}), 3);
    for (std::size_t i = 0; i < v.voxelCount(); ++i) v.as<std::int16_t>()[i] = std::int16_t(i * 3 - 200);
    io::DicomExportOptions options;
    options.modality = "MR";
    options.patient.name = "Test^Dynamic";
    io::DicomSeriesWriter::write(v, (dir / "dyn").string(), options);
    const core::Volume back = reimport((dir / "dyn").string());
    ASSERT_EQ(back.timePoints(), 3u);
    for (std::size_t i = 0; i < v.voxelCount(); ++i) ASSERT_EQ(back.realValue(i), v.realValue(i));
}

TEST(DicomExport, FloatValuesAreQuantisedWithAWarning) {
    test::TempDir dir("export-float");
    core::Volume v = core::Volume::allocate(core::PixelType::Float32, core::ImageGeometry({8, 8, 2}, {1, 1, 1}, {}));
    for (std::size_t i = 0; i < v.voxelCount(); ++i) v.as<float>()[i] = float(i) * 0.37f - 5.0f;
    io::DicomExportOptions options;
    options.modality = "OT";
    const auto result = io::DicomSeriesWriter::write(v, (dir / "f").string(), options);
    ASSERT_FALSE(result.warnings.empty());
    const core::Volume back = reimport((dir / "f").string());
    const double step = (v.realRange().second - v.realRange().first) / 65535.0;
    for (std::size_t i = 0; i < v.voxelCount(); ++i) EXPECT_NEAR(back.realValue(i), v.realValue(i), step);
}

TEST(DicomExport, RefusesANonEmptyFolderAndLeavesItAlone) {
    test::TempDir dir("export-busy");
    std::filesystem::create_directories(dir / "busy");
    std::ofstream(dir / "busy" / "keep.txt") << "precious";
    const core::Volume v = core::Volume::zeros(core::PixelType::Int16, core::ImageGeometry({4, 4, 2}, {1, 1, 1}, {}));
    EXPECT_THROW(io::DicomSeriesWriter::write(v, (dir / "busy").string(), {}), io::IoError);
    EXPECT_EQ(test::filesUnder(dir / "busy").size(), 1u);
    EXPECT_EQ(test::readText(dir / "busy" / "keep.txt"), "precious");
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        EXPECT_EQ(e.path().filename().string().find("lumen-tmp"), std::string::npos);
}

}  // namespace

namespace {

// The demo study is written beside its folder and renamed into place: never half there.
TEST(DemoStudy, AppearsWholeOrNotAtAllAndIsNeverOverwritten) {
    test::TempDir dir("demo");
    const std::string demo = (dir / "demo").string();
    io::DemoStudy::write(demo, 3);
    EXPECT_TRUE(io::DemoStudy::exists(demo));
    EXPECT_THROW(io::DemoStudy::write(demo, 3), io::IoError) << "already there";
    const std::string busy = (dir / "busy").string();
    std::filesystem::create_directories(busy);
    std::ofstream(dir / "busy" / "notes.txt") << "mine";
    EXPECT_THROW(io::DemoStudy::write(busy, 3), io::IoError);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
    EXPECT_EQ(entries, 2u) << "no staging folder left behind";
    EXPECT_TRUE(std::filesystem::exists(dir / "busy" / "notes.txt"));
}

}  // namespace
