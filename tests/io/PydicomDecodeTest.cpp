// Every file in pydicom's test_files: Lumen's decoded values must equal pydicom's, or both
// must refuse the file / agree it is not an image. The per-file outcome is printed.
#include "TestSupport.h"
#include "io/DicomHeaderReader.h"
#include "io/DicomPixelReader.h"
#include "io/IoError.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>

using namespace lumen;
namespace fs = std::filesystem;

namespace {

std::vector<double> asDoubles(const std::byte* p, std::size_t n, const std::string& dtype) {
    std::vector<double> v(n);
    auto fill = [&](auto tag) {
        using T = decltype(tag);
        for (std::size_t i = 0; i < n; ++i) { T x; std::memcpy(&x, p + i * sizeof(T), sizeof(T)); v[i] = double(x); }
    };
    if (dtype == "uint8") fill(std::uint8_t{});
    else if (dtype == "int8") fill(std::int8_t{});
    else if (dtype == "uint16") fill(std::uint16_t{});
    else if (dtype == "int16") fill(std::int16_t{});
    else if (dtype == "uint32") fill(std::uint32_t{});
    else if (dtype == "int32") fill(std::int32_t{});
    else if (dtype == "float32") fill(float{});
    else if (dtype == "float64") fill(double{});
    else throw std::runtime_error("oracle dtype " + dtype);
    return v;
}

std::string lumenDtype(core::PixelType t) { return core::pixelTypeName(t); }

// Files whose pixel data is known to be corrupt, where an error is the right answer even
// though pydicom returns an array.
const std::map<std::string, std::string> kCorruptPixelData = {
    {"JPEG2000-embedded-sequence-delimiter.dcm",
     "pydicom's README: four codestream bytes overwritten, 'almost certainly not a valid JPEG any more'; "
     "GDCM hands pydicom noise, OpenJPEG rejects the codestream"},
};

struct Outcome {
    bool pass;
    std::string text;
};

Outcome compareFile(const nlohmann::json& entry, const fs::path& oracleDir) {
    const std::string file = entry["file"];
    const std::string status = entry["status"];
    const std::string reason = entry.value("reason", "");
    io::DecodedFrames lumen;
    std::string lumenError;
    bool lumenNotImage = false;
    try {
        auto header = io::DicomHeaderReader::read(file);
        if (!header) lumenNotImage = true;
        else if (!header->instance.hasPixelData) lumenNotImage = true;
        else lumen = io::DicomPixelReader::readAll(file);
    } catch (const io::IoError& e) {
        lumenError = e.reason();
    }
    const bool lumenOk = lumenError.empty() && !lumenNotImage;

    if (status == "not_image") {
        if (lumenNotImage) return {true, "not an image (both)"};
        if (!lumenOk) return {true, "not an image for pydicom; Lumen refuses: " + lumenError};
        return {false, "pydicom finds no pixel data but Lumen decoded some"};
    }
    if (status == "refused") {
        if (!lumenOk) return {true, "both refuse. Lumen: " + (lumenNotImage ? std::string("not an image") : lumenError) +
                                        " | pydicom: " + reason};
        return {false, "pydicom refuses (" + reason + ") but Lumen decoded it"};
    }
    const auto corrupt = kCorruptPixelData.find(fs::path(file).filename().string());
    if (corrupt != kCorruptPixelData.end())
        return {!lumenOk, lumenOk ? "Lumen decoded known-corrupt pixel data: " + corrupt->second
                                  : "Lumen refuses known-corrupt pixel data (" + lumenError + "); " + corrupt->second};
    if (!lumenOk) return {false, "pydicom decodes it, Lumen " + (lumenNotImage ? std::string("sees no image") : "refuses: " + lumenError)};

    const auto shape = entry["shape"];
    const auto& f = lumen.format;
    const std::vector<std::size_t> lumenShape{lumen.frames, f.rows, f.columns, f.samplesPerPixel};
    for (int i = 0; i < 4; ++i)
        if (shape[i].get<std::size_t>() != lumenShape[i])
            return {false, "shape differs: pydicom " + shape.dump() + ", Lumen " + std::to_string(lumen.frames) + "x" +
                               std::to_string(f.rows) + "x" + std::to_string(f.columns) + "x" +
                               std::to_string(f.samplesPerPixel)};
    const std::size_t n = lumen.frames * f.frameSamples();
    const std::string raw = lumen::test::readText(oracleDir / entry["data"].get<std::string>());
    const std::string dtype = entry["dtype"];
    const auto expected = asDoubles(reinterpret_cast<const std::byte*>(raw.data()), n, dtype);
    const auto actual = asDoubles(lumen.data.data(), n, lumenDtype(f.sampleType));
    std::size_t differing = 0;
    double maxDiff = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double d = std::abs(expected[i] - actual[i]);
        differing += d != 0;
        maxDiff = std::max(maxDiff, d);
    }
    const std::string desc = lumenDtype(f.sampleType) + " " + std::to_string(lumen.frames) + "x" + std::to_string(f.rows) +
                             "x" + std::to_string(f.columns) + "x" + std::to_string(f.samplesPerPixel) + " " +
                             f.photometric;
    if (differing) return {false, std::to_string(differing) + " of " + std::to_string(n) + " values differ (max " +
                                      std::to_string(maxDiff) + "), " + desc};
    return {true, "identical to pydicom, " + desc + " (pydicom " + dtype + ")"};
}

}  // namespace

TEST(PydicomDecode, EveryTestFileMatchesPydicomOrIsRefusedByBoth) {
    const auto files = lumen::test::filesUnder(lumen::test::kPydicomTestFiles);
    std::vector<std::string> topLevel;
    for (const auto& f : files)
        if (fs::path(f).parent_path() == fs::path(lumen::test::kPydicomTestFiles)) topLevel.push_back(f);
    ASSERT_GE(topLevel.size(), 60u) << "python3-pydicom's test files are missing";

    lumen::test::TempDir oracle("pydicom-oracle");
    std::string cmd = std::string(lumen::test::kDebianPython) + " " +
                      lumen::test::quote(lumen::test::oracleScript("pydicom_decode.py").string()) + " " +
                      lumen::test::quote(oracle.path().string());
    for (const auto& f : topLevel) cmd += " " + lumen::test::quote(f);
    const auto result = lumen::test::run(cmd);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto manifest = nlohmann::json::parse(lumen::test::readText(oracle / "manifest.json"));

    std::size_t identical = 0, failures = 0;
    for (const auto& entry : manifest) {
        const Outcome o = compareFile(entry, oracle.path());
        const std::string name = fs::path(entry["file"].get<std::string>()).filename();
        std::printf("  %-4s %-42s %s\n", o.pass ? "ok" : "FAIL", name.c_str(), o.text.c_str());
        identical += o.pass && entry["status"] == "ok";
        failures += !o.pass;
        EXPECT_TRUE(o.pass) << name << ": " << o.text;
    }
    std::printf("  %zu files, %zu decoded identically to pydicom, %zu failures\n", manifest.size(), identical, failures);
}
