// RT Structure Sets: dciodvfy finds no errors; pydicom + PIL rasterise the contours
// independently (Dice ≥ 0.98 per ROI against the label map they came from, a hollow structure
// keeps its hole); Lumen reads them back voxel for voxel; wrong frames of reference and
// contours off the slices are clear errors or warnings.
#include "TestSupport.h"
#include "core/SyntheticCtGenerator.h"
#include "io/DicomRtStructure.h"
#include "io/DicomSegmentation.h"
#include "io/DicomSeriesWriter.h"
#include "io/IoError.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace lumen;

namespace {

// A tilted synthetic CT and four structures: a hollow shell (a ring on its middle slices), an
// organ beside it, a PTV with a GTV inside, all on the series' grid.
struct RtCase {
    test::TempDir dir{"rtstruct"};
    io::ImageStack source;
    core::AnnotationSet set;

    RtCase() {
        core::SyntheticCtGenerator::Options o;
        o.size = 96;
        o.slices = 20;
        o.pixelSpacing = 2;
        o.sliceSpacing = 3;
        core::Volume ct = core::SyntheticCtGenerator::generate(o);
        const double a = 0.3;
        const core::Matrix3 rx(std::array<double, 9>{1, 0, 0, 0, std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a)});
        ct.setGeometry(core::ImageGeometry(ct.geometry().dims(), ct.geometry().spacing(), {-96, -90, 40}, rx));
        io::DicomExportOptions options;
        options.modality = "CT";
        options.patient = {"RT1", "Structure^Test", "", "F", {}};
        io::DicomSeriesWriter::write(ct, (dir / "ct").string(), options);
        source = io::DicomSegmentation::sourceStack((dir / "ct").string());
        set.seriesInstanceUid = source.seriesUid;
        set.labels = core::LabelMap(source.geometry);
        set.labels.labels().set({1, "Heart shell", {220, 120, 80, 255}});
        set.labels.labels().set({2, "Lung_L", {90, 160, 250, 255}});
        set.labels.labels().set({4, "PTV_60", {255, 0, 255, 255}});
        set.labels.labels().set({5, "GTV", {255, 0, 0, 255}});
        const auto& g = source.geometry;
        const auto& d = g.dims();
        const core::Point3 centre = g.indexToWorld({30, 40, 10}), lung = g.indexToWorld({70, 50, 9}), ptv = g.indexToWorld({50, 75, 12});
        for (std::size_t k = 0; k < d[2]; ++k)
            for (std::size_t j = 0; j < d[1]; ++j)
                for (std::size_t i = 0; i < d[0]; ++i) {
                    const core::Point3 p = g.indexToWorld({double(i), double(j), double(k)});
                    const double r = (p - centre).norm();
                    if (r < 28 && r > 14) set.labels.set(i, j, k, 1);
                    if ((p - lung).norm() < 22) set.labels.set(i, j, k, 2);
                    if ((p - ptv).norm() < 18) set.labels.set(i, j, k, (p - ptv).norm() < 9 ? 5 : 4);
                }
    }
};

}  // namespace

