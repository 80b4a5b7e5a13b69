// lumen_net's DIMSE client and `lumen-cli pacs` against a real Orthanc (tests/net/OrthancServer):
// echo and the errors a user meets, C-FIND at both levels with each filter, C-GET and C-MOVE of a
// study and of a series with the voxels and geometry of what was uploaded, cancel, C-STORE.
#include "NetTestSupport.h"
#include "HostileFiles.h"
#include "OrthancServer.h"
#include "TestSupport.h"
#include "io/ImageLoader.h"
#include "net/DimseClient.h"
#include "net/PacsError.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <set>

using namespace lumen;
using test::errorOf;

namespace {

class Pacs : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server_ = std::make_unique<test::OrthancServer>();
        if (!server_->running()) return;
        data_ = std::make_unique<test::TempDir>("pacs-data");
        // A synthetic CT (Lumen's generator, 12 slices) and pydicom's real MR of another patient.
        const auto ct = *data_ / "ct";
        if (test::run(test::quote(test::lumenCli().string()) + " synth-ct " + test::quote(ct.string()) + " --slices 12 --size 64").exitCode != 0) return;
        std::vector<std::string> files = test::filesUnder(ct);
        files.push_back(std::string(test::kPydicomTestFiles) + "/MR_small.dcm");
        uploaded_ = server_->store(files);
    }
    static void TearDownTestSuite() {
        server_.reset();
        data_.reset();
    }
    void SetUp() override {
        ASSERT_TRUE(server_->running()) << server_->error();
        ASSERT_TRUE(uploaded_) << server_->error();
    }
    static net::DimsePeer peer() {
        net::DimsePeer p = net::DimsePeer::parse(server_->dimse());
        p.timeoutSeconds = 5;
        return p;
    }
    static std::string ctStudy() {
        net::PacsQuery q;
        q.patientId = "LUMEN-SYNTH";
        const auto r = net::DimseClient(peer()).find(q);
        return r.size() == 1 ? r[0].at("StudyInstanceUID") : std::string();
    }

    static std::unique_ptr<test::OrthancServer> server_;
    static std::unique_ptr<test::TempDir> data_;
    static bool uploaded_;
};
std::unique_ptr<test::OrthancServer> Pacs::server_;
std::unique_ptr<test::TempDir> Pacs::data_;
bool Pacs::uploaded_ = false;

TEST_F(Pacs, EchoAndTheErrorsAUserMeets) {
    EXPECT_NO_THROW(net::DimseClient(peer()).echo());
    net::DimsePeer wrong = peer();
    wrong.calledAet = "NOTORTHANC";
    EXPECT_NE(errorOf([&] { net::DimseClient(wrong).echo(); }).find("called AE title is not recognized"), std::string::npos);
    net::DimsePeer closed = peer();
    closed.port = test::freeLoopbackPort();
    const std::string unreachable = errorOf([&] { net::DimseClient(closed).echo(); });
    EXPECT_NE(unreachable.find("cannot reach 127.0.0.1:" + std::to_string(closed.port)), std::string::npos) << unreachable;
    EXPECT_NE(unreachable.find("refused"), std::string::npos) << unreachable;
    // A query and a retrieve explain a refused association the same way.
    EXPECT_NE(errorOf([&] { net::DimseClient(wrong).find({}); }).find("called AE title"), std::string::npos);
    EXPECT_THROW(net::DimsePeer::parse("ORTHANC@host"), net::PacsError);
    EXPECT_THROW(net::DimsePeer::parse("AN-AE-TITLE-LONGER-THAN-16@h:104"), net::PacsError);
}

