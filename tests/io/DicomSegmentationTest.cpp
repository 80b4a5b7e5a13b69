// DICOM SEG: dciodvfy finds no errors, pydicom reads every frame at the position of the source
// slice it references with the right pixels, and Lumen → SEG → Lumen is voxel-exact.
#include "TestSupport.h"
#include "core/SyntheticCtGenerator.h"
#include "io/DicomSegmentation.h"
#include "io/DicomSeriesWriter.h"
#include "io/IoError.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

using namespace lumen;

namespace {

// An oblique synthetic CT series on disk and three labelled spheres on its grid.
struct ObliqueCase {
    test::TempDir dir{"seg"};
    io::ImageStack source;
    core::AnnotationSet set;

    ObliqueCase() {
        core::SyntheticCtGenerator::Options o;
        o.size = 48;
        o.slices = 16;
        o.pixelSpacing = 4;
        o.sliceSpacing = 6;
        core::Volume ct = core::SyntheticCtGenerator::generate(o);
        const double a = 0.35;
        const core::Matrix3 rx(std::array<double, 9>{1, 0, 0, 0, std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a)});
        ct.setGeometry(core::ImageGeometry(ct.geometry().dims(), ct.geometry().spacing(), {-90, -80, 30}, rx));
        io::DicomExportOptions options;
        options.modality = "CT";
        options.patient = {"P3", "Seg^Test", "", "O", {}};
        io::DicomSeriesWriter::write(ct, (dir / "ct").string(), options);
        source = io::DicomSegmentation::sourceStack((dir / "ct").string());
        set.labels = core::LabelMap(source.geometry);
        set.labels.labels().set({1, "liver", {220, 120, 80, 255}});
        set.labels.labels().set({2, "lesion", {255, 40, 40, 255}});
        set.labels.labels().set({5, "spleen", {90, 60, 200, 255}});
        const auto& g = source.geometry;
        const auto& d = g.dims();
        for (std::size_t k = 0; k < d[2]; ++k)
            for (std::size_t j = 0; j < d[1]; ++j)
                for (std::size_t i = 0; i < d[0]; ++i) {
                    const core::Point3 p = g.indexToWorld({double(i), double(j), double(k)});
                    const core::Point3 c = g.indexToWorld({24, 24, 8});
                    const double r = (p - c).norm();
                    if (r < 40) set.labels.set(i, j, k, r < 12 ? 2 : 1);
                    if ((p - g.indexToWorld({8, 10, 3})).norm() < 15) set.labels.set(i, j, k, 5);
                }
        core::SegmentInfo ai;
        ai.value = 2;
        ai.codingScheme = "SCT", ai.codeValue = "52988006", ai.codeMeaning = "Lesion";
        ai.provenance.source = "lesion-detector";
        ai.provenance.modelVersion = "1.0";
        ai.provenance.editedByUser = true;
        set.segments.push_back(ai);
    }
};

}  // namespace

TEST(DicomSeg, PassesDciodvfyAndRoundTripsVoxelExactOnAnObliqueSeries) {
    ObliqueCase c;
    const std::string seg = (c.dir / "seg.dcm").string();
    io::DicomSegmentation::write(c.set, c.source, seg);
    for (const auto& error : test::dciodvfyErrors(seg, "Segmentation")) ADD_FAILURE() << error;

    std::size_t overlaps = 99;
    const core::AnnotationSet back = io::DicomSegmentation::read(seg, c.source, &overlaps);
    EXPECT_EQ(overlaps, 0u);
    // Values become segment numbers 1..n in value order: 1 → 1, 2 → 2, 5 → 3.
    const std::map<std::uint16_t, std::uint16_t> number{{0, 0}, {1, 1}, {2, 2}, {5, 3}};
    for (std::size_t v = 0; v < c.set.labels.geometry().voxelCount(); ++v) ASSERT_EQ(back.labels.at(v), number.at(c.set.labels.at(v))) << v;
    EXPECT_EQ(back.labels.labels().find(3)->name, "spleen");
    const core::Rgba spleen = back.labels.labels().find(3)->color;
    EXPECT_NEAR(spleen.r, 90, 2);
    EXPECT_NEAR(spleen.g, 60, 2);
    EXPECT_NEAR(spleen.b, 200, 2);
    const core::SegmentInfo* lesion = back.segment(2);
    ASSERT_NE(lesion, nullptr);
    EXPECT_EQ(lesion->codeValue, "52988006");
    EXPECT_EQ(lesion->provenance.source, "lesion-detector");
    EXPECT_EQ(lesion->provenance.modelVersion, "1.0");
    EXPECT_TRUE(lesion->provenance.editedByUser) << "SEMIAUTOMATIC";
}