TEST(DicomRtStructure, ValidForDciodvfyAndRasterisedByPilAsTheLabelMap) {
    RtCase c;
    const std::string rt = (c.dir / "rtstruct.dcm").string();
    io::DicomRtStructure::write(c.set, c.source, rt);
    for (const auto& error : test::dciodvfyErrors(rt, "RTStructureSet")) ADD_FAILURE() << error;

    const auto& d = c.source.geometry.dims();
    std::vector<std::uint16_t> truth(c.source.geometry.voxelCount());
    for (std::size_t n = 0; n < truth.size(); ++n) truth[n] = c.set.labels.at(n);
    std::ofstream(c.dir / "labels.u16", std::ios::binary).write(reinterpret_cast<const char*>(truth.data()), std::streamsize(truth.size() * 2));
    const auto py = test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("rtstruct_raster.py")) + " " +
                              test::quote(rt) + " " + test::quote(c.dir / "ct") + " " + test::quote(c.dir / "labels.u16") + " " +
                              std::to_string(d[0]) + " " + std::to_string(d[1]) + " " + std::to_string(d[2]));
    ASSERT_EQ(py.exitCode, 0) << py.err;
    const auto rois = nlohmann::json::parse(py.out)["rois"];
    ASSERT_EQ(rois.size(), 4u) << py.out;
    for (const auto& [name, roi] : rois.items()) {
        std::printf("  %-12s ROI %d: Dice %.4f (%d voxels labelled, %d rasterised by PIL)\n", name.c_str(), roi["number"].get<int>(),
                    roi["dice"].get<double>(), roi["truth"].get<int>(), roi["raster"].get<int>());
        EXPECT_GE(roi["dice"].get<double>(), 0.98) << name;
    }
    // pydicom sees the names, types and colours a planning system shows.
    const auto meta = test::run(std::string(test::kDebianPython) + " -c \"import pydicom; d=pydicom.dcmread('" + rt +
                                "'); print([(r.ROIName, o.RTROIInterpretedType, [int(x) for x in c.ROIDisplayColor]) for r, o, c in "
                                "zip(d.StructureSetROISequence, d.RTROIObservationsSequence, d.ROIContourSequence)])\"");
    EXPECT_EQ(meta.out, "[('Heart shell', 'ORGAN', [220, 120, 80]), ('Lung_L', 'ORGAN', [90, 160, 250]), ('PTV_60', 'PTV', [255, 0, 255]), "
                        "('GTV', 'GTV', [255, 0, 0])]\n") << meta.err;
}

TEST(DicomRtStructure, ReadBackVoxelForVoxelWithTheHoleAndNestedStructures) {
    RtCase c;
    const std::string rt = (c.dir / "rtstruct.dcm").string();
    io::DicomRtStructure::write(c.set, c.source, rt);
    const auto back = io::DicomRtStructure::read(rt, c.source);
    EXPECT_TRUE(back.warnings.empty());
    EXPECT_EQ(back.overlaps, 0u) << "the PTV holds the GTV as a hole: what the label map says";
    std::size_t wrong = 0;
    for (std::size_t n = 0; n < c.source.geometry.voxelCount(); ++n) wrong += back.set.labels.at(n) != c.set.labels.at(n);
    EXPECT_EQ(wrong, 0u);
    EXPECT_EQ(back.set.labels.labels(), c.set.labels.labels());
    // The middle of the shell is empty on its middle slice.
    EXPECT_EQ(back.set.labels.at(30, 40, 10), 0);
    EXPECT_EQ(c.set.labels.count(1), back.set.labels.count(1));
}

TEST(DicomRtStructure, AnotherFrameOfReferenceOrSeriesIsRefused) {
    RtCase c;
    const std::string rt = (c.dir / "rtstruct.dcm").string();
    io::DicomRtStructure::write(c.set, c.source, rt);
    // Another series of another frame of reference: refused, not drawn somewhere.
    RtCase other;
    try {
        io::DicomRtStructure::read(rt, other.source);
        ADD_FAILURE() << "read onto another frame of reference";
    } catch (const io::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("another frame of reference"), std::string::npos) << e.what();
    }
    EXPECT_THROW(io::DicomRtStructure::read((c.dir / "ct").string() + "/" + std::filesystem::directory_iterator(c.dir / "ct")->path().filename().string(), c.source),
                 io::IoError);
    core::AnnotationSet empty = c.set;
    empty.labels = core::LabelMap(c.source.geometry);
    EXPECT_THROW(io::DicomRtStructure::write(empty, c.source, (c.dir / "empty.dcm").string()), io::IoError);
    EXPECT_FALSE(std::filesystem::exists(c.dir / "empty.dcm"));
}
