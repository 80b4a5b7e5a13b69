// The PACS tab as a radiologist uses it, against a real Orthanc: search, expand a study, Retrieve;
// the first image is on screen while the retrieve still runs, the rest fill the same volume, and
// the series ends up whole in the local database with the voxels that were uploaded.
#include "GuiTestSupport.h"
#include "OrthancServer.h"
#include "TestSupport.h"
#include "io/ImageLoader.h"
#include "logic/AnonymisedExport.h"
#include "logic/Document.h"
#include "net/DimseClient.h"
#include "net/PacsServerList.h"
#include "ui/PacsPanel.h"
#include "ui/PreferencesDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <cstring>

#include <nlohmann/json.hpp>

using namespace lumen;

namespace {

// The server file the window reads ($LUMEN_PACS_SERVERS), naming the test's Orthanc by DIMSE.
net::PacsServer useOrthanc(const test::OrthancServer& orthanc, const QString& data) {
    net::PacsServerList servers;
    net::PacsServer server;
    server.name = "Hospital PACS", server.calledAet = test::OrthancServer::kAet, server.host = "127.0.0.1", server.port = orthanc.dicomPort();
    servers.servers.push_back(server);
    const std::string file = data.toStdString() + "/pacs-servers.json";
    servers.save(file);
    qputenv("LUMEN_PACS_SERVERS", QByteArray::fromStdString(file));
    return server;
}

TEST(PacsGui, SearchRetrieveAndTheFirstImageShowsBeforeTheRestArrive) {
    test::guiApp();
    const QString data = test::prepareDataFolder("PacsGui");
    test::OrthancServer orthanc;
    ASSERT_TRUE(orthanc.running()) << orthanc.error();
    const auto ct = std::filesystem::path(data.toStdString()) / "upload";
    ASSERT_EQ(test::run(test::quote(test::lumenCli().string()) + " synth-ct " + test::quote(ct.string()) + " --slices 300 --size 256").exitCode, 0);
    ASSERT_TRUE(orthanc.store(test::filesUnder(ct))) << orthanc.error();
    const net::PacsServer server = useOrthanc(orthanc, data);

    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    ui::PacsPanel* pacs = window.pacsPanel();
    window.findChild<QTabWidget*>("studyTabs")->setCurrentWidget(pacs);
    EXPECT_EQ(pacs->serverName(), "Hospital PACS");
    pacs->search();
    QTreeWidget* results = pacs->results();
    ASSERT_TRUE(test::waitFor([&] { return results->topLevelItemCount() == 1; }, 20000)) << "the synthetic CT's study";
    QTreeWidgetItem* study = results->topLevelItem(0);
    EXPECT_EQ(study->text(1), "300");
    study->setExpanded(true);
    ASSERT_TRUE(test::waitFor([&] { return study->childCount() == 1; }, 20000)) << "its series, on demand";
    EXPECT_TRUE(study->child(0)->text(2).isEmpty()) << "nothing in Lumen yet";
    test::saveScreenshot(&window, "pacs-search");

    // Retrieve: the series is on screen, still filling, while the retrieve runs.
    logic::Document* document = window.document();
    bool shownWhileRetrieving = false, arrivingShown = false;
    QObject::connect(document, &logic::Document::imageChanged, &window, [&] {
        if (!document->arriving() || arrivingShown) return;
        arrivingShown = true;
        shownWhileRetrieving = pacs->retrieving();
    });
    QString opened;
    QObject::connect(&window, &ui::MainWindow::seriesOpened, [&](const QString& uid) { opened = uid; });
    results->setCurrentItem(study);
    pacs->retrieveSelected();
    ASSERT_TRUE(test::waitFor([&] { return arrivingShown; }, 30000)) << "status: " << pacs->findChild<QLabel*>("pacsStatus")->text().toStdString() << " retrieving " << pacs->retrieving() << " opened " << opened.toStdString();
    EXPECT_TRUE(shownWhileRetrieving) << "the first image came before the retrieve ended";
    test::saveScreenshot(&window, "pacs-arriving");
    ASSERT_TRUE(test::waitFor([&] { return !opened.isEmpty() && !pacs->retrieving(); }, 60000));
    EXPECT_FALSE(document->arriving()) << "completed in place";
    const io::LoadedImage sent = io::ImageLoader::load(ct.string());
    ASSERT_EQ(document->volume().byteSize(), sent.volume.byteSize());
    EXPECT_TRUE(document->volume().geometry().isApprox(sent.volume.geometry()));
    EXPECT_EQ(std::memcmp(document->volume().data(), sent.volume.data(), sent.volume.byteSize()), 0) << "the voxels on screen are the uploaded ones";
    test::waitFor([] { return false; }, 300);
    EXPECT_EQ(study->child(0)->text(2), QStringLiteral("✓"));
    EXPECT_EQ(study->text(2), QStringLiteral("✓"));
    test::saveScreenshot(&window, "pacs-retrieved");

    // An annotator's label goes back as a SEG; a second query finds it in the same study.
    core::LabelMap labels(document->volume().geometry());
    core::LabelTable table;
    table.set({1, "Lesion", {230, 80, 60, 255}});
    labels.labels() = table;
    for (std::size_t k = 140; k < 160; ++k)
        for (std::size_t j = 100; j < 140; ++j)
            for (std::size_t i = 100; i < 140; ++i) labels.set(i, j, k, 1);
    document->setLabels(labels);
    int confirmed = -1;
    QObject::connect(&window, &ui::MainWindow::sentToPacs, [&](int n) { confirmed = n; });
    window.sendToPacs("Hospital PACS");
    ASSERT_TRUE(test::waitFor([&] { return confirmed >= 0; }, 30000)) << "the send did not finish";
    EXPECT_EQ(confirmed, 1) << "the SEG, found on the PACS";
    net::PacsQuery q;
    q.level = net::PacsQuery::Level::Series, q.studyInstanceUid = document->image().study.studyUid, q.modality = "SEG";
    EXPECT_EQ(net::DimseClient(server.peer()).find(q).size(), 1u) << "a second query finds the SEG";
    pacs->search();  // the tab, searched again, lists the SEG in the study
    ASSERT_TRUE(test::waitFor([&] { return results->topLevelItemCount() == 1 && results->topLevelItem(0)->text(1) == "301"; }, 20000));
    study = results->topLevelItem(0);
    study->setExpanded(true);
    EXPECT_TRUE(test::waitFor([&] { return study->childCount() == 2; }, 20000)) << "the CT and its SEG";
    test::saveScreenshot(&window, "pacs-sent");
}

}  // namespace

