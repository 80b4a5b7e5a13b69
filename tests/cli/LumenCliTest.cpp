// lumen-cli as a user runs it: JSON outputs, conversions, and one-line errors with exit 1.
#include "TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace lumen;
using nlohmann::json;

namespace {

test::CommandResult cli(const std::string& args) { return test::run(test::quote(test::lumenCli().string()) + " " + args); }

void makeSeries(const std::filesystem::path& dir, const std::string& kind) {
    ASSERT_EQ(test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("make_series.py")) + " " +
                        test::quote(dir) + " " + kind + " 2>/dev/null").exitCode, 0);
}

void expectOneLineError(const test::CommandResult& r, const std::string& mentions) {
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err.rfind("lumen-cli: error: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
    EXPECT_NE(r.err.find(mentions), std::string::npos) << r.err;
}

TEST(LumenCli, InfoJsonDescribesEachSeries) {
    test::TempDir dir("cli-info");
    makeSeries(dir / "oblique", "oblique");
    std::ofstream(dir / "oblique" / "readme.txt") << "not dicom";
    const auto r = cli("info --json " + test::quote(dir / "oblique"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    ASSERT_EQ(j["series"].size(), 1u);
    const json& s = j["series"][0];
    for (const char* key : {"series_uid", "study_uid", "patient_id", "modality", "description", "files", "dims",
                            "spacing", "origin", "direction", "warnings"})
        EXPECT_TRUE(s.contains(key)) << key;
    EXPECT_EQ(s["dims"], json({40, 32, 24}));
    EXPECT_EQ(s["files"], 24);
    EXPECT_EQ(s["patient_id"], "GEOM");
    EXPECT_EQ(j["skipped"], 1);
    // direction: 9 numbers, row-major, columns are the index axes (here rotated 20° about x, 15° about y).
    const auto& d = s["direction"];
    ASSERT_EQ(d.size(), 9u);
    const double c15 = std::cos(15 * M_PI / 180);
    EXPECT_NEAR(d[0].get<double>(), c15, 1e-6) << "row direction x component";
    EXPECT_NEAR(d[3].get<double>(), 0.0, 1e-6) << "row direction y component";
    EXPECT_NEAR(s["origin"][0].get<double>(), -12.5, 1e-6);
}

TEST(LumenCli, NonImageSeriesKeepTheSchemaWithNullGeometry) {
    const auto r = cli("info --json " + test::quote(std::string(test::kPydicomTestFiles) + "/rtplan.dcm"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json s = json::parse(r.out)["series"].at(0);
    EXPECT_EQ(s["kind"], "non-image");
    EXPECT_TRUE(s["dims"].is_null());
    EXPECT_TRUE(s["direction"].is_null());
    EXPECT_TRUE(s["warnings"].is_array());
}

TEST(LumenCli, InfoListsUnreadableFilesAsErrors) {
    test::TempDir dir("cli-errors");
    makeSeries(dir / "s", "zero_rows");
    const auto r = cli("info --json " + test::quote(dir / "s"));
    ASSERT_EQ(r.exitCode, 0);
    const json j = json::parse(r.out);
    ASSERT_EQ(j["errors"].size(), 1u);
    EXPECT_NE(j["errors"][0]["file"].get<std::string>().find("s0002.dcm"), std::string::npos);
    EXPECT_NE(j["errors"][0]["reason"].get<std::string>().find("rows"), std::string::npos);
}

TEST(LumenCli, LoadTimingPrintsOneJsonLine) {
    test::TempDir dir("cli-load");
    makeSeries(dir / "s", "ct_rescale");
    const auto r = cli("load " + test::quote(dir / "s") + " --timing");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    ASSERT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
    const json j = json::parse(r.out);
    for (const char* key : {"files", "bytes", "index_ms", "decode_ms", "total_ms", "mb_per_s"}) EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(j["files"], 24);
    EXPECT_EQ(j["bytes"], 40 * 32 * 24 * 2);
}

TEST(LumenCli, ConvertRoundTripsThroughNiftiAndDicom) {
    test::TempDir dir("cli-convert");
    makeSeries(dir / "ct", "ct_rescale");
    ASSERT_EQ(cli("convert " + test::quote(dir / "ct") + " " + test::quote(dir / "ct.nii.gz")).exitCode, 0);
    ASSERT_EQ(cli("convert " + test::quote(dir / "ct.nii.gz") + " " + test::quote(dir / "again") + " --to-dicom --modality CT --patient-name Round^Trip").exitCode, 0);
    const json a = json::parse(cli("info --json " + test::quote(dir / "ct")).out)["series"][0];
    const json b = json::parse(cli("info --json " + test::quote(dir / "ct.nii.gz")).out)["series"][0];
    const json c = json::parse(cli("info --json " + test::quote(dir / "again")).out)["series"][0];
    for (const json* other : {&b, &c}) {
        EXPECT_EQ((*other)["dims"], a["dims"]);
        for (int i = 0; i < 3; ++i) {
            EXPECT_NEAR((*other)["origin"][i].get<double>(), a["origin"][i].get<double>(), 1e-3);
            EXPECT_NEAR((*other)["spacing"][i].get<double>(), a["spacing"][i].get<double>(), 1e-4);
        }
    }
    EXPECT_EQ(c["patient_name"], "Round^Trip");
    EXPECT_EQ(c["modality"], "CT");
    EXPECT_EQ(b["pixel_type"], "int16") << "HU kept as int16 (integer rescale)";
}

TEST(LumenCli, SegExportAndImportRoundTripTheAtlasOnTheRealBrain) {
    // mricron's ch2 as a DICOM series, AAL's eight deep grey labels (71–78) as the label map.
    const std::string templates = test::kMricronTemplates;
    if (!std::filesystem::exists(templates + "/aal.nii.gz")) GTEST_SKIP() << "mricron-data missing";
    test::TempDir dir("cli-seg");
    ASSERT_EQ(cli("convert " + test::quote(templates + "/ch2.nii.gz") + " " + test::quote(dir / "mr") + " --to-dicom --modality MR").exitCode, 0);
    const auto made = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import nibabel as nib, numpy as np, json\n"
        "a = nib.load('" + templates + "/aal.nii.gz'); v = np.asarray(a.dataobj)\n"
        "m = np.where((v >= 71) & (v <= 78), v - 70, 0).astype(np.uint8)\n"
        "nib.save(nib.Nifti1Image(m, a.affine), '" + (dir / "deep.nii.gz").string() + "')\n"
        "json.dump({'labels': [{'value': i, 'name': 'deep %d' % i, 'color': [30 * i, 100, 200]} for i in range(1, 9)]},"
        " open('" + (dir / "table.json").string() + "', 'w'))\n"));
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const auto exported = cli("seg export --labels " + test::quote(dir / "deep.nii.gz") + " --source " + test::quote(dir / "mr") +
                              " --out " + test::quote(dir / "deep-seg.dcm") + " --label-table " + test::quote(dir / "table.json"));
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    for (const auto& error : test::dciodvfyErrors((dir / "deep-seg.dcm").string(), "Segmentation")) ADD_FAILURE() << error;
    const auto imported = cli("seg import " + test::quote(dir / "deep-seg.dcm") + " --source " + test::quote(dir / "mr") + " --out " +
                              test::quote(dir / "back.nii.gz"));
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    const auto same = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import nibabel as nib, numpy as np\n"
        "a = np.asarray(nib.load('" + (dir / "deep.nii.gz").string() + "').dataobj)\n"
        "b = np.asarray(nib.load('" + (dir / "back.nii.gz").string() + "').dataobj)\n"
        "print(a.shape == b.shape and bool((a == b).all()), int((a > 0).sum()))\n"));
    EXPECT_EQ(same.out.substr(0, 4), "True") << same.out << same.err;
    const json table = json::parse(test::readText(dir / "back.json"));
    EXPECT_EQ(table["labels"].size(), 8u);
    EXPECT_EQ(table["labels"][2]["name"], "deep 3");
    // Onto a series it does not belong to: refused, nothing written.
    ASSERT_EQ(cli("convert " + test::quote(templates + "/ch2bet.nii.gz") + " " + test::quote(dir / "other") + " --to-dicom --modality MR").exitCode, 0);
    const auto wrong = cli("seg import " + test::quote(dir / "deep-seg.dcm") + " --source " + test::quote(dir / "other") + " --out " +
                           test::quote(dir / "wrong.nii.gz"));
    EXPECT_EQ(wrong.exitCode, 1);
    EXPECT_NE(wrong.err.find("frame of reference"), std::string::npos) << wrong.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "wrong.nii.gz"));
}