TEST_F(Pacs, FindsStudiesByEachFilterAndTheSeriesOfAStudy) {
    const net::DimseClient pacs(peer());
    EXPECT_EQ(pacs.find({}).size(), 2u) << "the CT and the MR";
    net::PacsQuery q;
    q.patientId = "LUMEN-SYNTH";
    auto r = pacs.find(q);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].at("NumberOfStudyRelatedInstances"), "12");
    EXPECT_EQ(r[0].at("NumberOfStudyRelatedSeries"), "1");
    EXPECT_EQ(r[0].at("PatientName"), "Synthetic^CT");
    q = {};
    q.modality = "MR";
    r = pacs.find(q);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_NE(r[0].at("PatientID"), "LUMEN-SYNTH");
    q = {};
    q.patientName = "Synth*";
    EXPECT_EQ(pacs.find(q).size(), 1u);
    q = {};
    q.studyDateFrom = "19000101", q.studyDateTo = "19000102";
    EXPECT_TRUE(pacs.find(q).empty()) << "no study in 1900";
    q = {};
    q.accessionNumber = "NO-SUCH-ACCESSION";
    EXPECT_TRUE(pacs.find(q).empty());
    q = {};
    q.studyDescription = "Lumen synth*";
    EXPECT_EQ(pacs.find(q).size(), 1u) << "by study description";

    q = {};
    q.level = net::PacsQuery::Level::Series;
    EXPECT_THROW(pacs.find(q), net::PacsError) << "a series query names its study";
    q.studyInstanceUid = ctStudy();
    r = pacs.find(q);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].at("Modality"), "CT");
    EXPECT_EQ(r[0].at("NumberOfSeriesRelatedInstances"), "12");
    EXPECT_FALSE(r[0].at("SeriesInstanceUID").empty());
}

// What a progressive open and "Retrieve missing" need: each instance's UID and position before any
// has arrived, and a retrieve of chosen instances only.
TEST_F(Pacs, ListsTheInstancesOfASeriesAndRetrievesChosenOnes) {
    const std::string study = ctStudy();
    net::PacsQuery q;
    q.level = net::PacsQuery::Level::Instance, q.studyInstanceUid = study;
    EXPECT_THROW(net::DimseClient(peer()).find(q), net::PacsError) << "an instance query names its series";
    q.level = net::PacsQuery::Level::Series;
    q.seriesInstanceUid = net::DimseClient(peer()).find(q).at(0).at("SeriesInstanceUID");
    q.level = net::PacsQuery::Level::Instance;
    const auto instances = net::DimseClient(peer()).find(q);
    ASSERT_EQ(instances.size(), 12u);
    const io::LoadedImage sent = io::ImageLoader::load((*data_ / "ct").string());
    std::set<std::string> zs;
    for (const auto& r : instances) {
        EXPECT_FALSE(r.at("SOPInstanceUID").empty());
        EXPECT_FALSE(r.at("InstanceNumber").empty());
        zs.insert(r.at("ImagePositionPatient"));
    }
    EXPECT_EQ(zs.size(), 12u) << "twelve positions";

    test::TempDir out("pacs-some");
    const net::RetrieveScope some{study, q.seriesInstanceUid, {instances[2].at("SOPInstanceUID"), instances[7].at("SOPInstanceUID")}};
    std::set<std::string> got;
    const net::RetrieveResult r = net::DimseClient(peer()).get(some, out.path().string(), [&](const std::string&, const std::string& uid) {
        got.insert(uid);
        return true;
    });
    EXPECT_EQ(r.files.size(), 2u);
    EXPECT_EQ(got, std::set<std::string>(some.instanceUids.begin(), some.instanceUids.end()));
    const net::RetrieveResult moved = net::DimseClient(peer()).move(some, (out / "moved").string(), server_->lumenPort());
    EXPECT_EQ(moved.files.size(), 2u) << "the same by C-MOVE";
}

