// Retrieving from a real Orthanc into the study database (logic::PacsRetrieveJob): the series is
// in the database after its first image, the voxels are what was uploaded, a second run asks for
// nothing, files lost locally are fetched again alone, and a PACS killed in the middle leaves a
// partial study that "Retrieve missing" completes.
#include "OrthancServer.h"
#include "TestSupport.h"
#include "CoreApp.h"
#include "io/ImageLoader.h"
#include "io/StudyDatabase.h"
#include "logic/PacsRetrieveJob.h"
#include "net/DimseClient.h"

#include <QCoreApplication>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <thread>

using namespace lumen;

namespace {

QCoreApplication& app() { return test::netApp(); }

class PacsRetrieve : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        app();
        server_ = std::make_unique<test::OrthancServer>();
        if (!server_->running()) return;
        data_ = std::make_unique<test::TempDir>("pacs-retrieve-data");
        const std::string cli = test::quote(test::lumenCli().string());
        if (test::run(cli + " synth-ct " + test::quote((*data_ / "ct").string()) + " --slices 60 --size 96").exitCode != 0) return;
        uploaded_ = server_->store(test::filesUnder(*data_ / "ct"));
        net::PacsQuery q;
        q.patientId = "LUMEN-SYNTH";
        if (uploaded_) study_ = net::DimseClient(net::DimsePeer::parse(server_->dimse())).find(q).at(0).at("StudyInstanceUID");
    }
    static void TearDownTestSuite() {
        server_.reset();
        data_.reset();
    }
    void SetUp() override {
        ASSERT_TRUE(server_->running() || server_->start()) << server_->error();
        ASSERT_TRUE(uploaded_) << server_->error();
        dataDir_ = std::make_unique<test::TempDir>("pacs-retrieve-home");
        setenv("LUMEN_DATA_DIR", dataDir_->path().c_str(), 1);
    }
    static net::PacsServer pacs() {
        const net::DimsePeer peer = net::DimsePeer::parse(server_->dimse());
        net::PacsServer s;
        s.name = "test", s.calledAet = peer.calledAet, s.host = peer.host, s.port = peer.port, s.timeoutSeconds = 5;
        s.listenPort = server_->lumenPort();
        s.dicomwebUrl = server_->dicomweb(), s.auth = net::DicomWebPeer::Auth::Basic, s.user = "lumen";  // used by Method::Wado
        return s;
    }
    QString db() const { return QString::fromStdString((dataDir_->path() / "studies.sqlite").string()); }

    // Runs a job to its end; the last signal's summary.
    logic::PacsRetrieveSummary runJob(logic::PacsRetrieveJob& job, QString* error = nullptr, int* storedSignals = nullptr) {
        QSignalSpy finished(&job, &logic::PacsRetrieveJob::finished), failed(&job, &logic::PacsRetrieveJob::failed),
            stored(&job, &logic::PacsRetrieveJob::stored);
        job.start();
        for (int i = 0; i < 1200 && finished.isEmpty() && failed.isEmpty(); ++i) finished.wait(100);
        if (storedSignals) *storedSignals = int(stored.size());
        if (!failed.isEmpty()) {
            if (error) *error = failed.first().at(0).toString();
            return failed.first().at(1).value<logic::PacsRetrieveSummary>();
        }
        EXPECT_FALSE(finished.isEmpty()) << "the job ended";
        return finished.isEmpty() ? logic::PacsRetrieveSummary{} : finished.first().at(0).value<logic::PacsRetrieveSummary>();
    }
    void expectTheUploadedVoxels(const std::string& seriesUid) {
        const auto record = io::StudyDatabase(db().toStdString()).series(seriesUid);
        ASSERT_TRUE(record);
        const io::LoadedImage sent = io::ImageLoader::load((*data_ / "ct").string());
        const io::LoadedStack got = io::ImageLoader::loadSeries(*record, -1);
        ASSERT_EQ(got.volume.byteSize(), sent.volume.byteSize());
        EXPECT_TRUE(got.volume.geometry().isApprox(sent.volume.geometry()));
        EXPECT_EQ(std::memcmp(got.volume.data(), sent.volume.data(), sent.volume.byteSize()), 0) << "the voxels";
    }

    static std::unique_ptr<test::OrthancServer> server_;
    static std::unique_ptr<test::TempDir> data_;
    static bool uploaded_;
    static std::string study_;
    std::unique_ptr<test::TempDir> dataDir_;
};
std::unique_ptr<test::OrthancServer> PacsRetrieve::server_;
std::unique_ptr<test::TempDir> PacsRetrieve::data_;
bool PacsRetrieve::uploaded_ = false;
std::string PacsRetrieve::study_;

