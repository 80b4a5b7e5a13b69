// The always-on C-STORE listener: what a modality (DCMTK's storescu) or the PACS (Orthanc told by
// its REST API to push a study to Lumen) sends lands in the study database; a port in use is said.
#include "OrthancServer.h"
#include "TestSupport.h"
#include "CoreApp.h"
#include "io/DicomIndexer.h"
#include "io/StudyDatabase.h"
#include "logic/PacsListener.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/dimse.h>
#include <dcmtk/dcmnet/scu.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <pthread.h>

using namespace lumen;

namespace {

QCoreApplication& app() { return test::netApp(); }

std::size_t imagesIn(const std::string& db, const std::string& patientId) {
    std::size_t n = 0;
    for (const auto& p : io::StudyDatabase(db).patients())
        if (p.patientId == patientId)
            for (const auto& st : p.studies)
                for (const auto& se : st.series) n += se.images;
    return n;
}

TEST(PacsListener, StudiesPushedByAModalityOrThePacsLandInTheDatabase) {
    app();
    test::OrthancServer orthanc;
    ASSERT_TRUE(orthanc.running()) << orthanc.error();
    test::TempDir dir("pacs-listener");
    setenv("LUMEN_DATA_DIR", dir.path().c_str(), 1);
    const std::string db = (dir / "studies.sqlite").string();
    ASSERT_EQ(test::run(test::quote(test::lumenCli().string()) + " synth-ct " + test::quote((dir / "ct").string()) + " --slices 6 --size 32").exitCode, 0);

    // Listening on the port Orthanc knows as "lumen".
    logic::PacsListener listener(QString::fromStdString(db));
    ASSERT_TRUE(listener.start("LUMEN", orthanc.lumenPort())) << listener.error().toStdString();
    logic::PacsListener second(QString::fromStdString(db));
    EXPECT_FALSE(second.start("LUMEN", orthanc.lumenPort()));
    EXPECT_TRUE(second.error().contains(QString::number(orthanc.lumenPort()))) << second.error().toStdString();

    // A modality sends (storescu).
    const auto sent = test::run("storescu -aec LUMEN 127.0.0.1 " + std::to_string(orthanc.lumenPort()) + " " +
                                test::quote(std::string(test::kPydicomTestFiles) + "/MR_small.dcm"));
    ASSERT_EQ(sent.exitCode, 0) << sent.err;
    EXPECT_TRUE(QTest::qWaitFor([&] { return imagesIn(db, "4MR1") == 1; }, 20000)) << "the modality's image";

    // The PACS pushes a study (Orthanc's REST API: POST /modalities/lumen/store).
    ASSERT_TRUE(orthanc.store(test::filesUnder(dir / "ct"))) << orthanc.error();
    const auto pushed = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import base64, json, urllib.request\n"
        "auth = {'Authorization': 'Basic ' + base64.b64encode(b'lumen:secret').decode()}\n"
        "base = 'http://127.0.0.1:" + std::to_string(orthanc.httpPort()) + "'\n"
        "studies = json.load(urllib.request.urlopen(urllib.request.Request(base + '/studies', headers=auth)))\n"
        "body = json.dumps({'Resources': studies, 'Synchronous': True}).encode()\n"
        "urllib.request.urlopen(urllib.request.Request(base + '/modalities/lumen/store', data=body, headers=auth)).read()\n"));
    ASSERT_EQ(pushed.exitCode, 0) << pushed.err;
    EXPECT_TRUE(QTest::qWaitFor([&] { return imagesIn(db, "LUMEN-SYNTH") == 6; }, 20000)) << "the study the PACS pushed";
    listener.stop();
    EXPECT_FALSE(listener.listening());
}

