// Series assembly rules, from hand-made instance records (no files needed), and the loader
// features they feed: position order over InstanceNumber, time points, palette, MONOCHROME1.
#include "TestSupport.h"
#include "io/DicomIndexer.h"
#include "io/DicomSeriesLoader.h"
#include "io/ImageLoader.h"
#include "io/SeriesAssembler.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstring>
#include <filesystem>

using namespace lumen;

namespace {

core::InstanceRecord slice(double z, int instanceNumber, std::array<double, 6> ori = {1, 0, 0, 0, 1, 0}) {
    core::InstanceRecord r;
    r.filePath = "slice" + std::to_string(instanceNumber) + "-" + std::to_string(z);
    r.hasPixelData = true;
    r.rows = 4;
    r.columns = 5;
    r.bitsAllocated = r.bitsStored = 16;
    r.highBit = 15;
    r.pixelRepresentation = 1;
    r.photometricInterpretation = "MONOCHROME2";
    r.instanceNumber = instanceNumber;
    r.orientation = ori;
    const core::Vector3 n = core::Vector3{ori[0], ori[1], ori[2]}.cross({ori[3], ori[4], ori[5]});
    r.position = core::Vector3{10, 20, 0} + n * z;
    r.pixelSpacing = std::array<double, 2>{0.5, 0.7};
    return r;
}

core::SeriesRecord seriesOf(std::vector<core::InstanceRecord> instances) {
    core::SeriesRecord s;
    s.seriesUid = "1.2.3";
    s.modality = "MR";
    s.instances = std::move(instances);
    return s;
}

std::vector<double> sliceZ(const io::ImageStack& stack) {
    std::vector<double> z;
    for (const auto& f : stack.frames) z.push_back(f.instance == io::StackFrame::kGap ? -1.0 : stack.instances[f.instance].position->z);
    return z;
}

TEST(SeriesAssembler, SortsAlongTheNormalNotByInstanceNumberOrFile) {
    auto stacks = io::SeriesAssembler::assemble(seriesOf({slice(4, 1), slice(0, 3), slice(2, 2), slice(6, 9)}));
    ASSERT_EQ(stacks.size(), 1u);
    EXPECT_EQ(sliceZ(stacks[0]), (std::vector<double>{0, 2, 4, 6}));
    EXPECT_EQ(stacks[0].geometry.dims()[2], 4u);
    EXPECT_DOUBLE_EQ(stacks[0].geometry.spacing().z, 2.0);
    EXPECT_DOUBLE_EQ(stacks[0].geometry.spacing().x, 0.7) << "PixelSpacing is row spacing, column spacing";
    EXPECT_DOUBLE_EQ(stacks[0].geometry.spacing().y, 0.5);
    EXPECT_TRUE(stacks[0].warnings.empty());
}

TEST(SeriesAssembler, SagittalStacksRunAlongTheirOwnNormal) {
    const std::array<double, 6> sag{0, 1, 0, 0, 0, -1};  // normal = row × col = -x (towards patient right)
    auto stacks = io::SeriesAssembler::assemble(seriesOf({slice(3, 1, sag), slice(0, 2, sag), slice(1.5, 3, sag)}));
    ASSERT_EQ(stacks.size(), 1u);
    EXPECT_EQ(stacks[0].geometry.orientationCode(), "PIR");
    EXPECT_NEAR(stacks[0].geometry.origin().x, 10.0, 1e-9);
    EXPECT_NEAR(stacks[0].geometry.indexToWorld({0, 0, 2}).x, 10.0 - 3.0, 1e-9);
}

TEST(SeriesAssembler, SplitsByOrientationAndSize) {
    auto odd = slice(0, 10);
    odd.rows = 8;
    auto stacks = io::SeriesAssembler::assemble(
        seriesOf({slice(0, 1), slice(1, 2), slice(0, 3, {0, 1, 0, 0, 0, -1}), slice(1, 4, {0, 1, 0, 0, 0, -1}), odd}));
    ASSERT_EQ(stacks.size(), 3u);
    std::size_t total = 0;
    for (const auto& s : stacks) total += s.frames.size();
    EXPECT_EQ(total, 5u);
}

TEST(SeriesAssembler, RepeatedPositionsWithTimeBecomeTimePoints) {
    std::vector<core::InstanceRecord> in;
    for (int t = 0; t < 3; ++t)
        for (int k = 0; k < 4; ++k) {
            auto r = slice(k * 2.0, t * 10 + k);
            r.triggerTime = 100.0 * (2 - t);  // later files, earlier times
            in.push_back(r);
        }
    auto stacks = io::SeriesAssembler::assemble(seriesOf(in));
    ASSERT_EQ(stacks.size(), 1u);
    EXPECT_EQ(stacks[0].timePoints, 3u);
    EXPECT_EQ(stacks[0].geometry.dims()[2], 4u);
    // Time point 0 is the earliest trigger time: the files of t = 2.
    EXPECT_EQ(*stacks[0].instances[stacks[0].frames[0].instance].triggerTime, 0.0);
}

TEST(SeriesAssembler, SeparateAcquisitionsAndEchoesBecomeSeparateStacks) {
    std::vector<core::InstanceRecord> in;
    for (int a = 1; a <= 2; ++a)
        for (int k = 0; k < 3; ++k) {
            auto r = slice(k, a * 10 + k);
            r.acquisitionNumber = a;
            in.push_back(r);
        }
    EXPECT_EQ(io::SeriesAssembler::assemble(seriesOf(in)).size(), 2u);
    for (auto& r : in) { r.echoNumber = *r.acquisitionNumber; r.acquisitionNumber.reset(); }
    EXPECT_EQ(io::SeriesAssembler::assemble(seriesOf(in)).size(), 2u);
}

TEST(SeriesAssembler, SequentialCtWithOneAcquisitionPerSliceStaysOneVolume) {
    std::vector<core::InstanceRecord> in;
    for (int k = 0; k < 5; ++k) {
        auto r = slice(k * 5.0, k + 1);
        r.acquisitionNumber = k + 1;
        in.push_back(r);
    }
    const auto stacks = io::SeriesAssembler::assemble(seriesOf(in));
    ASSERT_EQ(stacks.size(), 1u);
    EXPECT_EQ(stacks[0].geometry.dims()[2], 5u);
}

TEST(SeriesAssembler, MissingSlicesLeaveBlankGapsAtTheirTruePlace) {
    const auto stacks = io::SeriesAssembler::assemble(seriesOf({slice(0, 1), slice(2, 2), slice(6, 3), slice(8, 4)}));
    ASSERT_EQ(stacks.size(), 1u);
    EXPECT_EQ(sliceZ(stacks[0]), (std::vector<double>{0, 2, -1, 6, 8}));
    EXPECT_EQ(stacks[0].missingSlices(), 1u);
    ASSERT_EQ(stacks[0].warnings.size(), 1u);
    EXPECT_NE(stacks[0].warnings[0].find("missing"), std::string::npos);
}

TEST(SeriesAssembler, IrregularSpacingAndTiltAreResampledAndSaid) {
    auto irregular = io::SeriesAssembler::assemble(seriesOf({slice(0, 1), slice(1, 2), slice(2.5, 3), slice(3.5, 4)}));
    ASSERT_EQ(irregular.size(), 1u);
    EXPECT_TRUE(irregular[0].needsResampling());
    EXPECT_DOUBLE_EQ(irregular[0].geometry.spacing().z, 1.0);
    EXPECT_EQ(irregular[0].geometry.dims()[2], 4u);  // 0, 1, 2, 3 mm (3.5 mm is past the last grid plane)
    std::vector<core::InstanceRecord> tilted;
    for (int k = 0; k < 4; ++k) {
        auto r = slice(k * 2.0, k);
        r.position->y += 0.5 * k;
        tilted.push_back(r);
    }
    auto sheared = io::SeriesAssembler::assemble(seriesOf(tilted));
    ASSERT_EQ(sheared.size(), 1u);
    EXPECT_TRUE(sheared[0].needsResampling());
    EXPECT_EQ(sheared[0].geometry.dims()[1], 4u + 3u) << "rows widen to hold 1.5 mm of drift at 0.5 mm";
    EXPECT_NE(sheared[0].warnings.at(0).find("tilt"), std::string::npos);
}

TEST(SeriesAssembler, GapsManyTimesTheSpacingAreNeverFilledByInterpolation) {
    // pydicom's "Routine Brain" has this shape: one slice 202.5 mm below three 1.25 mm apart.
    const auto stacks = io::SeriesAssembler::assemble(seriesOf({slice(0, 1), slice(202.5, 2), slice(203.75, 3), slice(205, 4)}));
    ASSERT_EQ(stacks.size(), 1u);
    EXPECT_FALSE(stacks[0].needsResampling()) << "nothing is interpolated";
    EXPECT_EQ(sliceZ(stacks[0]), (std::vector<double>{0, 202.5, 203.75, 205})) << "the acquired images, one after another";
    EXPECT_EQ(stacks[0].missingSlices(), 0u);
    ASSERT_EQ(stacks[0].warnings.size(), 1u);
    EXPECT_NE(stacks[0].warnings[0].find("not interpolated"), std::string::npos) << stacks[0].warnings[0];
    EXPECT_NE(stacks[0].warnings[0].find("202.5 mm"), std::string::npos) << stacks[0].warnings[0];
}

TEST(SeriesAssembler, TheRealRoutineBrainOpensAsItsFourImages) {
    const std::string folder = std::string(test::kPydicomTestFiles) + "/dicomdirtests/77654033/CT2";
    if (!std::filesystem::exists(folder)) GTEST_SKIP() << "pydicom's test files missing";
    const auto loaded = io::ImageLoader::load(folder);
    EXPECT_EQ(loaded.volume.geometry().dims()[2], 4u) << "not 165 interpolated slices";
    ASSERT_FALSE(loaded.warnings.empty());
    EXPECT_NE(loaded.warnings[0].find("not interpolated"), std::string::npos) << loaded.warnings[0];
}

TEST(SeriesAssembler, ImagesWithoutGeometryKeepFileOrderAndSaySo) {
    auto a = slice(0, 2), b = slice(0, 1);
    a.position.reset();
    b.position.reset();
    const auto stacks = io::SeriesAssembler::assemble(seriesOf({b, a}));
    ASSERT_EQ(stacks.size(), 1u);
    EXPECT_EQ(stacks[0].frames.size(), 2u);
    EXPECT_FALSE(stacks[0].warnings.empty());
}

TEST(SeriesAssembler, NonImageInstancesAreIgnored) {
    core::InstanceRecord sr;
    sr.sopClassUid = "1.2.840.10008.5.1.4.1.1.88.33";
    EXPECT_TRUE(io::SeriesAssembler::assemble(seriesOf({sr})).empty());
}

// Loader features on generated series (pydicom), checked against the generator's formula.
core::Volume loadCase(const std::string& name, test::TempDir& dir) {
    EXPECT_EQ(test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("make_series.py")) + " " +
                        test::quote(dir / name) + " " + name + " 2>/dev/null").exitCode, 0);
    return io::ImageLoader::load((dir / name).string()).volume;
}

