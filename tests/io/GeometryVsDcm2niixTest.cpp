// DICOM geometry against dcm2niix: series written by pydicom (independently of Lumen), turned
// into NIfTI by dcm2niix and read by nibabel. Lumen must put every voxel at the same place
// (within 1e-3 mm) with the same value.
#include "NiftiOracle.h"
#include "TestSupport.h"
#include "io/DicomIndexer.h"
#include "io/DicomSeriesLoader.h"
#include "io/SeriesAssembler.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <optional>

using namespace lumen;
namespace fs = std::filesystem;

namespace {

std::vector<test::NiftiVolume> runDcm2niix(const fs::path& dicom, const fs::path& out) {
    const auto r = test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("dcm2niix_nifti.py")) +
                             " " + test::quote(dicom) + " " + test::quote(out));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return test::readOracleVolumes(out);
}

struct Case {
    std::string name;
    std::string niftiSuffix;  // which dcm2niix output is the oracle
    double valueTolerance;    // 0 = identical; resampled cases allow rounding
    bool footprintEdges = false;  // sheared slices: partial edge voxels may differ
};

class GeometryVsDcm2niix : public ::testing::TestWithParam<Case> {};

TEST_P(GeometryVsDcm2niix, SameVoxelsAtTheSamePlaces) {
    const Case& tc = GetParam();
    test::TempDir dir("geometry-" + tc.name);
    const auto made = test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("make_series.py")) +
                                " " + test::quote(dir / "dicom") + " " + tc.name + " 2>/dev/null");
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const auto niftis = runDcm2niix(dir / "dicom", dir.path() / "oracle");
    ASSERT_FALSE(niftis.empty());

    const io::DicomIndex index = io::DicomIndexer::index({(dir / "dicom").string()});
    ASSERT_TRUE(index.errors.empty()) << index.errors.front().file << ": " << index.errors.front().reason;
    std::size_t matched = 0;
    for (const auto* series : index.allSeries()) {
        const auto stacks = io::SeriesAssembler::assemble(*series);
        ASSERT_EQ(stacks.size(), 1u) << tc.name << " should assemble into one stack per series";
        const core::Volume v = io::DicomSeriesLoader::load(stacks[0]);
        // The oracle volume: dcm2niix names files by series number; pick the one with our voxel count.
        for (const test::NiftiVolume& n : niftis) {
            const bool suffixOk = tc.niftiSuffix.empty() ? n.name.find("_Eq_") == std::string::npos &&
                                                               n.name.find("_Tilt_") == std::string::npos
                                                         : n.name.find(tc.niftiSuffix) != std::string::npos;
            if (!suffixOk || n.shape[0] * n.shape[1] * n.shape[2] != v.geometry().voxelCount()) continue;
            const double background = v.realRange().first;
            const auto c = test::compareByPlacement(v, n, tc.footprintEdges ? std::optional<double>(background) : std::nullopt);
            if (c.maxPositionErrorMm > 1e-3) continue;  // another series of the folder
            // At most the one partial voxel at each end of every sheared column.
            EXPECT_LE(c.edgeDisagreements, 2 * v.geometry().dims()[0] * v.geometry().dims()[2]);
            ++matched;
            std::printf("  %-18s %-40s %zu voxels, max position error %.2g mm, max value error %g, "
                        "%zu footprint-edge voxels differ\n", tc.name.c_str(),
                        n.name.substr(n.name.size() > 40 ? n.name.size() - 40 : 0).c_str(), c.compared,
                        c.maxPositionErrorMm, c.maxValueError, c.edgeDisagreements);
            EXPECT_LE(c.maxValueError, tc.valueTolerance) << n.name;
            for (const auto& w : stacks[0].warnings) std::printf("    warning: %s\n", w.c_str());
        }
    }
    EXPECT_EQ(matched, index.allSeries().size()) << "every series must match a dcm2niix volume";
}

INSTANTIATE_TEST_SUITE_P(Dcm2niix, GeometryVsDcm2niix,
                         ::testing::Values(Case{"axial", "", 0}, Case{"sagittal", "", 0}, Case{"coronal", "", 0},
                                           Case{"oblique", "", 0}, Case{"shuffled", "", 0}, Case{"interleaved", "", 0},
                                           Case{"ct_rescale", "", 0}, Case{"enhanced", "", 0},
                                           Case{"classic_multiframe", "", 0}, Case{"nonuniform", "_Eq_", 1.0},
                                           // dcm2niix truncates and takes the shear from the tilt
                                           // angle: ±2 on this data; the analytic test below holds
                                           // Lumen to ±0.5.
                                           Case{"tilted", "_Tilt_", 2.0, true}),
                         [](const auto& info) { return info.param.name; });

