// Import and load jobs on their worker threads, the browser model and the document, with a
// real Qt event loop (no display needed).
#include "TestSupport.h"
#include "logic/Document.h"
#include "logic/ImportJob.h"
#include "logic/SeriesLoadJob.h"
#include "logic/StudyBrowserModel.h"
#include "io/ImageLoader.h"

#include "CoreApp.h"

#include <QCoreApplication>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <cstring>

using namespace lumen;

namespace {

QCoreApplication& app() { return test::coreApp(); }

void makeSeries(const std::filesystem::path& dir, const std::string& kind) {
    ASSERT_EQ(test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("make_series.py")) + " " +
                        test::quote(dir) + " " + kind + " 2>/dev/null").exitCode, 0);
}

TEST(ImportJob, ImportsFoldersAndImageFilesWithThumbnailsAndProgress) {
    app();
    test::TempDir dir("import");
    makeSeries(dir / "ct", "ct_rescale");
    const QString db = QString::fromStdString((dir / "studies.sqlite").string());
    logic::ImportJob job(db, {QString::fromStdString((dir / "ct").string()),
                              QString::fromStdString(std::string(test::kMricronTemplates) + "/ch2bet.nii.gz")});
    QSignalSpy finished(&job, &logic::ImportJob::finished), progress(&job, &logic::ImportJob::progress);
    job.start();
    ASSERT_TRUE(finished.wait(60000));
    const auto summary = finished.takeFirst().at(0).value<logic::ImportSummary>();
    EXPECT_EQ(summary.series, 2);
    EXPECT_EQ(summary.files, 25);
    EXPECT_TRUE(summary.errors.isEmpty()) << summary.errors.join("; ").toStdString();
    EXPECT_GT(progress.count(), 2);
    EXPECT_DOUBLE_EQ(progress.last().at(0).toDouble(), 1.0);

    logic::StudyBrowserModel model(db);
    ASSERT_EQ(model.rowCount(), 2) << "the CT's patient and the image files";
    bool sawThumbnail = false;
    for (int p = 0; p < model.rowCount(); ++p) {
        const QModelIndex patient = model.index(p, 0);
        const QModelIndex series = model.index(0, 0, model.index(0, 0, patient));
        ASSERT_TRUE(series.isValid());
        const auto t = model.data(series, logic::StudyBrowserModel::ThumbnailRole).toMap();
        sawThumbnail |= !t.isEmpty() && t["grey"].toByteArray().size() == t["width"].toInt() * t["height"].toInt();
    }
    EXPECT_TRUE(sawThumbnail);
}

// A copying import names its copies by the files' UIDs: UIDs that climb ("../..") or are absolute
// paths stay inside Lumen's folder (they get a hashed name instead).
TEST(ImportJob, UidsThatArePathsCannotWriteOutsideLumensFolder) {
    app();
    test::TempDir dir("import-hostile");
    makeSeries(dir / "ct", "ct_rescale");
    const auto hostile = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import glob, sys, pydicom\n"
        "for i, f in enumerate(sorted(glob.glob(sys.argv[1] + '/*'))):\n"
        "    d = pydicom.dcmread(f)\n"
        "    d.StudyInstanceUID = '../../../escaped-study'\n"
        "    d.SeriesInstanceUID = '/tmp/lumen-absolute-series'\n"
        "    d.SOPInstanceUID = '../../sop-%d' % i\n"
        "    d.file_meta.MediaStorageSOPInstanceUID = d.SOPInstanceUID\n"
        "    d.save_as(f)\n") + " " + test::quote((dir / "ct").string()));
    ASSERT_EQ(hostile.exitCode, 0) << hostile.err;
    std::filesystem::create_directories(dir / "data");
    qputenv("LUMEN_DATA_DIR", QByteArray::fromStdString((dir / "data").string()));
    logic::ImportJob job(QString::fromStdString((dir / "data" / "studies.sqlite").string()), {QString::fromStdString((dir / "ct").string())}, true);
    QSignalSpy finished(&job, &logic::ImportJob::finished), failed(&job, &logic::ImportJob::failed);
    job.start();
    for (int i = 0; i < 600 && finished.isEmpty() && failed.isEmpty(); ++i) finished.wait(100);
    ASSERT_FALSE(finished.isEmpty()) << failed.first().at(0).toString().toStdString();
    std::size_t copies = 0;
    for (const auto& f : test::filesUnder(dir / "data"))
        copies += std::filesystem::path(f).extension() == ".dcm";
    EXPECT_GT(copies, 0u) << "the copies are under the data folder";
    EXPECT_FALSE(std::filesystem::exists("/tmp/lumen-absolute-series"));
    EXPECT_FALSE(std::filesystem::exists(dir.path().parent_path() / "escaped-study")) << "<data>/files/../../../ is beside the test folder";
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        EXPECT_TRUE(e.path().filename() == "ct" || e.path().filename() == "data") << "written beside: " << e.path();
    qunsetenv("LUMEN_DATA_DIR");
}