TEST_F(Pacs, RetrievedVoxelsAndGeometryAreWhatWasUploaded) {
    const std::string study = ctStudy();
    ASSERT_FALSE(study.empty());
    test::TempDir out("pacs-get");
    int seen = 0;
    const net::RetrieveResult r = net::DimseClient(peer()).get({study, "", {}}, (out / "study").string(), [&](const std::string& file, const std::string& uid) {
        ++seen;
        EXPECT_FALSE(uid.empty());
        return std::filesystem::exists(file);
    });
    ASSERT_EQ(r.files.size(), 12u);
    EXPECT_EQ(seen, 12);
    EXPECT_EQ(r.failed, 0);
    EXPECT_FALSE(r.canceled);
    EXPECT_GT(r.bytes, 12u * 64 * 64 * 2);
    EXPECT_GE(r.firstInstanceMs, 0);
    EXPECT_LE(r.firstInstanceMs, r.totalMs);
    const io::LoadedImage sent = io::ImageLoader::load((*data_ / "ct").string());
    const io::LoadedImage got = io::ImageLoader::load((out / "study").string());
    ASSERT_EQ(got.volume.geometry().dims(), sent.volume.geometry().dims());
    EXPECT_TRUE(got.volume.geometry().isApprox(sent.volume.geometry())) << "the geometry";
    EXPECT_EQ(std::memcmp(got.volume.data(), sent.volume.data(), sent.volume.frameByteSize()), 0) << "the voxels";
    EXPECT_EQ(got.series.seriesUid, sent.series.seriesUid);

    // One series of the study; then a retrieve canceled after the third instance keeps what came.
    net::PacsQuery q;
    q.level = net::PacsQuery::Level::Series, q.studyInstanceUid = study;
    const std::string series = net::DimseClient(peer()).find(q).at(0).at("SeriesInstanceUID");
    EXPECT_EQ(net::DimseClient(peer()).get({study, series, {}}, (out / "series").string()).files.size(), 12u);
    int count = 0;
    const net::RetrieveResult canceled = net::DimseClient(peer()).get({study, "", {}}, (out / "canceled").string(), [&](const std::string&, const std::string&) {
        return ++count < 3;
    });
    EXPECT_TRUE(canceled.canceled);
    EXPECT_EQ(canceled.files.size(), 3u);
    EXPECT_NO_THROW(net::DimseClient(peer()).echo()) << "the PACS is fine after the abort";

    // C-MOVE to Lumen's own receiver: the same instances; an unregistered AE title is named.
    const net::RetrieveResult moved = net::DimseClient(peer()).move({study, "", {}}, (out / "moved").string(), server_->lumenPort());
    ASSERT_EQ(moved.files.size(), 12u);
    EXPECT_EQ(moved.failed, 0);
    const io::LoadedImage viaMove = io::ImageLoader::load((out / "moved").string());
    EXPECT_EQ(std::memcmp(viaMove.volume.data(), sent.volume.data(), sent.volume.frameByteSize()), 0) << "the voxels, by C-MOVE";
    net::DimsePeer stranger = peer();
    stranger.callingAet = "STRANGER";
    const std::string unknown = errorOf([&] { net::DimseClient(stranger).move({study, "", {}}, (out / "nowhere").string(), test::freeLoopbackPort()); });
    EXPECT_NE(unknown.find("move destination STRANGER"), std::string::npos) << unknown;
    const std::string busy = errorOf([&] { net::DimseClient(peer()).move({study, "", {}}, (out / "busy").string(), server_->dicomPort()); });
    EXPECT_NE(busy.find("cannot receive on port " + std::to_string(server_->dicomPort())), std::string::npos) << busy;
}

// An annotator's SEG goes back to the PACS (onto pydicom's MR, the study it references) and a
// second query finds it; what is not DICOM is refused by name.
TEST_F(Pacs, ASegSentBackIsFoundByTheNextQuery) {
    test::TempDir dir("pacs-send");
    std::filesystem::create_directories(dir / "mr");
    std::filesystem::copy_file(std::string(test::kPydicomTestFiles) + "/MR_small.dcm", dir / "mr" / "MR_small.dcm");
    const std::string cli = test::quote(test::lumenCli().string());
    ASSERT_EQ(test::run(cli + " convert " + test::quote(dir / "mr") + " " + test::quote(dir / "mr.nii.gz")).exitCode, 0);
    const auto made = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import nibabel as nib, numpy as np\n"
        "a = nib.load('" + (dir / "mr.nii.gz").string() + "'); v = np.asarray(a.dataobj)\n"
        "nib.save(nib.Nifti1Image((v > np.percentile(v, 80)).astype(np.uint8), a.affine), '" + (dir / "labels.nii.gz").string() + "')\n"));
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const auto seg = test::run(cli + " seg export --labels " + test::quote(dir / "labels.nii.gz") + " --source " + test::quote(dir / "mr") +
                               " --out " + test::quote(dir / "seg.dcm"));
    ASSERT_EQ(seg.exitCode, 0) << seg.err;
    std::ofstream(dir / "notes.txt") << "not DICOM";
    // Files that DCMTK alone would follow into the stack's end or a 4 GB allocation.
    std::ofstream(dir / "deep.dcm", std::ios::binary) << test::nestedSequences(200000);
    std::ofstream(dir / "bomb.dcm", std::ios::binary) << test::deflateBomb(1100);

    const net::StoreResult sent = net::DimseClient(peer()).store(
        {(dir / "seg.dcm").string(), (dir / "notes.txt").string(), (dir / "deep.dcm").string(), (dir / "bomb.dcm").string()});
    ASSERT_EQ(sent.stored.size(), 1u);
    ASSERT_EQ(sent.refused.size(), 3u);
    EXPECT_EQ(sent.refused[0].reason, "not a DICOM file");
    EXPECT_NE(sent.refused[1].reason.find("nest more than 64 levels"), std::string::npos) << sent.refused[1].reason;
    EXPECT_NE(sent.refused[2].reason.find("expands past 1024 MB"), std::string::npos) << sent.refused[2].reason;

    net::PacsQuery q;
    q.modality = "MR";
    const std::string study = net::DimseClient(peer()).find(q).at(0).at("StudyInstanceUID");
    q = {};
    q.level = net::PacsQuery::Level::Series, q.studyInstanceUid = study, q.modality = "SEG";
    const auto series = net::DimseClient(peer()).find(q);
    ASSERT_EQ(series.size(), 1u) << "the SEG is in the MR's study";
    EXPECT_EQ(series[0].at("NumberOfSeriesRelatedInstances"), "1");
    const net::RetrieveResult back = net::DimseClient(peer()).get({study, series[0].at("SeriesInstanceUID"), {}}, (dir / "back").string());
    ASSERT_EQ(back.files.size(), 1u);
    EXPECT_EQ(test::readText(back.files[0]).size(), test::readText(dir / "seg.dcm").size()) << "the SEG came back whole";
}

