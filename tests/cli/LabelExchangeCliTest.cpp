// lumen-cli with label maps from other tools: render --overlay, rtstruct export|import, dataset
// export|import (nnU-Net v2 and MONAI). Oracles: dcm2niix (the images must be its files, voxel
// for voxel), nibabel (label maps on its NIfTI; check_nnunet.py: the layout nnU-Net documents),
// dciodvfy, and the labels' truth — every label is truth(image value) at its voxel
// (label_grids.py), so a round trip that moves a label off its voxel shows.
#include "TestSupport.h"
#include "core/GridMapping.h"
#include "io/ImageFileReader.h"
#include "io/ImageFileWriter.h"
#include "io/ImageLoader.h"
#include "io/LabelMapReader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>

using namespace lumen;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

test::CommandResult cli(const std::string& args) { return test::run(test::quote(test::lumenCli().string()) + " " + args); }

std::uint16_t truth(double value) { return std::uint16_t(((std::lround(value) % 5) + 5) % 5); }

// A pydicom series, dcm2niix's NIfTI of it, and nibabel's label maps on that NIfTI.
void makeCase(const fs::path& dir, const std::string& orientation) {
    ASSERT_EQ(test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("make_series.py")) + " " +
                        test::quote(dir / "dicom") + " " + orientation + " 2>/dev/null").exitCode, 0);
    fs::create_directories(dir / "nii");
    ASSERT_EQ(test::run("dcm2niix -z n -f series -o " + test::quote(dir / "nii") + " " + test::quote(dir / "dicom")).exitCode, 0);
    ASSERT_EQ(test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("label_grids.py")) + " " +
                        test::quote(dir / "nii/series.nii") + " " + test::quote(dir / "labels") + " 2>/dev/null").exitCode, 0);
}

// Every case of a training set: its labels are truth(image) voxel for voxel, and its image holds
// the DICOM series' values at the same places.
void expectTrainingSetHolds(const fs::path& set, const std::map<std::string, fs::path>& dicomByOrigin, std::size_t validation) {
    const json list = json::parse(test::readText(set / "datalist.json"));
    EXPECT_EQ(list["validation"].size(), validation) << set;
    std::size_t checked = 0;
    for (const char* split : {"training", "validation"})
        for (const auto& e : list[split]) {
            const core::Volume image = io::ImageFileReader::read((set / e["image"].get<std::string>()).string());
            const core::Volume labels = io::ImageFileReader::read((set / e["label"].get<std::string>()).string());
            ASSERT_TRUE(labels.geometry().isApprox(image.geometry(), 1e-4));
            std::size_t wrong = 0;
            for (std::size_t n = 0; n < image.voxelsPerFrame(); ++n) wrong += labels.storedValue(n) != truth(image.realValue(n));
            EXPECT_EQ(wrong, 0u) << set << " " << e["image"];
            const std::string origin = e["lumen"]["origin"];
            for (const auto& [key, dicom] : dicomByOrigin)
                if (origin.find(key) != std::string::npos) {
                    const core::Volume series = io::ImageLoader::load(dicom.string()).volume;
                    const auto m = core::GridMapping::between(image.geometry(), series.geometry());
                    ASSERT_NE(m.kind(), core::GridMapping::Kind::Resampled) << "same voxels, maybe reordered";
                    const core::Volume back = m.apply(image);
                    for (std::size_t n = 0; n < series.voxelsPerFrame(); ++n) ASSERT_EQ(back.realValue(n), series.realValue(n));
                    EXPECT_EQ(std::string(split) == "validation", key == "oblique");
                    ++checked;
                }
        }
    EXPECT_EQ(checked, dicomByOrigin.size());
}

class LabelMapOnDcm2niixNifti : public ::testing::TestWithParam<std::string> {};

