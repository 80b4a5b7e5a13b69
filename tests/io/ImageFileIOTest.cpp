// NIfTI / NRRD / MetaImage through ITK: real data (mricron-data) placed as nibabel places it,
// and exact round trips.
#include "NiftiOracle.h"
#include "TestSupport.h"
#include "core/RealValues.h"
#include "io/ImageFileReader.h"
#include "io/ImageFileWriter.h"
#include "io/IoError.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

using namespace lumen;

namespace {

std::string templateFile(const char* name) { return std::string(test::kMricronTemplates) + "/" + name; }

void expectIdentical(const core::Volume& a, const core::Volume& b) {
    ASSERT_EQ(a.pixelType(), b.pixelType());
    ASSERT_EQ(a.timePoints(), b.timePoints());
    EXPECT_TRUE(a.geometry().isApprox(b.geometry(), 1e-4)) << "geometry changed";
    ASSERT_EQ(a.byteSize(), b.byteSize());
    EXPECT_EQ(std::memcmp(a.data(), b.data(), a.byteSize()), 0) << "voxels changed";
}

TEST(ImageFileReader, RealT1BrainAndAtlasSitWhereNibabelPutsThem) {
    test::TempDir dir("nibabel");
    const std::vector<std::string> files{templateFile("ch2.nii.gz"), templateFile("ch2bet.nii.gz"),
                                         templateFile("aal.nii.gz"), templateFile("JHU-WhiteMatter-labels-1mm.nii.gz")};
    const auto oracle = test::readWithNibabel(files, dir.path());
    ASSERT_EQ(oracle.size(), files.size());
    for (std::size_t f = 0; f < files.size(); ++f) {
        const core::Volume v = io::ImageFileReader::read(files[f]);
        const auto c = test::compareByPlacement(v, oracle[f]);
        std::printf("  %-40s %zu x %zu x %zu %s: max position error %.2g mm, %zu values differ\n", oracle[f].name.c_str(),
                    v.geometry().dims()[0], v.geometry().dims()[1], v.geometry().dims()[2],
                    core::pixelTypeName(v.pixelType()).c_str(), c.maxPositionErrorMm, c.differing);
        EXPECT_LE(c.maxPositionErrorMm, 1e-3) << files[f];
        EXPECT_EQ(c.differing, 0u) << files[f];
        EXPECT_EQ(c.compared, v.voxelCount());
    }
}

TEST(ImageFileWriter, RoundTripsAreExactInEveryFormat) {
    test::TempDir dir("roundtrip");
    const core::Volume brain = io::ImageFileReader::read(templateFile("ch2.nii.gz"));
    for (const char* ext : {".nii", ".nii.gz", ".nrrd", ".mha"}) {
        const std::string path = (dir / (std::string("brain") + ext)).string();
        io::ImageFileWriter::write(brain, path);
        expectIdentical(brain, io::ImageFileReader::read(path));
    }
}

TEST(ImageFileWriter, ObliqueFourDimensionalAndFloatVolumesRoundTrip) {
    test::TempDir dir("roundtrip-4d");
    const double c = std::cos(0.3), s = std::sin(0.3);
    const core::ImageGeometry g({7, 5, 3}, {0.5, 0.75, 2.0}, {10, -20, 30},
                                core::Matrix3(std::array<double, 9>{c, 0, s, 0, 1, 0, -s, 0, c}));
    core::Volume v = core::Volume::allocate(core::PixelType::Float32, g, 4);
    for (std::size_t i = 0; i < v.voxelCount(); ++i) v.as<float>()[i] = float(i) * 0.25f - 17.5f;
    for (const char* ext : {".nii.gz", ".nrrd", ".mha"}) {
        const std::string path = (dir / (std::string("v") + ext)).string();
        io::ImageFileWriter::write(v, path);
        expectIdentical(v, io::ImageFileReader::read(path));
    }
}

TEST(ImageFileWriter, RealValuesKeepHounsfieldUnits) {
    core::Volume ct = core::Volume::allocate(core::PixelType::UInt16, core::ImageGeometry({4, 4, 2}, {1, 1, 1}, {}));
    for (std::size_t i = 0; i < ct.voxelCount(); ++i) ct.as<std::uint16_t>()[i] = std::uint16_t(i * 100);
    ct.setRescale({1.0, -1024.0, "HU"});
    const core::Volume hu = core::toRealValues(ct);
    ASSERT_EQ(hu.pixelType(), core::PixelType::Int16) << "integer rescale of a 16-bit range stays int16";
    for (std::size_t i = 0; i < ct.voxelCount(); ++i) EXPECT_EQ(hu.realValue(i), ct.realValue(i));
    ct.setRescale({0.5, -1024.25, "HU"});
    const core::Volume real = core::toRealValues(ct);
    ASSERT_EQ(real.pixelType(), core::PixelType::Float32);
    for (std::size_t i = 0; i < ct.voxelCount(); ++i) EXPECT_FLOAT_EQ(float(real.realValue(i)), float(ct.realValue(i)));
}

TEST(ImageFileWriter, FailedWriteLeavesTheOldFileUntouched) {
    test::TempDir dir("atomic");
    const std::string path = (dir / "keep.nii.gz").string();
    const core::Volume brain = io::ImageFileReader::read(templateFile("ch2bet.nii.gz"));
    io::ImageFileWriter::write(brain, path);
    const std::string before = test::readText(path);
    EXPECT_THROW(io::ImageFileWriter::write(core::Volume(), path), io::IoError);
    EXPECT_EQ(test::readText(path), before);
    for (const auto& f : test::filesUnder(dir.path())) EXPECT_EQ(f.find("lumen-tmp"), std::string::npos) << f;
}

TEST(ImageFileReader, TruncatedCorruptAndMissingFilesGiveClearErrors) {
    // ITK alone pads short NIfTI and MetaImage files with zeros: Lumen must refuse them.
    test::TempDir dir("corrupt");
    EXPECT_THROW(io::ImageFileReader::read((dir / "absent.nii.gz").string()), io::IoError);
    const core::Volume brain = io::ImageFileReader::read(templateFile("ch2bet.nii.gz"));
    std::vector<std::string> broken;
    for (const char* ext : {".nii", ".nii.gz", ".nrrd", ".mha"}) {
        const std::string whole = (dir / (std::string("whole") + ext)).string();
        io::ImageFileWriter::write(brain, whole);
        const std::string bytes = test::readText(whole);
        for (double keep : {0.3, 0.9, 0.999}) {
            const std::string name = "cut" + std::to_string(int(keep * 1000)) + ext;
            std::ofstream(dir / name, std::ios::binary) << bytes.substr(0, std::size_t(double(bytes.size()) * keep));
            broken.push_back(name);
        }
    }
    std::ofstream(dir / "junk.nii", std::ios::binary) << std::string(400, 'x');
    broken.push_back("junk.nii");
    for (const auto& name : broken) {
        try {
            io::ImageFileReader::read((dir / name).string());
            ADD_FAILURE() << name << " was read";
        } catch (const io::IoError& e) {
            EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << "the error names the file: " << e.what();
            EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << "one line: " << e.what();
        }
    }
}

}  // namespace