// --anonymize sends de-identified copies: the PACS gets the study under the new patient ID, a
// new study UID, and nothing it could find by the old identity.
TEST_F(Pacs, ADeidentifiedSendArrivesWithoutItsIdentity) {
    // An Orthanc of its own: the suite's is shared when the tests run in one process (ASan).
    test::OrthancServer own;
    ASSERT_TRUE(own.running()) << own.error();
    const std::string dimse = own.dimse();
    test::TempDir dir("pacs-deid");
    const std::string cli = test::quote(test::lumenCli().string());
    ASSERT_EQ(test::run(cli + " synth-ct " + test::quote((dir / "ct").string()) + " --slices 6 --size 32").exitCode, 0);
    const auto r = test::run(cli + " pacs send --dimse " + dimse + " --anonymize --patient-id TRIAL-9 --map " +
                             test::quote((dir / "map.json").string()) + " " + test::quote((dir / "ct").string()));
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at("stored").size(), 6u);
    net::PacsQuery q;
    q.patientId = "TRIAL-9";
    const auto sent = net::DimseClient(net::DimsePeer::parse(dimse)).find(q);
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].at("PatientName"), "TRIAL-9");
    q.patientId.clear(), q.patientName = "Synthetic*";
    EXPECT_EQ(net::DimseClient(net::DimsePeer::parse(dimse)).find(q).size(), 0u) << "nothing answers to the old name";
    EXPECT_TRUE(test::readText(dir / "map.json").find("LUMEN-SYNTH") != std::string::npos) << "the map, kept here, re-identifies";
    // Profile options need --anonymize.
    EXPECT_NE(test::run(cli + " pacs send --dimse " + dimse + " --patient-id X " + test::quote((dir / "ct").string())).exitCode, 0);
}

TEST_F(Pacs, TheCliEchoesFindsRetrievesAndSendsWithJsonOnStdout) {
    const std::string cli = test::quote(test::lumenCli().string()) + " pacs ";
    const std::string at = " --dimse " + server_->dimse();
    auto r = test::run(cli + "echo" + at);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at("echo"), "ok");
    r = test::run(cli + "find" + at + " --level study --modality CT --json");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto found = nlohmann::json::parse(r.out).at("results");
    ASSERT_EQ(found.size(), 1u);
    const std::string study = found[0].at("StudyInstanceUID");
    test::TempDir out("pacs-cli");
    r = test::run(cli + "get" + at + " --study " + study + " --out " + test::quote((out / "s").string()) + " --timing");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto timing = nlohmann::json::parse(r.out);
    EXPECT_EQ(timing.at("instances"), 12);
    for (const char* key : {"bytes", "first_instance_ms", "total_ms", "mb_per_s"}) EXPECT_TRUE(timing.contains(key)) << key;
    r = test::run(cli + "get" + at + " --study " + study + " --method cmove --listen " + std::to_string(server_->lumenPort()) + " --out " +
                  test::quote((out / "m").string()));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at("instances"), 12);
    r = test::run(cli + "send" + at + " " + test::quote(std::string(test::kPydicomTestFiles) + "/CT_small.dcm"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at("stored").size(), 1u);
    r = test::run(cli + "echo --dimse WRONG@127.0.0.1:" + std::to_string(server_->dicomPort()));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("lumen-cli: error: WRONG@127.0.0.1"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << "nothing but JSON on stdout: " << r.out;
}

}  // namespace