// A C-STORE of a data set whose sequences nest `depth` deep, sent from a thread with a stack big
// enough for DCMTK's recursion (building, encoding and freeing such a data set recurse too).
// Sequences and items of undefined length, so that encoding does not sum lengths at every level.
struct DeepSend {
    int port = 0, depth = 0;
    Uint16 status = 0xFFFF;
    std::string error;
    static void* run(void* self) {
        auto& s = *static_cast<DeepSend*>(self);
        auto data = std::make_unique<DcmDataset>();
        data->putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
        data->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.8.498.1");
        data->putAndInsertString(DCM_PatientID, "DEEP-NESTING");
        DcmItem* item = data.get();
        for (int i = 0; i < s.depth; ++i) {
            auto* sequence = new DcmSequenceOfItems(DCM_ReferencedSeriesSequence);
            item->insert(sequence);
            item = new DcmItem();
            sequence->insert(item);
        }
        const E_EncodingType before = g_dimse_send_sequenceType_encoding;
        g_dimse_send_sequenceType_encoding = EET_UndefinedLength;
        DcmSCU scu;
        scu.setAETitle("DEEP");
        scu.setPeerHostName("127.0.0.1");
        scu.setPeerPort(Uint16(s.port));
        scu.setPeerAETitle("LUMEN");
        scu.addPresentationContext(UID_SecondaryCaptureImageStorage, {UID_LittleEndianExplicitTransferSyntax});
        OFCondition c = scu.initNetwork();
        if (c.good()) c = scu.negotiateAssociation();
        if (c.good()) c = scu.sendSTORERequest(scu.findPresentationContextID(UID_SecondaryCaptureImageStorage, UID_LittleEndianExplicitTransferSyntax),
                                               "", data.get(), s.status);
        if (c.good()) scu.releaseAssociation();
        g_dimse_send_sequenceType_encoding = before;
        s.error = c.good() ? "" : c.text();
        return nullptr;
    }
    void sendOnABigStack() {
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, std::size_t(2) << 30);
        pthread_t thread;
        ASSERT_EQ(pthread_create(&thread, &attr, &DeepSend::run, this), 0);
        pthread_join(thread, nullptr);
        pthread_attr_destroy(&attr);
    }
};

// DCMTK parses a data set recursively: one nested a hundred thousand deep, pushed to Lumen by
// anyone on the network, would overflow the listener's stack and end the viewer (it did, before
// the listener stored what arrives unparsed). Now it lands as a file, the indexer refuses it with
// a reason, and the listener goes on receiving.
TEST(PacsListener, ADataSetNestedDeeperThanAnyStackIsRefusedAndTheListenerGoesOn) {
    app();
    test::TempDir dir("pacs-listener-deep");
    setenv("LUMEN_DATA_DIR", dir.path().c_str(), 1);
    const std::string db = (dir / "studies.sqlite").string();
    const int port = test::freeLoopbackPort();
    logic::PacsListener listener(QString::fromStdString(db));
    ASSERT_TRUE(listener.start("LUMEN", port)) << listener.error().toStdString();

    DeepSend deep;
    deep.port = port;
    deep.depth = 100000;
    deep.sendOnABigStack();
    ASSERT_EQ(deep.error, "");
    EXPECT_EQ(deep.status, STATUS_Success);

    // The file arrived as sent, and reading it says why it is not shown.
    std::vector<std::string> received;
    for (const auto& f : std::filesystem::recursive_directory_iterator(dir.path()))
        if (f.is_regular_file() && f.path().filename().string().find("1.2.826.0.1.3680043.8.498.1") != std::string::npos) received.push_back(f.path().string());
    ASSERT_EQ(received.size(), 1u);
    const io::DicomIndex index = io::DicomIndexer::index(received, nullptr, 1);
    ASSERT_EQ(index.errors.size(), 1u);
    EXPECT_NE(index.errors[0].reason.find("nest"), std::string::npos) << index.errors[0].reason;

    // Still listening: a modality's image lands.
    const auto sent = test::run("storescu -aec LUMEN 127.0.0.1 " + std::to_string(port) + " " +
                                test::quote(std::string(test::kPydicomTestFiles) + "/MR_small.dcm"));
    ASSERT_EQ(sent.exitCode, 0) << sent.err;
    EXPECT_TRUE(QTest::qWaitFor([&] { return imagesIn(db, "4MR1") == 1; }, 20000)) << "the modality's image";
    EXPECT_EQ(imagesIn(db, "DEEP-NESTING"), 0u);
    listener.stop();
}

}  // namespace
