// Indexing pydicom's dicomdirtests, through the DICOMDIRs and as plain folders: the same
// patients, studies, series and images as pydicom finds.
#include "TestSupport.h"
#include "core/OperationCanceled.h"
#include "core/Progress.h"
#include "io/DicomIndexer.h"

#include <gtest/gtest.h>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace lumen;

namespace {

const std::string kDirTests = std::string(test::kPydicomTestFiles) + "/dicomdirtests";

nlohmann::json oracle(const std::string& mode, const std::string& path) {
    const auto r = test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("dicom_hierarchy.py")) +
                             " " + mode + " " + test::quote(path));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return nlohmann::json::parse(r.out);
}

void expectSameHierarchy(const io::DicomIndex& index, const nlohmann::json& expected, const std::string& what) {
    std::printf("  %-40s pydicom %d patients %d studies %d series %d images; Lumen %zu/%zu/%zu/%zu (%zu skipped)\n",
                what.c_str(), expected["patients"].get<int>(), expected["studies"].get<int>(),
                expected["series"].get<int>(), expected["images"].get<int>(), index.patients.size(), index.studyCount(),
                index.allSeries().size(), index.instanceCount(), index.skipped);
    EXPECT_TRUE(index.errors.empty()) << index.errors.front().file << ": " << index.errors.front().reason;
    EXPECT_EQ(index.patients.size(), expected["patients"].get<std::size_t>()) << what;
    EXPECT_EQ(index.studyCount(), expected["studies"].get<std::size_t>()) << what;
    EXPECT_EQ(index.allSeries().size(), expected["series"].get<std::size_t>()) << what;
    EXPECT_EQ(index.instanceCount(), expected["images"].get<std::size_t>()) << what;
    for (const auto& [uid, count] : expected["series_images"].items()) {
        const auto* series = index.findSeries(uid);
        ASSERT_NE(series, nullptr) << "series " << uid << " missing (" << what << ")";
        EXPECT_EQ(series->instances.size(), count.get<std::size_t>()) << uid;
    }
}

TEST(DicomIndexer, DicomDirGivesPydicomsHierarchy) {
    for (const std::string& dicomdir : {kDirTests + "/DICOMDIR", kDirTests + "/TINY_ALPHA/DICOMDIR"})
        expectSameHierarchy(io::DicomIndexer::index({dicomdir}), oracle("dicomdir", dicomdir), dicomdir.substr(kDirTests.size()));
}

TEST(DicomIndexer, FolderTreeGivesPydicomsHierarchy) {
    for (const std::string& folder : {kDirTests, kDirTests + "/TINY_ALPHA"}) {
        const io::DicomIndex index = io::DicomIndexer::index({folder});
        expectSameHierarchy(index, oracle("folder", folder), folder.substr(kDirTests.size() - 13));
        EXPECT_GE(index.skipped, 1u) << "the DICOMDIR file itself is not an instance";
    }
}

TEST(DicomIndexer, SameResultWithOneThreadOrMany) {
    const auto a = io::DicomIndexer::index({kDirTests}, nullptr, 1);
    const auto b = io::DicomIndexer::index({kDirTests}, nullptr, 4);
    ASSERT_EQ(a.allSeries().size(), b.allSeries().size());
    for (std::size_t i = 0; i < a.allSeries().size(); ++i) {
        ASSERT_EQ(a.allSeries()[i]->seriesUid, b.allSeries()[i]->seriesUid);
        ASSERT_EQ(a.allSeries()[i]->instances.size(), b.allSeries()[i]->instances.size());
        for (std::size_t j = 0; j < a.allSeries()[i]->instances.size(); ++j)
            EXPECT_EQ(a.allSeries()[i]->instances[j].filePath, b.allSeries()[i]->instances[j].filePath);
    }
}

TEST(DicomIndexer, ReportsProgressAndStopsWhenCanceled) {
    std::vector<double> seen;
    core::Progress progress([&](double f, const std::string&) { seen.push_back(f); });
    io::DicomIndexer::index({kDirTests}, &progress);
    ASSERT_FALSE(seen.empty());
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);

    core::Progress canceled;
    canceled.cancel();
    EXPECT_THROW(io::DicomIndexer::index({kDirTests}, &canceled), core::OperationCanceled);
}

TEST(DicomIndexer, CountsNonDicomFilesAsSkippedNotErrors) {
    test::TempDir dir("skip");
    std::filesystem::copy_file(std::string(test::kPydicomTestFiles) + "/CT_small.dcm", dir / "ct.dcm");
    for (const char* name : {"notes.txt", "image.png", "empty"}) {
        std::ofstream f(dir / name);
        if (std::string(name) != "empty") f << "this is not DICOM at all, just some words for the test\n";
    }
    const auto index = io::DicomIndexer::index({dir.path().string()});
    EXPECT_EQ(index.instanceCount(), 1u);
    EXPECT_EQ(index.skipped, 3u);
    EXPECT_TRUE(index.errors.empty());
}

TEST(DicomIndexer, MissingPathIsAnErrorNotACrash) {
    const auto index = io::DicomIndexer::index({"/nonexistent/lumen/path"});
    ASSERT_EQ(index.errors.size(), 1u);
    EXPECT_NE(index.errors[0].reason.find("no such"), std::string::npos);
}

}  // namespace

// A name stored with VR UN (as some anonymisers and converters leave it) reads as its text, not
// as DCMTK's hex dump of the bytes.
TEST(DicomIndexer, ATextAttributeWithVrUnReadsAsText) {
    test::TempDir dir("vr-un");
    const std::string src = std::string(test::kPydicomTestFiles) + "/CT_small.dcm";
    const std::string out = (dir / "un.dcm").string();
    ASSERT_EQ(test::run(std::string(test::kDebianPython) + " -c \"import pydicom,sys; d=pydicom.dcmread(sys.argv[1]); "
                        "del d[0x00100010]; d.add_new(0x00100010, 'UN', b'Lastname^First '); d.save_as(sys.argv[2])\" " +
                        test::quote(src) + " " + test::quote(out)).exitCode, 0);
    const auto index = io::DicomIndexer::index({dir.path().string()});
    ASSERT_EQ(index.patients.size(), 1u);
    EXPECT_EQ(index.patients[0].name, "Lastname^First");
}
