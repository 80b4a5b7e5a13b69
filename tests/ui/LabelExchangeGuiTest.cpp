// Label maps and structure sets through the File menu, as a user brings them from other tools:
// a label map made on dcm2niix's NIfTI of the open series lands voxel for voxel; a coarser one is
// resampled and the status bar says so; an RT Structure Set and a 3D Slicer .seg.nrrd go out and
// come back unchanged. Screenshots: label-map-from-dcm2niix, label-map-resampled, rtstruct-imported.
#include "ViewerFixture.h"
#include "TestSupport.h"
#include "logic/AnonymisedExport.h"
#include "logic/Document.h"
#include "ui/AnonymiseDialog.h"

#include <QCheckBox>
#include <QStatusBar>

#include <cmath>
#include <cstdio>

using namespace lumen;
using test::answerFileDialog;
using test::menuAction;
using test::Viewer;

namespace {

std::uint16_t truth(double value) { return std::uint16_t(((std::lround(value) % 5) + 5) % 5); }

// Picks `file` in the file dialog the action opens and waits for the export or import.
void choose(ui::MainWindow& window, const std::filesystem::path& file, const char* action) {
    std::printf("  %s %s\n", action, file.filename().string().c_str());
    std::fflush(stdout);
    answerFileDialog(QString::fromStdString(file.string()));
    menuAction(window, action)->trigger();
    // The file is written or read off the GUI thread; the document changes when it is done.
    EXPECT_TRUE(test::waitFor([&] { return !window.exchanging(); }, 60000)) << action;
}

std::size_t misplaced(const logic::Document& doc) {
    const core::Volume& v = doc.volume();
    std::size_t wrong = 0;
    for (std::size_t n = 0; n < v.voxelsPerFrame(); ++n) wrong += doc.labels()->at(n) != truth(v.realValue(n));
    return wrong;
}

}  // namespace

TEST_F(Viewer, LabelMapsFromOtherToolsAndStructureSetsThroughTheFileMenu) {
    logic::Document* doc = window->document();
    ASSERT_TRUE(doc->image().fromDicom);
    // dcm2niix's NIfTI of the open series, and label maps on it written by nibabel.
    test::TempDir dir("gui-labels");
    const std::filesystem::path series = std::filesystem::path(doc->image().stack.instances.front().filePath).parent_path();
    std::filesystem::create_directories(dir / "nii");
    ASSERT_EQ(test::run("dcm2niix -z n -f series -o " + test::quote(dir / "nii") + " " + test::quote(series)).exitCode, 0);
    const auto oracle = test::run(std::string(test::kDebianPython) + " " + test::quote(test::oracleScript("label_grids.py")) + " " +
                                  test::quote(dir / "nii/series.nii") + " " + test::quote(dir / "labels") + " 2>&1");
    ASSERT_EQ(oracle.exitCode, 0) << oracle.out;

    choose(*window, dir / "labels/same.nii.gz", "loadLabels");
    ASSERT_NE(doc->labels(), nullptr);
    EXPECT_EQ(misplaced(*doc), 0u) << "dcm2niix flips the rows: every label must still land on its voxel";
    EXPECT_TRUE(window->statusBar()->currentMessage().startsWith("Imported")) << window->statusBar()->currentMessage().toStdString();
    settle();
    test::saveScreenshot(window.get(), "label-map-from-dcm2niix");

    choose(*window, dir / "labels/coarse.nii.gz", "loadLabels");
    EXPECT_TRUE(window->statusBar()->currentMessage().contains("nearest neighbour")) << window->statusBar()->currentMessage().toStdString();
    settle();
    test::saveScreenshot(window.get(), "label-map-resampled");

    // Out as an RT Structure Set and a Slicer segmentation, and back: two structures drawn on the
    // series (contours of the speckled truth above would be millions).
    core::LabelMap blobs(doc->volume().geometry());
    blobs.labels().set({1, "Brainstem", {200, 150, 90, 255}});
    blobs.labels().set({2, "PTV", {255, 0, 255, 255}});
    const auto& g = blobs.geometry();
    const core::Point3 a = g.indexToWorld({g.dims()[0] * 0.4, g.dims()[1] * 0.5, g.dims()[2] * 0.5});
    const core::Point3 b = g.indexToWorld({g.dims()[0] * 0.65, g.dims()[1] * 0.45, g.dims()[2] * 0.55});
    for (std::size_t k = 0; k < g.dims()[2]; ++k)
        for (std::size_t j = 0; j < g.dims()[1]; ++j)
            for (std::size_t i = 0; i < g.dims()[0]; ++i) {
                const core::Point3 p = g.indexToWorld({double(i), double(j), double(k)});
                if ((p - a).norm() < 25 && (p - a).norm() > 10) blobs.set(i, j, k, 1);
                if ((p - b).norm() < 15) blobs.set(i, j, k, 2);
            }
    doc->setLabels(blobs);
    const auto sameAsBlobs = [&] {
        std::size_t wrong = 0;
        for (std::size_t n = 0; n < g.voxelCount(); ++n) wrong += doc->labels()->at(n) != blobs.at(n);
        return wrong;
    };
    const QString rt = QString::fromStdString((dir / "rtstruct.dcm").string());
    choose(*window, rt.toStdString(), "exportRtStruct");
    ASSERT_TRUE(std::filesystem::exists(rt.toStdString())) << window->statusBar()->currentMessage().toStdString();
    EXPECT_TRUE(test::dciodvfyErrors(rt.toStdString(), "RTStructureSet").empty());
    const QString slicer = QString::fromStdString((dir / "labels.seg.nrrd").string());
    choose(*window, slicer.toStdString(), "exportSegNrrd");
    ASSERT_TRUE(std::filesystem::exists(slicer.toStdString()));

    choose(*window, dir / "labels/coarse.nii.gz", "loadLabels");
    ASSERT_GT(sameAsBlobs(), 0u);
    choose(*window, rt.toStdString(), "importRtStruct");
    EXPECT_EQ(sameAsBlobs(), 0u) << "label map → RTSTRUCT → label map";
    EXPECT_EQ(doc->labels()->labels(), blobs.labels());
    settle();
    test::saveScreenshot(window.get(), "rtstruct-imported");
    choose(*window, dir / "labels/coarse.nii.gz", "loadLabels");
    choose(*window, slicer.toStdString(), "loadLabels");
    EXPECT_EQ(sameAsBlobs(), 0u) << "label map → .seg.nrrd → label map";
    EXPECT_EQ(doc->labels()->labels(), blobs.labels());
}