double generatorValue(std::size_t i, std::size_t j, std::size_t k) { return double(i * 7 + j * 13 + k * 31) - 300; }

TEST(DicomSeriesLoader, PositionBeatsContradictingInstanceNumbers) {
    test::TempDir dir("reversed");
    const core::Volume v = loadCase("reversed_numbers", dir);
    for (std::size_t k = 0; k < v.geometry().dims()[2]; ++k) ASSERT_EQ(v.realValueAt(3, 2, k), generatorValue(3, 2, k));
}

TEST(DicomSeriesLoader, TemporalSeriesLoadsAsTimePoints) {
    test::TempDir dir("temporal");
    const core::Volume v = loadCase("temporal", dir);
    ASSERT_EQ(v.timePoints(), 2u);
    for (std::size_t k = 0; k < v.geometry().dims()[2]; ++k) {
        ASSERT_EQ(v.realValueAt(1, 1, k, 0), generatorValue(1, 1, k));
        ASSERT_EQ(v.realValueAt(1, 1, k, 1), generatorValue(1, 1, k) + 500);
    }
}

TEST(DicomSeriesLoader, MonochromeOneIsFlaggedNotRewritten) {
    test::TempDir dir("mono1");
    const core::Volume v = loadCase("monochrome1", dir);
    EXPECT_TRUE(v.invertedDisplay());
    EXPECT_EQ(v.realValueAt(4, 5, 6), generatorValue(4, 5, 6));
}

TEST(DicomSeriesLoader, PaletteColourMatchesPydicomsLookup) {
    test::TempDir dir("palette");
    const core::Volume v = loadCase("palette", dir);
    ASSERT_EQ(v.pixelType(), core::PixelType::Rgb24);
    const std::string file = test::filesUnder(dir / "palette").front();
    const auto r = test::run("LUMEN_APPLY_PALETTE=1 " + std::string(test::kDebianPython) + " " +
                             test::quote(test::oracleScript("pydicom_decode.py")) + " " + test::quote(dir / "oracle") +
                             " " + test::quote(file));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto manifest = nlohmann::json::parse(test::readText(dir / "oracle" / "manifest.json"));
    ASSERT_EQ(manifest[0]["photometric"], "RGB");
    const std::string expected = test::readText(dir / "oracle" / manifest[0]["data"].get<std::string>());
    ASSERT_EQ(expected.size(), v.byteSize());
    EXPECT_EQ(std::memcmp(expected.data(), v.data(), v.byteSize()), 0);
}

}  // namespace
