// Bad input never crashes and never shows a wrong image: every damaged file is either refused
// with an IoError that names it, or decodes to exactly the undamaged image. The rest of a
// folder still loads.
#include "TestSupport.h"
#include "io/DicomHeaderReader.h"
#include "io/DicomIndexer.h"
#include "io/DicomPixelReader.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

using namespace lumen;
namespace fs = std::filesystem;

namespace {

enum class Outcome { NotDicom, Refused, Decoded };

Outcome decode(const std::string& path, io::DecodedFrames& out, std::string& reason) {
    try {
        if (!io::DicomHeaderReader::read(path)) return Outcome::NotDicom;
        out = io::DicomPixelReader::readAll(path);
        return Outcome::Decoded;
    } catch (const io::IoError& e) {
        reason = e.what();
        EXPECT_NE(reason.find(fs::path(path).filename().string()), std::string::npos) << "error must name the file: " << reason;
        return Outcome::Refused;
    }
}

void writeBytes(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

TEST(BadInput, TruncatedFilesAreRefusedOrStillExact) {
    test::TempDir dir("truncated");
    std::size_t refused = 0, exact = 0;
    for (const char* name : {"CT_small.dcm", "MR_small_RLE.dcm", "JPEG2000.dcm", "SC_rgb_jpeg_dcmtk.dcm",
                             "MR_small_jpeg_ls_lossless.dcm", "rtdose.dcm", "MR_small_padded.dcm", "JPGExtended.dcm",
                             "SC_rgb_rle_2frame.dcm", "liver_1frame.dcm", "image_dfl.dcm"}) {
        const std::string original = std::string(test::kPydicomTestFiles) + "/" + name;
        io::DecodedFrames full;
        std::string reason;
        ASSERT_EQ(decode(original, full, reason), Outcome::Decoded) << name << ": " << reason;
        const std::string bytes = test::readText(original);
        std::vector<std::size_t> cuts{0, 1, 100, 128, 131, 132, 140, 300, bytes.size() - 1, bytes.size() - 2};
        for (int step = 1; step < 40; ++step) cuts.push_back(bytes.size() * std::size_t(step) / 40);
        for (std::size_t cut : cuts) {
            const fs::path path = dir / ("cut-" + std::to_string(cut) + "-" + name);
            writeBytes(path, bytes.substr(0, cut));
            io::DecodedFrames got;
            const Outcome o = decode(path.string(), got, reason);
            if (o == Outcome::Decoded) {
                // Only acceptable if nothing the image needs was cut (e.g. trailing padding).
                ASSERT_EQ(got.data, full.data) << name << " cut at " << cut << " decoded to a different image";
                ++exact;
            } else if (o == Outcome::Refused) {
                ++refused;
            }
        }
    }
    std::printf("  truncated files: %zu refused with an error, %zu still exact\n", refused, exact);
    EXPECT_GT(refused, 300u);
}

TEST(BadInput, RandomlyCorruptedHeadersNeverCrash) {
    test::TempDir dir("corrupted");
    const std::string bytes = test::readText(std::string(test::kPydicomTestFiles) + "/CT_small.dcm");
    std::mt19937 rng(42);
    std::size_t refused = 0, decoded = 0;
    for (int trial = 0; trial < 300; ++trial) {
        std::string damaged = bytes;
        for (int flips = 0; flips < 4; ++flips)  // the header: the first 6300 bytes of CT_small
            damaged[std::uniform_int_distribution<std::size_t>(128, 6299)(rng)] = char(rng());
        const fs::path path = dir / ("damaged-" + std::to_string(trial) + ".dcm");
        writeBytes(path, damaged);
        io::DecodedFrames got;
        std::string reason;
        const Outcome o = decode(path.string(), got, reason);  // any exception but IoError fails the test
        refused += o == Outcome::Refused;
        decoded += o == Outcome::Decoded;
        if (o == Outcome::Decoded) {
            EXPECT_EQ(got.data.size(), got.frames * got.format.frameBytes());
        }
    }
    std::printf("  corrupted headers: %zu refused, %zu decoded (values may legitimately change)\n", refused, decoded);
}

struct Malformed {
    std::string name;
    std::string reason;          // what the error must say
    std::size_t loadableSlices;  // slices the rest of the series still gives (0: nothing loads)
};

class MalformedSeries : public ::testing::TestWithParam<Malformed> {};

TEST_P(MalformedSeries, TheBadFileIsNamedAndTheRestLoads) {
    const Malformed& m = GetParam();
    test::TempDir dir("malformed-" + m.name);
    ASSERT_EQ(test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("make_series.py")) + " " +
                        test::quote(dir / "dicom") + " " + m.name + " 2>/dev/null").exitCode, 0);
    const auto index = io::DicomIndexer::index({(dir / "dicom").string()});
    ASSERT_EQ(index.errors.size(), 1u);
    std::printf("  %-20s %s: %s\n", m.name.c_str(), fs::path(index.errors[0].file).filename().c_str(),
                index.errors[0].reason.c_str());
    EXPECT_NE(index.errors[0].reason.find(m.reason), std::string::npos) << index.errors[0].reason;
    if (m.loadableSlices == 0) {
        EXPECT_THROW(io::ImageLoader::load((dir / "dicom").string()), io::IoError);
        return;
    }
    const auto loaded = io::ImageLoader::load((dir / "dicom").string());
    EXPECT_EQ(loaded.volume.geometry().dims()[2], m.loadableSlices);
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, MalformedSeries,
    ::testing::Values(Malformed{"nan_position", "ImagePositionPatient is not a finite number", 24},
                      Malformed{"no_pixel_data", "Pixel Data is missing", 24},
                      Malformed{"zero_rows", "0 rows", 24},
                      Malformed{"absurd_native", "65535x65535x50000 frames need", 23},
                      Malformed{"absurd_encapsulated", "compressed frames cannot fit", 0},
                      Malformed{"absurd_memory", "of memory are available", 0}),
    [](const auto& info) { return info.param.name; });