TEST_F(PacsRetrieve, IntoTheDatabaseSeriesFirstThenTheRestAndNothingTwice) {
    for (const auto method : {net::PacsServer::Method::CGet, net::PacsServer::Method::CMove, net::PacsServer::Method::Wado}) {
        SCOPED_TRACE(method == net::PacsServer::Method::CGet ? "C-GET" : method == net::PacsServer::Method::CMove ? "C-MOVE" : "WADO-RS");
        dataDir_ = std::make_unique<test::TempDir>("pacs-retrieve-home");
        setenv("LUMEN_DATA_DIR", dataDir_->path().c_str(), 1);
        net::PacsServer server = pacs();
        server.method = method;
        logic::PacsRetrieveJob job(db(), server, QString::fromStdString(study_), {}, nullptr, "secret");
        QSignalSpy listed(&job, &logic::PacsRetrieveJob::listed);
        // The first image is in the database, on its own, before the rest have arrived.
        int firstCount = -1;
        bool firstOpenable = false;
        QObject::connect(&job, &logic::PacsRetrieveJob::stored, &job, [&](const QString& uid, const logic::InstanceBatch& records, int stored, int) {
            if (firstCount >= 0) return;
            firstCount = stored;
            const auto record = io::StudyDatabase(db().toStdString()).series(uid.toStdString());
            firstOpenable = record && !record->instances.empty() && records->size() == 1;
        }, Qt::DirectConnection);
        int storedSignals = 0;
        const logic::PacsRetrieveSummary s = runJob(job, nullptr, &storedSignals);
        ASSERT_EQ(listed.size(), 1);
        EXPECT_EQ(listed.first().at(2).value<logic::PacsInstanceList>()->size(), 60u) << "positions known before anything arrives";
        EXPECT_EQ(firstCount, 1);
        EXPECT_TRUE(firstOpenable);
        EXPECT_GT(storedSignals, 2) << "the rest arrive in batches";
        ASSERT_EQ(s.series.size(), 1);
        EXPECT_EQ(s.series[0].listed, 60);
        EXPECT_EQ(s.series[0].stored, 60);
        EXPECT_TRUE(s.complete());
        expectTheUploadedVoxels(s.series[0].seriesUid.toStdString());
        EXPECT_FALSE(io::StudyDatabase(db().toStdString()).summary(s.series[0].seriesUid.toStdString())->thumbnail.grey.empty());

        // Again: the database holds everything, nothing is asked for.
        logic::PacsRetrieveJob again(db(), server, QString::fromStdString(study_), {}, nullptr, "secret");
        int againStored = 0;
        EXPECT_TRUE(runJob(again, nullptr, &againStored).complete());
        EXPECT_EQ(againStored, 0);
    }
}

TEST_F(PacsRetrieve, FilesLostLocallyAreFetchedAloneByRetrieveMissing) {
    logic::PacsRetrieveJob job(db(), pacs(), QString::fromStdString(study_));
    const auto s = runJob(job);
    ASSERT_TRUE(s.complete());
    const auto record = io::StudyDatabase(db().toStdString()).series(s.series[0].seriesUid.toStdString());
    for (int i : {3, 30, 59}) std::filesystem::remove(record->instances.at(std::size_t(i)).filePath);
    logic::PacsRetrieveJob missing(db(), pacs(), QString::fromStdString(study_));
    QSignalSpy stored(&missing, &logic::PacsRetrieveJob::stored);
    int signals_ = 0;
    const auto again = runJob(missing, nullptr, &signals_);
    EXPECT_TRUE(again.complete());
    std::size_t fetched = 0;
    for (int i = 0; i < signals_ && i < stored.size(); ++i) fetched += stored.at(i).at(1).value<logic::InstanceBatch>()->size();
    EXPECT_EQ(fetched, 3u) << "only the three lost files";
    expectTheUploadedVoxels(s.series[0].seriesUid.toStdString());
}