TEST(DicomSeg, PydicomSeesEachFrameAtItsSourceSliceWithItsPixels) {
    ObliqueCase c;
    const std::string seg = (c.dir / "seg.dcm").string();
    io::DicomSegmentation::write(c.set, c.source, seg);
    // pydicom: per frame, segment number, referenced source SOP instance, position, set pixels.
    const auto r = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import pydicom\n"
        "ds = pydicom.dcmread('" + seg + "')\n"
        "px = ds.pixel_array.reshape(int(ds.NumberOfFrames), ds.Rows, ds.Columns)\n"
        "print(ds.SOPClassUID, ds.SegmentationType, len(ds.SegmentSequence))\n"
        "for f, item in enumerate(ds.PerFrameFunctionalGroupsSequence):\n"
        "    n = item.SegmentIdentificationSequence[0].ReferencedSegmentNumber\n"
        "    sop = item.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID\n"
        "    x, y, z = item.PlanePositionSequence[0].ImagePositionPatient\n"
        "    print(n, sop, float(x), float(y), float(z), int(px[f].sum()))\n"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::istringstream lines(r.out);
    std::string sopClass, type;
    std::size_t segments = 0;
    lines >> sopClass >> type >> segments;
    EXPECT_EQ(sopClass, "1.2.840.10008.5.1.4.1.1.66.4");
    EXPECT_EQ(type, "BINARY");
    EXPECT_EQ(segments, 3u);
    std::map<std::string, std::size_t> sliceOf;
    for (std::size_t k = 0; k < c.source.frames.size(); ++k) sliceOf[c.source.instances[c.source.frames[k].instance].sopInstanceUid] = k;
    const std::uint16_t valueOf[] = {0, 1, 2, 5};
    const auto& g = c.source.geometry;
    std::size_t frames = 0, pixels = 0;
    for (std::size_t n; lines >> n;) {
        std::string sop;
        double x, y, z;
        std::size_t set;
        lines >> sop >> x >> y >> z >> set;
        ASSERT_TRUE(sliceOf.count(sop)) << "frame references an image outside the series: " << sop;
        const std::size_t k = sliceOf[sop];
        const core::Point3 expected = g.indexToWorld({0, 0, double(k)});
        EXPECT_LT((core::Point3{x, y, z} - expected).norm(), 1e-3) << "frame " << frames << " is not at its source slice " << k;
        std::size_t count = 0;
        for (std::size_t j = 0; j < g.dims()[1]; ++j)
            for (std::size_t i = 0; i < g.dims()[0]; ++i) count += c.set.labels.at(i, j, k) == valueOf[n];
        EXPECT_EQ(set, count) << "segment " << n << " slice " << k;
        ++frames;
        pixels += set;
    }
    EXPECT_GT(frames, 20u);
    EXPECT_EQ(pixels, c.set.labels.count(1) + c.set.labels.count(2) + c.set.labels.count(5));
}

TEST(DicomSeg, ASegOfAnotherSeriesOrACorruptFileIsAClearError) {
    ObliqueCase c;
    const std::string seg = (c.dir / "seg.dcm").string();
    io::DicomSegmentation::write(c.set, c.source, seg);
    // Another series: same size, other frame of reference and position.
    ObliqueCase other;
    try {
        io::DicomSegmentation::read(seg, other.source);
        FAIL() << "read onto another series";
    } catch (const io::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("frame of reference"), std::string::npos) << e.what();
    }
    // Truncated.
    std::string bytes = test::readText(seg);
    std::ofstream(c.dir / "cut.dcm", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    EXPECT_THROW(io::DicomSegmentation::read((c.dir / "cut.dcm").string(), c.source), io::IoError);
    // Not a SEG at all.
    EXPECT_THROW(io::DicomSegmentation::read(c.source.instances.front().filePath, c.source), io::IoError);
    // A label map of the wrong size is refused before anything is written.
    core::AnnotationSet wrong;
    wrong.labels = core::LabelMap(core::ImageGeometry({10, 10, 10}, {1, 1, 1}, {0, 0, 0}));
    EXPECT_THROW(io::DicomSegmentation::write(wrong, c.source, (c.dir / "wrong.dcm").string()), io::IoError);
    EXPECT_FALSE(std::filesystem::exists(c.dir / "wrong.dcm"));
}