TEST(BadInput, ABadVrOrBrokenNumberOfFramesIsRefused) {
    io::DecodedFrames got;
    std::string reason;
    EXPECT_EQ(decode(std::string(test::kPydicomTestFiles) + "/badVR.dcm", got, reason), Outcome::Refused);
    EXPECT_NE(reason.find("NumberOfFrames"), std::string::npos) << reason;
}

}  // namespace

// One file whose pixels cannot be decoded must not hide its series: the rest opens (its slice a
// blank gap at its true place) and the file is named in the warnings.
TEST(BadInput, OneUndecodableFileDoesNotHideItsSeries) {
    test::TempDir dir("undecodable");
    ASSERT_EQ(test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("make_series.py")) + " " +
                        test::quote(dir / "dicom") + " undecodable_slice 2>/dev/null").exitCode, 0);
    const auto index = io::DicomIndexer::index({(dir / "dicom").string()});
    EXPECT_TRUE(index.errors.empty()) << "its header is fine: only decoding fails";
    const auto loaded = io::ImageLoader::load((dir / "dicom").string());
    ASSERT_EQ(loaded.volume.geometry().dims()[2], 24u) << "the other 23 slices, and a gap where slice 5 was";
    EXPECT_EQ(loaded.files, 23u);
    for (std::size_t k : {0u, 4u, 6u, 23u}) EXPECT_EQ(loaded.volume.realValueAt(3, 2, k), 3 * 7 + 2 * 13 + double(k) * 31 - 300) << k;
    std::string said;
    for (const auto& w : loaded.warnings) said += w + "\n";
    EXPECT_NE(said.find("left out, unreadable"), std::string::npos) << said;
    EXPECT_NE(said.find("s0005.dcm"), std::string::npos) << said;
}
