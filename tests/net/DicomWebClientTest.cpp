// lumen_net's DICOMweb client against a real Orthanc with its DICOMweb plugin (QIDO-RS, WADO-RS,
// STOW-RS, basic authentication) and against a server that answers badly (an HTML page, a part
// that is not DICOM, a multipart cut off): clear errors, and only whole instances on disk.
#include "NetTestSupport.h"
#include "OrthancServer.h"
#include "TestSupport.h"
#include "io/ImageLoader.h"
#include "net/DicomWebClient.h"
#include "net/PacsError.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <cstring>
#include <memory>
#include <set>

using namespace lumen;
using test::errorOf;

namespace {

class DicomWeb : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server_ = std::make_unique<test::OrthancServer>();
        if (!server_->running()) return;
        data_ = std::make_unique<test::TempDir>("dicomweb-data");
        const std::string cli = test::quote(test::lumenCli().string());
        if (test::run(cli + " synth-ct " + test::quote((*data_ / "ct").string()) + " --slices 16 --size 64").exitCode != 0) return;
        std::vector<std::string> files = test::filesUnder(*data_ / "ct");
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
    static net::DicomWebPeer peer() {
        net::DicomWebPeer p;
        p.baseUrl = server_->dicomweb(), p.auth = net::DicomWebPeer::Auth::Basic, p.user = "lumen", p.secret = "secret", p.timeoutSeconds = 5;
        return p;
    }
    static std::string ctStudy() {
        net::PacsQuery q;
        q.patientId = "LUMEN-SYNTH";
        const auto r = net::DicomWebClient(peer()).find(q);
        return r.size() == 1 ? r[0].at("StudyInstanceUID") : std::string();
    }
    static std::unique_ptr<test::OrthancServer> server_;
    static std::unique_ptr<test::TempDir> data_;
    static bool uploaded_;
};
std::unique_ptr<test::OrthancServer> DicomWeb::server_;
std::unique_ptr<test::TempDir> DicomWeb::data_;
bool DicomWeb::uploaded_ = false;

TEST_F(DicomWeb, EchoAndTheErrorsAUserMeets) {
    EXPECT_NO_THROW(net::DicomWebClient(peer()).echo());
    net::DicomWebPeer wrong = peer();
    wrong.secret = "not-the-password";
    EXPECT_NE(errorOf([&] { net::DicomWebClient(wrong).echo(); }).find("refused the user name or password (HTTP 401)"), std::string::npos);
    net::DicomWebPeer anonymous = peer();
    anonymous.auth = net::DicomWebPeer::Auth::None;
    EXPECT_NE(errorOf([&] { net::DicomWebClient(anonymous).find({}); }).find("HTTP 401"), std::string::npos);
    net::DicomWebPeer path = peer();
    path.baseUrl = "http://127.0.0.1:" + std::to_string(server_->httpPort()) + "/not-dicom-web";
    EXPECT_NE(errorOf([&] { net::DicomWebClient(path).echo(); }).find("is the DICOMweb base URL right?"), std::string::npos);
    net::DicomWebPeer closed = peer();
    closed.baseUrl = "http://127.0.0.1:" + std::to_string(test::freeLoopbackPort()) + "/dicom-web";
    const std::string unreachable = errorOf([&] { net::DicomWebClient(closed).echo(); });
    EXPECT_NE(unreachable.find("cannot reach 127.0.0.1:"), std::string::npos) << unreachable;
    try {
        net::DicomWebClient(closed).echo();
    } catch (const net::PacsError& e) {
        EXPECT_TRUE(e.transient()) << "worth a retry";
    }
}

TEST_F(DicomWeb, QueriesAtEachLevelWithTheKeywordsOfCFind) {
    const net::DicomWebClient pacs(peer());
    EXPECT_EQ(pacs.find({}).size(), 2u);
    net::PacsQuery q;
    q.patientName = "Synth*";
    auto r = pacs.find(q);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].at("PatientName"), "Synthetic^CT");
    EXPECT_EQ(r[0].at("NumberOfStudyRelatedInstances"), "16");
    q = {};
    q.modality = "MR";
    ASSERT_EQ(pacs.find(q).size(), 1u);
    q = {};
    q.studyDateFrom = "19000101", q.studyDateTo = "19000102";
    EXPECT_TRUE(pacs.find(q).empty());

    q = {};
    q.level = net::PacsQuery::Level::Series, q.studyInstanceUid = ctStudy();
    r = pacs.find(q);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].at("Modality"), "CT");
    EXPECT_EQ(r[0].at("NumberOfSeriesRelatedInstances"), "16");
    q.level = net::PacsQuery::Level::Instance, q.seriesInstanceUid = r[0].at("SeriesInstanceUID");
    r = pacs.find(q);
    ASSERT_EQ(r.size(), 16u);
    std::set<std::string> positions;
    for (const auto& i : r) positions.insert(i.at("ImagePositionPatient"));
    EXPECT_EQ(positions.size(), 16u) << "positions for laying the series out before it arrives";
}