TEST(LumenCli, SrExportAndImportKeepTheAnnotations) {
    test::TempDir dir("cli-sr");
    ASSERT_EQ(cli("demo-data " + test::quote(dir / "demo") + " --ct-slices 8").exitCode, 0);
    const json provenance = {{"source", "lesion-detector"}, {"model_version", "2"}, {"author", "Doe^Jane"}, {"created", "2026-11-26T10:00:00Z"},
                             {"modified", "2026-11-26T10:01:00Z"}, {"edited_by_user", true}, {"voxels_added", 0}, {"voxels_removed", 0},
                             {"edit_seconds", 4.0}};
    const json annotations = {
        {"format", "lumen-annotations"}, {"version", 1}, {"series_instance_uid", ""}, {"label_map", nullptr}, {"labels", json::array()},
        {"findings", {{{"id", 3}, {"class", "lesion"}, {"score", 0.75}, {"box_min_mm", {-10, 20, -5}}, {"box_max_mm", {4, 31, 2.5}},
                       {"status", "edited"}, {"provenance", provenance}}}},
        {"classifications", {{{"level", "series"}, {"class", "lesion"}, {"probabilities", {{{"class", "lesion"}, {"probability", 0.9}}}},
                              {"provenance", provenance}}}},
        {"measurements", {{{"id", 1}, {"kind", "length"}, {"points_mm", {{0, 0, 1.25}, {30, 40, 1.25}}}, {"plane_normal", {0, 0, 1}},
                           {"plane_right", {1, 0, 0}}, {"value", 50.0}, {"units", ""}, {"label", "aorta"}}}}};
    std::ofstream(dir / "annotations.json") << annotations.dump();
    const auto exported = cli("sr export --annotations " + test::quote(dir / "annotations.json") + " --source " + test::quote(dir / "demo/body-ct") +
                              " --out " + test::quote(dir / "sr.dcm"));
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    EXPECT_NE(exported.out.find("1 finding(s), 1 measurement(s), 1 classification(s), referencing 8 image(s)"), std::string::npos) << exported.out;
    const auto imported = cli("sr import " + test::quote(dir / "sr.dcm") + " --out " + test::quote(dir / "back.json"));
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    json back = json::parse(test::readText(dir / "back.json"));
    EXPECT_EQ(back["findings"], annotations["findings"]);  // these coordinates are exact in 32-bit floats
    EXPECT_EQ(back["classifications"], annotations["classifications"]);
    EXPECT_EQ(back["measurements"], annotations["measurements"]);
    EXPECT_FALSE(back["series_instance_uid"].get<std::string>().empty());

    // Annotations of another series, or a corrupt file: one-line error, nothing written.
    json other = annotations;
    other["series_instance_uid"] = "1.2.3.4";
    std::ofstream(dir / "other.json") << other.dump();
    expectOneLineError(cli("sr export --annotations " + test::quote(dir / "other.json") + " --source " + test::quote(dir / "demo/body-ct") +
                           " --out " + test::quote(dir / "other.dcm")), "1.2.3.4");
    std::ofstream(dir / "corrupt.json") << annotations.dump().substr(0, 100);
    expectOneLineError(cli("sr export --annotations " + test::quote(dir / "corrupt.json") + " --source " + test::quote(dir / "demo/body-ct") +
                           " --out " + test::quote(dir / "other.dcm")), "corrupt.json");
    EXPECT_FALSE(std::filesystem::exists(dir / "other.dcm"));
}

