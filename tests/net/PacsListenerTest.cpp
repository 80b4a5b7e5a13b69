// The always-on C-STORE listener: what a modality (DCMTK's storescu) or the PACS (Orthanc told by
// its REST API to push a study to Lumen) sends lands in the study database; a port in use is said.
#include "OrthancServer.h"
#include "TestSupport.h"
#include "CoreApp.h"
#include "io/StudyDatabase.h"
#include "logic/PacsListener.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdlib>

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

}  // namespace