TEST_F(DicomWeb, RetrievesByWadoRsWithTheUploadedVoxelsAndSendsByStowRs) {
    test::TempDir out("dicomweb-get");
    int seen = 0;
    const net::RetrieveResult r = net::DicomWebClient(peer()).retrieve({ctStudy(), "", {}}, (out / "study").string(), [&](const std::string& file, const std::string& uid) {
        ++seen;
        EXPECT_TRUE(std::filesystem::exists(file));
        EXPECT_FALSE(uid.empty());
        return true;
    });
    ASSERT_EQ(r.files.size(), 16u);
    EXPECT_EQ(seen, 16);
    const io::LoadedImage sent = io::ImageLoader::load((*data_ / "ct").string());
    const io::LoadedImage got = io::ImageLoader::load((out / "study").string());
    ASSERT_EQ(got.volume.byteSize(), sent.volume.byteSize());
    EXPECT_TRUE(got.volume.geometry().isApprox(sent.volume.geometry()));
    EXPECT_EQ(std::memcmp(got.volume.data(), sent.volume.data(), sent.volume.byteSize()), 0) << "the voxels, by WADO-RS";

    int count = 0;
    const net::RetrieveResult canceled = net::DicomWebClient(peer()).retrieve({ctStudy(), "", {}}, (out / "canceled").string(), [&](const std::string&, const std::string&) {
        return ++count < 3;
    });
    EXPECT_TRUE(canceled.canceled);
    EXPECT_EQ(canceled.files.size(), 3u);

    // STOW-RS: a copy of the MR as a new series (new UIDs), and a text file refused by name.
    const auto copy = out / "mr-copy.dcm";
    const auto made = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import pydicom; from pydicom.uid import generate_uid\n"
        "d = pydicom.dcmread('" + std::string(test::kPydicomTestFiles) + "/MR_small.dcm')\n"
        "d.SOPInstanceUID = d.file_meta.MediaStorageSOPInstanceUID = generate_uid()\n"
        "d.SeriesInstanceUID = generate_uid(); d.SeriesDescription = 'sent by STOW'\n"
        "d.save_as('" + copy.string() + "')\n"));
    ASSERT_EQ(made.exitCode, 0) << made.err;
    std::ofstream(out / "notes.txt") << "not DICOM";
    const net::StoreResult stored = net::DicomWebClient(peer()).store({copy.string(), (out / "notes.txt").string()});
    ASSERT_EQ(stored.stored.size(), 1u);
    ASSERT_EQ(stored.refused.size(), 1u);
    EXPECT_EQ(stored.refused[0].reason, "not a DICOM file");
    net::PacsQuery q;
    q.modality = "MR";
    const std::string mrStudy = net::DicomWebClient(peer()).find(q).at(0).at("StudyInstanceUID");
    q = {};
    q.level = net::PacsQuery::Level::Series, q.studyInstanceUid = mrStudy;
    EXPECT_EQ(net::DicomWebClient(peer()).find(q).size(), 2u) << "the series sent by STOW-RS is found";
}

TEST_F(DicomWeb, TheCliTalksDicomWebWithThePasswordFromAFile) {
    test::TempDir dir("dicomweb-cli");
    std::ofstream(dir / "password") << "secret\n";
    const std::string cli = test::quote(test::lumenCli().string()) + " pacs ";
    const std::string at = " --dicomweb " + server_->dicomweb() + " --user lumen --password-file " + test::quote((dir / "password").string());
    auto r = test::run(cli + "echo" + at);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = test::run(cli + "find" + at + " --modality CT --json");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string study = nlohmann::json::parse(r.out).at("results").at(0).at("StudyInstanceUID");
    r = test::run(cli + "get" + at + " --study " + study + " --method wado --out " + test::quote((dir / "out").string()) + " --timing");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at("instances"), 16);
    std::ofstream(dir / "wrong") << "guess\n";
    r = test::run(cli + "echo --dicomweb " + server_->dicomweb() + " --user lumen --password-file " + test::quote((dir / "wrong").string()));
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.err.find("HTTP 401"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("guess"), std::string::npos) << "the password is not repeated";
}

// A server that answers with something else than DICOM, or stops halfway.
class BadServer : public test::ScriptServer {
public:
    BadServer() : ScriptServer("bad_dicomweb_server.py", {std::string(test::kPydicomTestFiles) + "/CT_small.dcm"}) {}
    net::DicomWebPeer peer(const std::string& mode) const {
        net::DicomWebPeer p;
        p.baseUrl = "http://127.0.0.1:" + std::to_string(port()) + "/" + mode;
        p.timeoutSeconds = 5;
        return p;
    }
};

TEST(DicomWebBadAnswers, AreClearErrorsAndLeaveOnlyWholeInstances) {
    BadServer bad;
    ASSERT_GT(bad.port(), 0);
    test::TempDir out("dicomweb-bad");
    const net::RetrieveScope series{"1.2.3", "1.2.3.4", {}};
    std::string e = errorOf([&] { net::DicomWebClient(bad.peer("html")).retrieve(series, (out / "html").string()); });
    EXPECT_NE(e.find("'text/html', not multipart/related DICOM"), std::string::npos) << e;
    EXPECT_TRUE(test::filesUnder(out / "html").empty());

    e = errorOf([&] { net::DicomWebClient(bad.peer("notdicom")).retrieve(series, (out / "notdicom").string()); });
    EXPECT_NE(e.find("a part that is not DICOM (content-type: image/jpeg)"), std::string::npos) << e;
    EXPECT_EQ(test::filesUnder(out / "notdicom").size(), 1u) << "the whole DICOM part before it";

    e = errorOf([&] { net::DicomWebClient(bad.peer("truncated")).retrieve(series, (out / "truncated").string()); });
    EXPECT_NE(e.find("cut off after 1 complete instance(s)"), std::string::npos) << e;
    const auto files = test::filesUnder(out / "truncated");
    ASSERT_EQ(files.size(), 1u) << "the whole part; nothing of the half one";
    EXPECT_EQ(std::filesystem::path(files[0]).extension(), ".dcm");
    EXPECT_EQ(test::readText(files[0]), test::readText(std::string(test::kPydicomTestFiles) + "/CT_small.dcm"));
}

}  // namespace