TEST(ImportJob, CancelStopsIt) {
    app();
    test::TempDir dir("import-cancel");
    makeSeries(dir / "ct", "ct_rescale");
    logic::ImportJob job(QString::fromStdString((dir / "studies.sqlite").string()), {QString::fromStdString((dir / "ct").string())});
    QSignalSpy canceled(&job, &logic::ImportJob::canceled);
    job.cancel();
    job.start();
    EXPECT_TRUE(canceled.wait(30000));
}

TEST(SeriesLoadJob, TheMiddleSliceComesFirstThenTheSameVolumeAsADirectLoad) {
    app();
    test::TempDir dir("load");
    makeSeries(dir / "ct", "ct_rescale");
    const QString db = QString::fromStdString((dir / "studies.sqlite").string());
    logic::ImportJob import(db, {QString::fromStdString((dir / "ct").string())});
    QSignalSpy imported(&import, &logic::ImportJob::finished);
    import.start();
    ASSERT_TRUE(imported.wait(60000));
    const QString uid = imported.takeFirst().at(0).value<logic::ImportSummary>().seriesUids.at(0);

    logic::SeriesLoadJob load(db, uid);
    QSignalSpy first(&load, &logic::SeriesLoadJob::firstSlice), loaded(&load, &logic::SeriesLoadJob::loaded);
    load.start();
    ASSERT_TRUE(loaded.wait(60000));
    ASSERT_EQ(first.count(), 1);
    const auto slice = first.takeFirst().at(0).value<logic::SharedVolume>();
    const auto image = loaded.takeFirst().at(0).value<logic::SharedImage>();
    const core::Volume direct = io::ImageLoader::load((dir / "ct").string()).volume;
    ASSERT_TRUE(image->volume.geometry() == direct.geometry());
    EXPECT_EQ(std::memcmp(image->volume.data(), direct.data(), direct.byteSize()), 0);
    EXPECT_EQ(image->patient.name, "Geometry^Test");
    // The first slice is the middle slice, at its place.
    const std::size_t k = direct.geometry().dims()[2] / 2;
    EXPECT_TRUE(slice->geometry().origin().isApprox(direct.geometry().indexToWorld({0, 0, double(k)}), 1e-6));
    EXPECT_EQ(slice->realValueAt(7, 5, 0), direct.realValueAt(7, 5, k));
}

TEST(Document, MeasurementsAndValuesUnderTheCursor) {
    app();
    logic::Document doc;
    QSignalSpy changed(&doc, &logic::Document::measurementsChanged);
    io::LoadedImage image;
    image.volume = core::Volume::zeros(core::PixelType::Int16, core::ImageGeometry({10, 10, 10}, {1, 1, 1}, {}));
    image.volume.as<std::int16_t>()[image.volume.linearIndex(3, 4, 5)] = 77;
    doc.setImage(image);
    EXPECT_EQ(doc.valueAt({3.2, 3.9, 5.1}), 77.0);
    EXPECT_FALSE(doc.valueAt({30, 0, 0}));
    core::Measurement m;
    m.kind = core::Measurement::Kind::Length;
    m.points = {{0, 0, 0}, {3, 4, 0}};
    m.value = 5;
    const auto id = doc.addMeasurement(m);
    EXPECT_EQ(doc.measurements().items().size(), 1u);
    EXPECT_EQ(doc.measurements().selected(), id);
    EXPECT_EQ(logic::measurementText(*doc.measurements().find(id)), "5.0 mm");
    doc.removeMeasurement(id);
    EXPECT_TRUE(doc.measurements().items().empty());
    EXPECT_GE(changed.count(), 3);
}

}  // namespace