TEST_P(LabelMapOnDcm2niixNifti, RendersAsOverlayAndGoesThroughAnRtStructVoxelForVoxel) {
    test::TempDir dir("cli-labels-" + GetParam());
    makeCase(dir.path(), GetParam());
    const std::string series = test::quote(dir / "dicom"), labels = test::quote(dir / "labels/same.nii.gz");
    // render --overlay: accepted without a warning, and the labels change the picture. (It needs
    // X: the release suite runs under Xvfb; the sanitizer run of this suite has no display.)
    if (std::getenv("DISPLAY")) {
        const auto r = cli("render " + series + " --view axial --size 160x160 --overlay " + labels + " --out " + test::quote(dir / "with.png"));
        ASSERT_EQ(r.exitCode, 0) << r.err;
        EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
        ASSERT_EQ(cli("render " + series + " --view axial --size 160x160 --out " + test::quote(dir / "without.png")).exitCode, 0);
        EXPECT_NE(test::readText(dir / "with.png"), test::readText(dir / "without.png"));
    }

    auto r = cli("rtstruct export --labels " + labels + " --source " + series + " --out " + test::quote(dir / "rs.dcm"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const auto& error : test::dciodvfyErrors((dir / "rs.dcm").string(), "RTStructureSet")) ADD_FAILURE() << error;
    r = cli("rtstruct import " + test::quote(dir / "rs.dcm") + " --source " + series + " --out " + test::quote(dir / "back.seg.nrrd"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const core::Volume image = io::ImageLoader::load((dir / "dicom").string()).volume;
    const core::LabelMap back = io::LabelMapReader::read((dir / "back.seg.nrrd").string(), image.geometry());
    std::size_t wrong = 0;
    for (std::size_t n = 0; n < image.voxelsPerFrame(); ++n) wrong += back.at(n) != truth(image.realValue(n));
    EXPECT_EQ(wrong, 0u) << "label map on dcm2niix's grid → RTSTRUCT → .seg.nrrd";
}

INSTANTIATE_TEST_SUITE_P(Orientations, LabelMapOnDcm2niixNifti, ::testing::Values("axial", "sagittal", "coronal", "oblique"));

TEST(DatasetCli, NnUnetFromDicomIsDcm2niixsFilesAndComesBackEqualThroughMonai) {
    test::TempDir dir("dataset");
    makeCase(dir / "axial", "axial");
    makeCase(dir / "oblique", "oblique");
    std::ofstream(dir / "names.txt") << "1 255 0 0 1 1 1 \"liver\"\n2 0 255 0 1 1 1 \"spleen\"\n3 0 0 255 1 1 1 \"kidney\"\n4 9 9 9 1 1 1 \"lesion\"\n";
    // The oblique case's labels come reoriented (PSL): they must land on the same voxels.
    auto r = cli("dataset export --out " + test::quote(dir / "nn") + " --name Abdomen --id 612 --channel T1 --label-table " +
                 test::quote(dir / "names.txt") + " --case " + test::quote(dir / "axial/dicom") + " " + test::quote(dir / "axial/labels/same.nii.gz") +
                 " --validation-case " + test::quote(dir / "oblique/dicom") + " " + test::quote(dir / "oblique/labels/perm_PSL.nii.gz"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const fs::path nn = dir / "nn/Dataset612_Abdomen";
    EXPECT_EQ(json::parse(r.out)["dataset"], nn.string());
    const auto check = test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("check_nnunet.py")) + " " +
                                 test::quote(nn) + " case_001=" + test::quote(dir / "axial/nii/series.nii") + " case_002=" +
                                 test::quote(dir / "oblique/nii/series.nii"));
    ASSERT_EQ(check.exitCode, 0) << check.err;
    const json verdict = json::parse(check.out);
    EXPECT_EQ(verdict["cases"], 2);
    for (const auto& e : verdict["errors"]) ADD_FAILURE() << e.get<std::string>();
    const json dataset = json::parse(test::readText(nn / "dataset.json"));
    EXPECT_EQ(dataset["labels"], json({{"background", 0}, {"liver", 1}, {"spleen", 2}, {"kidney", 3}, {"lesion", 4}}));
    EXPECT_EQ(dataset["channel_names"], json({{"0", "T1"}}));

    const std::map<std::string, fs::path> series = {{"axial", dir / "axial/dicom"}, {"oblique", dir / "oblique/dicom"}};
    r = cli("dataset import " + test::quote(nn) + " --into " + test::quote(dir / "set"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    expectTrainingSetHolds(dir / "set", series, 1);
    // The training set as a MONAI datalist, and back into another training set.
    r = cli("dataset export --format monai --training-set " + test::quote(dir / "set") + " --out " + test::quote(dir / "monai"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json datalist = json::parse(test::readText(dir / "monai/dataset.json"));
    EXPECT_EQ(datalist["training"].size(), 1u);
    EXPECT_EQ(datalist["validation"].size(), 1u);
    r = cli("dataset import " + test::quote(dir / "monai/dataset.json") + " --into " + test::quote(dir / "set2"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    expectTrainingSetHolds(dir / "set2", series, 1);
}

TEST(DatasetCli, NnUnetsConsecutiveLabelsGoBackToLumensValuesAndFailuresLeaveNothing) {
    test::TempDir dir("dataset-values");
    const core::ImageGeometry g({12, 10, 8}, {1.5, 1.5, 3}, {-9, -7, -12});
    core::Volume image = core::Volume::zeros(core::PixelType::Int16, g);
    core::Volume labels = core::Volume::zeros(core::PixelType::UInt8, g);
    for (std::size_t n = 0; n < g.voxelCount(); ++n) {
        image.as<std::int16_t>()[n] = std::int16_t(n);
        labels.as<std::uint8_t>()[n] = n % 3 == 0 ? 7 : n % 3 == 1 ? 3 : 0;
    }
    io::ImageFileWriter::write(image, (dir / "image.nii.gz").string());
    io::ImageFileWriter::write(labels, (dir / "labels.nii.gz").string());
    std::ofstream(dir / "labels.json") << R"({"labels": [{"value": 3, "name": "cyst", "color": [10, 20, 30]}, {"value": 7, "name": "solid", "color": [200, 100, 0]}]})";
    // A second case brings a value below the first case's: the first case's file values stay.
    core::Volume second = core::Volume::zeros(core::PixelType::UInt8, g);
    for (std::size_t n = 0; n < g.voxelCount(); ++n) second.as<std::uint8_t>()[n] = n % 4 == 0 ? 1 : n % 4 == 1 ? 7 : 0;
    io::ImageFileWriter::write(second, (dir / "second.nii.gz").string());
    std::ofstream(dir / "second.json") << R"({"labels": [{"value": 1, "name": "vessel", "color": [0, 0, 200]}, {"value": 7, "name": "solid", "color": [200, 100, 0]}]})";
    auto r = cli("dataset export --out " + test::quote(dir / "nn") + " --case " + test::quote(dir / "image.nii.gz") + " " +
                 test::quote(dir / "labels.nii.gz") + " --case " + test::quote(dir / "image.nii.gz") + " " + test::quote(dir / "second.nii.gz"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const fs::path nn = dir / "nn/Dataset501_Lumen";
    EXPECT_EQ(json::parse(test::readText(nn / "dataset.json"))["labels"], json({{"background", 0}, {"cyst", 1}, {"solid", 2}, {"vessel", 3}}));
    const core::Volume file = io::ImageFileReader::read((nn / "labelsTr/case_001.nii.gz").string());
    EXPECT_EQ(file.storedValue(0), 2);
    EXPECT_EQ(file.storedValue(1), 1);
    const core::Volume file2 = io::ImageFileReader::read((nn / "labelsTr/case_002.nii.gz").string());
    EXPECT_EQ(file2.storedValue(0), 3);
    EXPECT_EQ(file2.storedValue(1), 2);
    const auto check = test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("check_nnunet.py")) + " " + test::quote(nn));
    EXPECT_EQ(json::parse(check.out)["errors"], json::array()) << check.out;
    r = cli("dataset import " + test::quote(nn) + " --into " + test::quote(dir / "set"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json out = json::parse(r.out);
    EXPECT_EQ(out["labels"], json::parse(R"([{"name": "vessel", "value": 1}, {"name": "cyst", "value": 3}, {"name": "solid", "value": 7}])"));
    const core::Volume back = io::ImageFileReader::read((dir / "set/cases/case-001/label.nii.gz").string());
    for (std::size_t n = 0; n < g.voxelCount(); ++n) ASSERT_EQ(back.storedValue(n), labels.storedValue(n));
    const core::Volume back2 = io::ImageFileReader::read((dir / "set/cases/case-002/label.nii.gz").string());
    for (std::size_t n = 0; n < g.voxelCount(); ++n) ASSERT_EQ(back2.storedValue(n), second.storedValue(n));

    // Into an existing folder, or with a label map elsewhere in space: an error, and no dataset.
    r = cli("dataset export --out " + test::quote(dir / "nn") + " --case " + test::quote(dir / "image.nii.gz") + " " + test::quote(dir / "labels.nii.gz"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
    core::Volume far = labels;
    far.setGeometry(core::ImageGeometry(g.dims(), g.spacing(), {4000, 0, 0}));
    io::ImageFileWriter::write(far, (dir / "far.nii.gz").string());
    r = cli("dataset export --format monai --out " + test::quote(dir / "m") + " --case " + test::quote(dir / "image.nii.gz") + " " +
            test::quote(dir / "labels.nii.gz") + " --case " + test::quote(dir / "image.nii.gz") + " " + test::quote(dir / "far.nii.gz"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("does not overlap"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "m"));
    EXPECT_FALSE(fs::exists(dir / "m.partial"));
}

}  // namespace