// Missing slices: dcm2niix stacks the acquired slices as if evenly spaced; Lumen keeps their
// true places and leaves the gap blank. Compare acquired slices one to one, in order.
TEST(GeometryVsDcm2niixMissing, AcquiredSlicesMatchAndTheGapIsBlank) {
    test::TempDir dir("geometry-missing");
    ASSERT_EQ(test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("make_series.py")) + " " +
                        test::quote(dir / "dicom") + " missing 2>/dev/null").exitCode, 0);
    const auto niftis = runDcm2niix(dir / "dicom", dir.path() / "oracle");
    const test::NiftiVolume* raw = nullptr;
    for (const auto& n : niftis)
        if (n.name.find("_Eq_") == std::string::npos) raw = &n;
    ASSERT_NE(raw, nullptr);
    const auto index = io::DicomIndexer::index({(dir / "dicom").string()});
    const auto stacks = io::SeriesAssembler::assemble(*index.allSeries().front());
    ASSERT_EQ(stacks.size(), 1u);
    ASSERT_EQ(stacks[0].missingSlices(), 1u);
    const core::Volume v = io::DicomSeriesLoader::load(stacks[0]);
    ASSERT_EQ(v.geometry().dims()[2], raw->shape[2] + 1);
    // In-plane mapping from the first slice (where both agree); then slice m ↔ Lumen slice m or m+1.
    std::size_t compared = 0;
    for (std::size_t k = 0, m = 0; k < v.geometry().dims()[2]; ++k) {
        if (stacks[0].frames[k].instance == io::StackFrame::kGap) {
            const double blank = v.realValueAt(0, 0, k);
            for (std::size_t i = 0; i < v.geometry().sliceVoxelCount(); ++i) ASSERT_EQ(v.realValue(k * v.geometry().sliceVoxelCount() + i), blank);
            continue;
        }
        for (std::size_t j = 0; j < v.geometry().dims()[1]; ++j)
            for (std::size_t i = 0; i < v.geometry().dims()[0]; ++i) {
                const core::Vector3 idx = raw->indexOf(v.geometry().indexToWorld({double(i), double(j), 0}));
                ASSERT_EQ(v.realValueAt(i, j, k), raw->at(std::lround(idx.x), std::lround(idx.y), long(m)));
                ++compared;
            }
        ++m;
    }
    EXPECT_EQ(compared, raw->data.size());
}

}  // namespace

// Tilt correction against the analytic truth: the generator's voxel values are linear in the
// acquired (u, v, k) indices, so resampling is exact up to rounding wherever a voxel lies
// inside the sheared slice it samples.
TEST(TiltCorrection, ResampledValuesAreExactOnLinearData) {
    test::TempDir dir("tilt-analytic");
    ASSERT_EQ(test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("make_series.py")) + " " +
                        test::quote(dir / "dicom") + " tilted 2>/dev/null").exitCode, 0);
    const auto index = io::DicomIndexer::index({(dir / "dicom").string()});
    const auto stacks = io::SeriesAssembler::assemble(*index.allSeries().front());
    ASSERT_EQ(stacks.size(), 1u);
    ASSERT_TRUE(stacks[0].needsResampling());
    const core::Volume v = io::DicomSeriesLoader::load(stacks[0]);
    const auto& g = v.geometry();
    std::size_t inside = 0;
    for (std::size_t k = 0; k < g.dims()[2]; ++k)
        for (std::size_t j = 0; j < g.dims()[1]; ++j)
            for (std::size_t i = 0; i < g.dims()[0]; ++i) {
                // make_series.py "tilted": slice k at (-12.5, 20.25 + 0.7 k, -30 + 2 k), axial, spacing 0.8 x 0.9.
                const core::Vector3 w = g.indexToWorld({double(i), double(j), double(k)});
                const double u = (w.x + 12.5) / 0.8, vRow = (w.y - 20.25 - 0.7 * double(k)) / 0.9;
                if (u < 0 || u > 39 || vRow < 0 || vRow > 31) continue;
                ++inside;
                EXPECT_NEAR(v.realValueAt(i, j, k), 7 * u + 13 * vRow + 31 * double(k) - 300, 0.5) << i << "," << j << "," << k;
            }
    // Each of the 40 x 24 columns samples the 31 mm span of its slice at 31 or 32 grid rows.
    EXPECT_GE(inside, 40u * 31u * 24u);
}