namespace {

// Preferences → PACS → Add, as a user fills it in for the test's Orthanc by DICOMweb, with basic
// authentication (user lumen, password secret).
void addWebServer(ui::PreferencesDialog& preferences, const QString& name, const test::OrthancServer& orthanc) {
    preferences.findChild<QPushButton*>("pacsAddServer")->click();
    preferences.findChild<QLineEdit*>("pacsName")->setText(name);
    preferences.findChild<QComboBox*>("pacsMethod")->setCurrentIndex(2);
    preferences.findChild<QLineEdit*>("pacsWebUrl")->setText(QString::fromStdString(orthanc.dicomweb()));
    preferences.findChild<QComboBox*>("pacsAuth")->setCurrentIndex(1);
    preferences.findChild<QLineEdit*>("pacsUser")->setText("lumen");
    preferences.findChild<QLineEdit*>("pacsSecret")->setText("secret");
}

// A DICOMweb PACS set up as a user does it in Preferences → PACS (its password typed there goes to
// the keyring, or this session, never to a file), then searched and retrieved by WADO-RS.
TEST(PacsGui, ADicomWebServerSetUpInPreferencesIsSearchedAndRetrieved) {
    test::guiApp();
    const QString data = test::prepareDataFolder("PacsGuiWeb");
    test::OrthancServer orthanc;
    ASSERT_TRUE(orthanc.running()) << orthanc.error();
    const auto ct = std::filesystem::path(data.toStdString()) / "upload";
    ASSERT_EQ(test::run(test::quote(test::lumenCli().string()) + " synth-ct " + test::quote(ct.string()) + " --slices 40 --size 128").exitCode, 0);
    ASSERT_TRUE(orthanc.store(test::filesUnder(ct))) << orthanc.error();
    const std::string serversFile = data.toStdString() + "/pacs-servers.json";
    qputenv("LUMEN_PACS_SERVERS", QByteArray::fromStdString(serversFile));

    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    {
        ui::PreferencesDialog preferences(&window);
        preferences.showPacsPage();
        preferences.show();
        addWebServer(preferences, "Web PACS", orthanc);
        test::waitFor([] { return false; }, 200);
        test::saveScreenshot(&preferences, "pacs-servers");
        preferences.accept();
    }
    const std::string saved = test::readText(serversFile);
    EXPECT_NE(saved.find("Web PACS"), std::string::npos);
    EXPECT_NE(saved.find("\"user\": \"lumen\""), std::string::npos);
    EXPECT_EQ(saved.find("secret"), std::string::npos) << "no password in the server file";

    ui::PacsPanel* pacs = window.pacsPanel();
    pacs->reloadServers();
    window.findChild<QTabWidget*>("studyTabs")->setCurrentWidget(pacs);
    pacs->search();
    QTreeWidget* results = pacs->results();
    ASSERT_TRUE(test::waitFor([&] { return results->topLevelItemCount() == 1; }, 20000))
        << pacs->findChild<QLabel*>("pacsStatus")->text().toStdString();
    QString opened;
    QObject::connect(&window, &ui::MainWindow::seriesOpened, [&](const QString& uid) { opened = uid; });
    results->setCurrentItem(results->topLevelItem(0));
    pacs->retrieveSelected();
    ASSERT_TRUE(test::waitFor([&] { return !opened.isEmpty() && !pacs->retrieving(); }, 60000))
        << pacs->findChild<QLabel*>("pacsStatus")->text().toStdString();
    const io::LoadedImage sent = io::ImageLoader::load(ct.string());
    ASSERT_EQ(window.document()->volume().byteSize(), sent.volume.byteSize());
    EXPECT_EQ(std::memcmp(window.document()->volume().data(), sent.volume.data(), sent.volume.byteSize()), 0) << "by WADO-RS";

    // A second server, marked in Preferences as outside the hospital: the labels go there as a
    // de-identified SEG (under the identity map's patient ID, in a study of new UIDs).
    {
        ui::PreferencesDialog preferences(&window);
        preferences.showPacsPage();
        addWebServer(preferences, "Research PACS", orthanc);
        preferences.findChild<QCheckBox*>("pacsDeidentify")->setChecked(true);
        preferences.accept();
    }
    EXPECT_NE(test::readText(serversFile).find("\"deidentify\": true"), std::string::npos);
    core::LabelMap labels(window.document()->volume().geometry());
    labels.labels().set({1, "Lesion", {230, 80, 60, 255}});
    for (std::size_t k = 10; k < 20; ++k)
        for (std::size_t j = 40; j < 60; ++j)
            for (std::size_t i = 40; i < 60; ++i) labels.set(i, j, k, 1);
    window.document()->setLabels(labels);
    int confirmed = -1;
    QObject::connect(&window, &ui::MainWindow::sentToPacs, [&](int n) { confirmed = n; });
    window.sendToPacs("Research PACS");
    ASSERT_TRUE(test::waitFor([&] { return confirmed >= 0; }, 30000)) << "the send did not finish";
    EXPECT_EQ(confirmed, 1);
    const std::string originalStudy = window.document()->image().study.studyUid;
    const std::string map = test::readText(logic::AnonymisedExport::defaultMapPath());
    const auto newStudy = nlohmann::json::parse(map)["uids"][originalStudy];
    ASSERT_TRUE(newStudy.is_string()) << map;
    net::PacsQuery q;
    q.level = net::PacsQuery::Level::Series, q.modality = "SEG";
    net::DimsePeer dimse = net::DimsePeer::parse(orthanc.dimse());
    q.studyInstanceUid = originalStudy;
    EXPECT_EQ(net::DimseClient(dimse).find(q).size(), 0u) << "nothing joined the patient's own study";
    q.studyInstanceUid = newStudy.get<std::string>();
    EXPECT_EQ(net::DimseClient(dimse).find(q).size(), 1u) << "the SEG, in the de-identified study";
}

}  // namespace