// Orthanc killed after the tenth image: the job retries, gives up, and says the study is partial;
// with Orthanc back, the next run fetches only what is missing. Restarted while the job waits
// between tries, the same job completes.
TEST_F(PacsRetrieve, APacsKilledMidRetrieveLeavesAPartialStudyThatRetrieveMissingCompletes) {
    {
        logic::PacsRetrieveJob job(db(), pacs(), QString::fromStdString(study_));
        job.setRetryPause(100, 2);
        QObject::connect(&job, &logic::PacsRetrieveJob::stored, &job, [](const QString&, const logic::InstanceBatch&, int stored, int) {
            if (stored >= 10) server_->kill();
        }, Qt::DirectConnection);
        QString error;
        const auto partial = runJob(job, &error);
        EXPECT_FALSE(error.isEmpty());
        ASSERT_EQ(partial.series.size(), 1);
        EXPECT_GE(partial.series[0].stored, 10);
        EXPECT_LT(partial.series[0].stored, 60);
        EXPECT_EQ(partial.retries, 2);
        EXPECT_FALSE(partial.complete());
        EXPECT_EQ(partial.missing(), 60 - partial.series[0].stored);
    }
    ASSERT_TRUE(server_->start()) << server_->error();
    logic::PacsRetrieveJob missing(db(), pacs(), QString::fromStdString(study_));
    const auto done = runJob(missing);
    EXPECT_TRUE(done.complete());
    expectTheUploadedVoxels(done.series[0].seriesUid.toStdString());

    dataDir_ = std::make_unique<test::TempDir>("pacs-retrieve-home");
    setenv("LUMEN_DATA_DIR", dataDir_->path().c_str(), 1);
    logic::PacsRetrieveJob job(db(), pacs(), QString::fromStdString(study_));
    job.setRetryPause(400, 3);
    std::thread restart;
    QObject::connect(&job, &logic::PacsRetrieveJob::stored, &job, [&](const QString&, const logic::InstanceBatch&, int stored, int) {
        if (stored < 10 || restart.joinable()) return;
        server_->kill();
        restart = std::thread([] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            server_->start();
        });
    }, Qt::DirectConnection);
    const auto resumed = runJob(job);
    if (restart.joinable()) restart.join();
    EXPECT_TRUE(resumed.complete());
    EXPECT_GE(resumed.retries, 1);
}

TEST_F(PacsRetrieve, CancelKeepsWhatArrivedAndAnUnknownStudyIsAnError) {
    logic::PacsRetrieveJob job(db(), pacs(), QString::fromStdString(study_));
    QSignalSpy canceled(&job, &logic::PacsRetrieveJob::canceled);
    QObject::connect(&job, &logic::PacsRetrieveJob::stored, &job, [&](const QString&, const logic::InstanceBatch&, int stored, int) {
        if (stored >= 5) job.cancel();
    }, Qt::DirectConnection);
    job.start();
    ASSERT_TRUE(canceled.wait(60000));
    const auto s = canceled.first().at(0).value<logic::PacsRetrieveSummary>();
    EXPECT_GE(s.series[0].stored, 5);
    EXPECT_LT(s.series[0].stored, 60);

    logic::PacsRetrieveJob unknown(db(), pacs(), "1.2.3.4.5.6.7.8.9");
    QString error;
    runJob(unknown, &error);
    EXPECT_FALSE(error.isEmpty());
}

}  // namespace