// File ▸ Export anonymised: the open series and its labels (as a SEG) leave de-identified, under
// the new patient ID, the SEG still fitting the de-identified series; the identity map stays in
// the data folder. Screenshot: export-anonymised.
TEST_F(Viewer, ExportAnonymisedCarriesTheSeriesAndItsSegUnderNewIdentities) {
    logic::Document* doc = window->document();
    ASSERT_TRUE(doc->image().fromDicom);
    core::LabelMap labels(doc->volume().geometry());
    labels.labels().set({1, "Lesion", {230, 80, 60, 255}});
    const auto& d = doc->volume().geometry().dims();
    for (std::size_t k = d[2] / 3; k < d[2] / 2; ++k)
        for (std::size_t j = d[1] / 3; j < d[1] / 2; ++j)
            for (std::size_t i = d[0] / 3; i < d[0] / 2; ++i) labels.set(i, j, k, 1);
    doc->setLabels(labels);
    test::TempDir dir("gui-anonymised");
    const std::filesystem::path out = dir / "export";
    int images = -1, objects = -1;
    QObject::connect(window.get(), &ui::MainWindow::anonymisedExported, [&](int i, int o) { images = i, objects = o; });
    QTimer::singleShot(300, [&] {
        auto* dialog = qobject_cast<ui::AnonymiseDialog*>(QApplication::activeModalWidget());
        if (!dialog) return;
        dialog->findChild<QLineEdit*>("anonymiseFolder")->setText(QString::fromStdString(out.string()));
        dialog->findChild<QLineEdit*>("anonymisePatientId")->setText("TRIAL-42");
        dialog->findChild<QCheckBox*>("anonymiseDates")->setChecked(true);
        test::saveScreenshot(dialog, "export-anonymised");
        dialog->accept();
    });
    menuAction(*window, "exportAnonymised")->trigger();
    ASSERT_TRUE(test::waitFor([&] { return images >= 0; }, 60000)) << window->statusBar()->currentMessage().toStdString();
    EXPECT_EQ(images, int(doc->image().stack.instances.size()));
    EXPECT_EQ(objects, 1) << "the labels, as a SEG";
    EXPECT_TRUE(window->statusBar()->currentMessage().startsWith("Exported")) << window->statusBar()->currentMessage().toStdString();

    std::string seg, series;
    for (const auto& f : test::filesUnder(out)) {
        const std::string dump = test::run("dcmdump +P 0008,0060 +P 0010,0020 +P 0012,0062 " + test::quote(f)).out;
        EXPECT_NE(dump.find("[TRIAL-42]"), std::string::npos) << f;
        EXPECT_NE(dump.find("[YES]"), std::string::npos) << "Patient Identity Removed: " << f;
        if (dump.find("[SEG]") != std::string::npos) seg = f;
        else series = std::filesystem::path(f).parent_path().string();
    }
    ASSERT_FALSE(seg.empty());
    const auto imported = test::run(test::quote(test::lumenCli().string()) + " seg import " + test::quote(seg) + " --source " + test::quote(series) +
                                    " --out " + test::quote((dir / "back.nii.gz").string()));
    EXPECT_EQ(imported.exitCode, 0) << "the SEG fits the de-identified series: " << imported.err;
    const std::string map = logic::AnonymisedExport::defaultMapPath();
    EXPECT_TRUE(std::filesystem::exists(map)) << map;
    EXPECT_NE(test::readText(map).find(doc->image().series.seriesUid), std::string::npos) << "the map re-identifies the series";
}