namespace {

// A retrieved study lists the patient's earlier studies; the newest earlier one of the same
// modality is fetched in the background and opens beside the current one.
TEST(PacsGui, ThePriorIsListedFetchedAndOpensBeside) {
    test::guiApp();
    const QString data = test::prepareDataFolder("PacsGuiPriors");
    test::OrthancServer orthanc;
    ASSERT_TRUE(orthanc.running()) << orthanc.error();
    const auto root = std::filesystem::path(data.toStdString());
    const std::string cli = test::quote(test::lumenCli().string());
    ASSERT_EQ(test::run(cli + " synth-ct " + test::quote((root / "now").string()) + " --slices 20 --size 64").exitCode, 0);
    ASSERT_EQ(test::run(cli + " synth-ct " + test::quote((root / "prior").string()) + " --slices 20 --size 64").exitCode, 0);
    const auto dated = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import glob, pydicom\nfrom pydicom.uid import generate_uid\n"
        "study, series = generate_uid(), generate_uid()\n"
        "for f in glob.glob('" + (root / "prior").string() + "/*.dcm'):\n"
        "    d = pydicom.dcmread(f)\n"
        "    d.StudyInstanceUID, d.SeriesInstanceUID, d.StudyDate, d.StudyDescription = study, series, '20240115', 'Prior CT'\n"
        "    d.SOPInstanceUID = d.file_meta.MediaStorageSOPInstanceUID = generate_uid()\n"
        "    d.save_as(f)\n"));
    ASSERT_EQ(dated.exitCode, 0) << dated.err;
    auto files = test::filesUnder(root / "now");
    for (const auto& f : test::filesUnder(root / "prior")) files.push_back(f);
    ASSERT_TRUE(orthanc.store(files)) << orthanc.error();
    useOrthanc(orthanc, data);

    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    ui::PacsPanel* pacs = window.pacsPanel();
    window.findChild<QTabWidget*>("studyTabs")->setCurrentWidget(pacs);
    pacs->search();
    ASSERT_TRUE(test::waitFor([&] { return pacs->results()->topLevelItemCount() == 2; }, 20000));
    QStringList opened;
    QObject::connect(&window, &ui::MainWindow::seriesOpened, [&](const QString& uid) { opened << uid; });
    pacs->results()->setCurrentItem(pacs->results()->topLevelItem(0));  // the newest: today's
    pacs->retrieveSelected();
    ASSERT_TRUE(test::waitFor([&] { return !opened.isEmpty() && !pacs->retrieving(); }, 60000));
    ASSERT_TRUE(test::waitFor([&] { return !pacs->priorSeries().isEmpty(); }, 60000)) << "the prior, fetched in the background";
    ASSERT_EQ(pacs->priors()->topLevelItemCount(), 1);
    EXPECT_TRUE(pacs->priors()->topLevelItem(0)->text(0).startsWith("2024-01-15"));
    EXPECT_EQ(pacs->priors()->topLevelItem(0)->text(2), QStringLiteral("✓"));
    window.findChild<QPushButton*>("pacsOpenPrior")->click();
    ASSERT_TRUE(test::waitFor([&] { return opened.contains(pacs->priorSeries()); }, 30000)) << "Open beside";
    EXPECT_TRUE(window.viewerLayout()->comparing());
    test::waitFor([] { return false; }, 300);
    test::saveScreenshot(&window, "pacs-priors");
}

}  // namespace