namespace {

// A study as a PACS holds it: two CT series and a SEG on one of them. Every series comes, by C-GET
// and by WADO-RS (whose series are fetched side by side), each listed with its modality (which the
// PACS tab uses to show an image series, not the SEG, while it arrives).
TEST(PacsRetrieveStudy, EverySeriesOfAStudyWithItsSegByCGetAndWado) {
    app();
    test::OrthancServer orthanc;
    ASSERT_TRUE(orthanc.running()) << orthanc.error();
    test::TempDir dir("pacs-study");
    const std::string cli = test::quote(test::lumenCli().string());
    ASSERT_EQ(test::run(cli + " synth-ct " + test::quote((dir / "a").string()) + " --slices 8 --size 48").exitCode, 0);
    ASSERT_EQ(test::run(cli + " synth-ct " + test::quote((dir / "b").string()) + " --slices 5 --size 48").exitCode, 0);
    const auto second = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import glob, pydicom\nfrom pydicom.uid import generate_uid\n"
        "study = pydicom.dcmread(sorted(glob.glob('" + (dir / "a").string() + "/*.dcm'))[0]).StudyInstanceUID\n"
        "series = generate_uid()\n"
        "for f in glob.glob('" + (dir / "b").string() + "/*.dcm'):\n"
        "    d = pydicom.dcmread(f)\n"
        "    d.StudyInstanceUID, d.SeriesInstanceUID, d.SeriesNumber, d.SeriesDescription = study, series, 1001, 'second CT series'\n"
        "    d.SOPInstanceUID = d.file_meta.MediaStorageSOPInstanceUID = generate_uid()\n"
        "    d.save_as(f)\n"));
    ASSERT_EQ(second.exitCode, 0) << second.err;
    ASSERT_EQ(test::run(cli + " convert " + test::quote((dir / "a").string()) + " " + test::quote((dir / "a.nii.gz").string())).exitCode, 0);
    const auto labels = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import nibabel as nib, numpy as np\n"
        "a = nib.load('" + (dir / "a.nii.gz").string() + "'); v = np.asarray(a.dataobj)\n"
        "nib.save(nib.Nifti1Image((v > v.mean()).astype(np.uint8), a.affine), '" + (dir / "labels.nii.gz").string() + "')\n"));
    ASSERT_EQ(labels.exitCode, 0) << labels.err;
    ASSERT_EQ(test::run(cli + " seg export --labels " + test::quote((dir / "labels.nii.gz").string()) + " --source " + test::quote((dir / "a").string()) +
                        " --out " + test::quote((dir / "seg.dcm").string())).exitCode, 0);
    auto files = test::filesUnder(dir / "a");
    for (const auto& f : test::filesUnder(dir / "b")) files.push_back(f);
    files.push_back((dir / "seg.dcm").string());
    ASSERT_TRUE(orthanc.store(files)) << orthanc.error();
    net::PacsQuery q;
    q.patientId = "LUMEN-SYNTH";
    const std::string study = net::DimseClient(net::DimsePeer::parse(orthanc.dimse())).find(q).at(0).at("StudyInstanceUID");

    for (const auto method : {net::PacsServer::Method::CGet, net::PacsServer::Method::Wado}) {
        SCOPED_TRACE(method == net::PacsServer::Method::CGet ? "C-GET" : "WADO-RS");
        test::TempDir home("pacs-study-home");
        setenv("LUMEN_DATA_DIR", home.path().c_str(), 1);
        const net::DimsePeer peer = net::DimsePeer::parse(orthanc.dimse());
        net::PacsServer server;
        server.name = "test", server.calledAet = peer.calledAet, server.host = peer.host, server.port = peer.port, server.method = method;
        server.dicomwebUrl = orthanc.dicomweb(), server.auth = net::DicomWebPeer::Auth::Basic, server.user = "lumen";
        const QString db = QString::fromStdString((home.path() / "studies.sqlite").string());
        logic::PacsRetrieveJob job(db, server, QString::fromStdString(study), {}, nullptr, "secret");
        QSignalSpy listed(&job, &logic::PacsRetrieveJob::listed), finished(&job, &logic::PacsRetrieveJob::finished);
        job.start();
        ASSERT_TRUE(finished.wait(60000));
        QStringList modalities;
        for (const auto& l : listed) modalities << l.at(1).toString();
        EXPECT_EQ(modalities, (QStringList{"SEG", "CT", "CT"})) << "by series number (Lumen's SEG is #300, the CTs #1000 and #1001)";
        const auto s = finished.first().at(0).value<logic::PacsRetrieveSummary>();
        ASSERT_EQ(s.series.size(), 3);
        EXPECT_TRUE(s.complete());
        EXPECT_EQ(s.series[0].listed + s.series[1].listed + s.series[2].listed, 14);
        std::size_t inDatabase = 0;
        for (const auto& p : io::StudyDatabase(db.toStdString()).patients())
            for (const auto& st : p.studies) inDatabase += st.series.size();
        EXPECT_EQ(inDatabase, 3u);
    }
}

}  // namespace
