// DICOM TLS against an Orthanc with it on (certificates made by the test with openssl; Orthanc
// requires Lumen's client certificate and calls Lumen's C-MOVE receiver over TLS) and HTTPS in
// front of its DICOMweb: echo, query, C-GET and C-MOVE, QIDO and WADO over https; and the
// mismatches a user meets, in words.
#include "NetTestSupport.h"
#include "OrthancServer.h"
#include "TestSupport.h"
#include "net/DicomWebClient.h"
#include "net/DimseClient.h"
#include "net/PacsError.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>

using namespace lumen;
using test::errorOf;

namespace {

class Tls : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        certs_ = std::make_unique<test::TempDir>("tls-certs");
        if (!test::makeTestCertificates(certs_->path())) return;
        server_ = std::make_unique<test::OrthancServer>(certs_->path().string());
        if (!server_->running()) return;
        data_ = std::make_unique<test::TempDir>("tls-data");
        if (test::run(test::quote(test::lumenCli().string()) + " synth-ct " + test::quote((*data_ / "ct").string()) + " --slices 8 --size 32").exitCode != 0) return;
        uploaded_ = server_->store(test::filesUnder(*data_ / "ct"));
    }
    static void TearDownTestSuite() {
        server_.reset();
        data_.reset();
        certs_.reset();
    }
    void SetUp() override {
        ASSERT_TRUE(server_ && server_->running()) << (server_ ? server_->error() : "openssl could not make the certificates");
        ASSERT_TRUE(uploaded_) << server_->error();
    }
    static std::string cert(const char* name) { return (certs_->path() / name).string(); }
    static net::DimsePeer peer() {
        net::DimsePeer p = net::DimsePeer::parse(server_->dimse());
        p.timeoutSeconds = 5, p.tls = true, p.caFile = cert("ca.crt"), p.certificateFile = cert("client.crt"), p.keyFile = cert("client.key");
        return p;
    }
    static std::unique_ptr<test::TempDir> certs_, data_;
    static std::unique_ptr<test::OrthancServer> server_;
    static bool uploaded_;
};
std::unique_ptr<test::TempDir> Tls::certs_, Tls::data_;
std::unique_ptr<test::OrthancServer> Tls::server_;
bool Tls::uploaded_ = false;

TEST_F(Tls, DimseOverTlsBothWays) {
    const net::DimseClient pacs(peer());
    EXPECT_NO_THROW(pacs.echo());
    const auto studies = pacs.find({});
    ASSERT_EQ(studies.size(), 1u);
    test::TempDir out("tls-get");
    EXPECT_EQ(pacs.get({studies[0].at("StudyInstanceUID"), "", {}}, (out / "get").string()).files.size(), 8u) << "C-GET over TLS";
    // C-MOVE: Orthanc opens a TLS association to Lumen's receiver, which shows the client certificate.
    const net::RetrieveResult moved = pacs.move({studies[0].at("StudyInstanceUID"), "", {}}, (out / "move").string(), server_->lumenPort());
    EXPECT_EQ(moved.files.size(), 8u) << "C-MOVE with TLS both ways";
}

TEST_F(Tls, MismatchesAreNamed) {
    net::DimsePeer plain = peer();
    plain.tls = false;
    const std::string noTls = errorOf([&] { net::DimseClient(plain).echo(); });
    EXPECT_NE(noTls.find("does the PACS expect DICOM TLS?"), std::string::npos) << noTls;
    net::DimsePeer stranger = peer();
    stranger.caFile = cert("other-ca.crt");
    const std::string wrongCa = errorOf([&] { net::DimseClient(stranger).echo(); });
    EXPECT_NE(wrongCa.find("DICOM TLS with 127.0.0.1:"), std::string::npos) << wrongCa;
    net::DimsePeer anonymous = peer();
    anonymous.certificateFile.clear(), anonymous.keyFile.clear();
    EXPECT_NE(errorOf([&] { net::DimseClient(anonymous).echo(); }), "no error") << "Orthanc requires Lumen's certificate";
    net::DimsePeer noCa = peer();
    noCa.caFile.clear();
    EXPECT_NE(errorOf([&] { net::DimseClient(noCa).echo(); }).find("needs the CA file"), std::string::npos);
}

TEST_F(Tls, HttpsWithTheCaFile) {
    // HTTPS in front of Orthanc's HTTP, as nginx would be (tls_proxy.py).
    test::ScriptServer proxy("tls_proxy.py", {cert("server.crt"), cert("server.key"), std::to_string(server_->httpPort())});
    ASSERT_GT(proxy.port(), 0);
    net::DicomWebPeer web;
    web.baseUrl = "https://127.0.0.1:" + std::to_string(proxy.port()) + "/dicom-web", web.auth = net::DicomWebPeer::Auth::Basic, web.user = "lumen", web.secret = "secret";
    web.caFile = cert("ca.crt"), web.timeoutSeconds = 5;
    EXPECT_NO_THROW(net::DicomWebClient(web).echo());
    test::TempDir out("tls-wado");
    const auto studies = net::DicomWebClient(web).find({});
    ASSERT_EQ(studies.size(), 1u);
    EXPECT_EQ(net::DicomWebClient(web).retrieve({studies[0].at("StudyInstanceUID"), "", {}}, out.path().string()).files.size(), 8u);
    web.caFile = cert("other-ca.crt");
    const std::string wrongCa = errorOf([&] { net::DicomWebClient(web).echo(); });
    EXPECT_NE(wrongCa.find("TLS with 127.0.0.1:"), std::string::npos) << wrongCa;
    EXPECT_NE(wrongCa.find("does the CA file match"), std::string::npos) << wrongCa;
}

TEST_F(Tls, TheCliTakesTlsOptions) {
    const std::string at = " --dimse " + server_->dimse() + " --tls --ca " + cert("ca.crt") + " --cert " + cert("client.crt") + " --key " + cert("client.key");
    const auto r = test::run(test::quote(test::lumenCli().string()) + " pacs find" + at + " --json");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at("results").size(), 1u);
}

}  // namespace