TEST(LumenCli, DemoDataIsTheRealBrainAndASyntheticCt) {
    test::TempDir dir("cli-demo");
    const auto made = cli("demo-data " + test::quote(dir / "demo") + " --ct-slices 8");
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const json j = json::parse(cli("info --json " + test::quote(dir / "demo")).out);
    ASSERT_EQ(j["series"].size(), 2u);
    bool brain = false, ct = false;
    for (const auto& s : j["series"]) {
        if (s["modality"] == "MR") {
            brain = s["patient_name"] == "Demo^Brain" && s["dims"] == json({181, 217, 181});
        } else if (s["modality"] == "CT") {
            ct = s["dims"] == json({512, 512, 8});
        }
    }
    EXPECT_TRUE(brain);
    EXPECT_TRUE(ct);
}

TEST(LumenCli, ErrorsAreOneLineNamingWhatAndWhere) {
    test::TempDir dir("cli-bad");
    expectOneLineError(cli("load /nonexistent/lumen"), "/nonexistent/lumen");
    expectOneLineError(cli("convert /nonexistent/x.nii.gz " + test::quote(dir / "out.xyz")), "out.xyz");
    std::ofstream(dir / "cut.nii", std::ios::binary) << std::string(600, '\0');
    expectOneLineError(cli("info " + test::quote(dir / "cut.nii")), "cut.nii");
    EXPECT_NE(cli("frobnicate").exitCode, 0);
}

}  // namespace
