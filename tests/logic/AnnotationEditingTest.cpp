// The segment editor's model on a document (what the GUI's panel and paint modes call) and the
// annotation store: autosave after edits, recovery after a crash, restore on reopening; and the
// viewer's SEG / SR / NIfTI export and import on the open series.
#include "TestSupport.h"
#include "core/SyntheticCtGenerator.h"
#include "io/AnnotationJson.h"
#include "io/DicomSeriesWriter.h"
#include "io/ImageLoader.h"
#include "logic/AnnotationExchange.h"
#include "logic/AnnotationStore.h"
#include "logic/Document.h"
#include "logic/SegmentEditor.h"

#include "CoreApp.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

using namespace lumen;

namespace {

// A 40 × 40 × 20 image, 1 mm voxels, values = column index i (so ranges select columns).
io::LoadedImage image(const std::string& seriesUid = "1.2.826.0.1.3680043.8.498.1") {
    io::LoadedImage im;
    im.volume = core::Volume::zeros(core::PixelType::Int16, core::ImageGeometry({40, 40, 20}, {1, 1, 1}, {0, 0, 0}));
    for (std::size_t v = 0; v < im.volume.geometry().voxelCount(); ++v) im.volume.as<std::int16_t>()[v] = std::int16_t(v % 40);
    im.fromDicom = true;
    im.series.seriesUid = seriesUid;
    return im;
}

std::size_t count(const core::LabelMap& m, std::uint16_t value) {
    const auto h = m.histogram();
    return h.count(value) ? h.at(value) : 0;
}

}  // namespace

TEST(SegmentEditor, PaintingCreatesTheFirstLabelAndEveryEditUndoes) {
    test::coreApp();
    logic::Document doc;
    doc.setImage(image());
    logic::SegmentEditor editor(&doc);
    editor.setBrushRadius(3);
    editor.beginStroke({10, 10, 5}, {0, 0, 1});
    editor.continueStroke({20, 10, 5});
    editor.endStroke();
    ASSERT_NE(doc.labels(), nullptr);
    EXPECT_EQ(editor.activeLabel(), 1);
    EXPECT_EQ(doc.labels()->labels().find(1)->name, "Segment 1");
    const std::size_t painted = count(*doc.labels(), 1);
    EXPECT_NEAR(double(painted), 6 * 10 + M_PI * 9, 8);  // a 6 mm disc swept 10 mm, on one slice
    EXPECT_EQ(doc.labelUndo().undoCount(), 1u);

    // Threshold: only columns 30..33 take the fill; a locked label refuses every edit.
    const std::uint16_t second = editor.addLabel("kidney");
    editor.setRange(std::make_pair(30.0, 33.0));
    EXPECT_EQ(editor.floodFill({31, 30, 5}, {0, 0, 1}, false), 4u * 40u);
    editor.setRange(std::nullopt);
    editor.setLocked(second, true);
    QSignalSpy refused(&editor, &logic::SegmentEditor::refused);
    editor.beginStroke({31, 5, 5}, {0, 0, 1});
    editor.endStroke();
    EXPECT_EQ(refused.count(), 1);
    EXPECT_EQ(count(*doc.labels(), second), 160u);
    editor.setLocked(second, false);

    // Lasso, then interpolation between two lassoed slices of the same square (a third label).
    const std::uint16_t third = editor.addLabel("cyst");
    const std::vector<core::Point3> square5{{4.5, 24.5, 2}, {9.5, 24.5, 2}, {9.5, 29.5, 2}, {4.5, 29.5, 2}};
    EXPECT_EQ(editor.fillPolygon(square5, {0, 0, 1}), 25u);
    std::vector<core::Point3> square12 = square5;
    for (auto& p : square12) p.z = 12;
    EXPECT_EQ(editor.fillPolygon(square12, {0, 0, 1}), 25u);
    EXPECT_EQ(editor.interpolate({0, 0, 1}), 9u);  // slices filled
    EXPECT_EQ(count(*doc.labels(), third), 11u * 25u);

    // Rename, recolour, merge, delete; undo walks back to the painted stroke alone.
    editor.renameLabel(second, "left kidney");
    EXPECT_EQ(doc.labels()->labels().find(second)->name, "left kidney");
    editor.mergeLabel(second, 1);
    EXPECT_EQ(count(*doc.labels(), second), 0u);
    EXPECT_EQ(doc.labels()->labels().find(second), nullptr);
    while (doc.labelUndo().undoCount() > 1) ASSERT_TRUE(doc.undoLabelEdit());
    EXPECT_EQ(count(*doc.labels(), 1), painted);
    EXPECT_EQ(count(*doc.labels(), second), 0u);
    ASSERT_TRUE(doc.redoLabelEdit());
    EXPECT_EQ(count(*doc.labels(), second), 160u);  // the threshold fill is back (the table row went with the merge)
    editor.deleteLabel(1);
    EXPECT_EQ(count(*doc.labels(), 1), 0u);
}

TEST(SegmentEditor, EditingAModelsSegmentCountsTheCorrection) {
    test::coreApp();
    logic::Document doc;
    doc.setImage(image());
    core::AnnotationSet set;
    set.labels = core::LabelMap(doc.volume().geometry());
    set.labels.labels().set({1, "lesion", {255, 0, 0, 255}});
    core::SegmentInfo info;
    info.value = 1;
    info.provenance.source = "lesion-detector";
    set.segments = {info};
    doc.setAnnotations(set);
    logic::SegmentEditor editor(&doc);
    editor.setActiveLabel(1);
    const std::vector<core::Point3> square{{4.5, 4.5, 3}, {9.5, 4.5, 3}, {9.5, 9.5, 3}, {4.5, 9.5, 3}};
    editor.fillPolygon(square, {0, 0, 1});
    editor.setErase(true);
    editor.setBrushRadius(0.5);
    editor.beginStroke({5, 5, 3}, {0, 0, 1});
    editor.endStroke();
    const core::AnnotationSet after = doc.annotations();  // a copy: the reference below must outlive the call
    const auto& p = after.segments.at(0).provenance;
    EXPECT_TRUE(p.editedByUser);
    EXPECT_EQ(p.voxelsAdded, 25u);
    EXPECT_EQ(p.voxelsRemoved, 1u);
    EXPECT_GT(p.editSeconds, 0.0);  // the fill and the stroke took some time
}

TEST(AnnotationStore, AutosavesAfterEditsOffersRecoveryAndRestoresWhatWasSaved) {
    test::coreApp();
    test::TempDir data("store");
    core::Finding f;
    f.className = "lesion", f.boxMin = {1, 2, 3}, f.boxMax = {5, 6, 7};
    {
        logic::Document doc;
        logic::AnnotationStore store(&doc, QString::fromStdString(data.path().string()));
        store.setDebounceMs(0);
        doc.setImage(image());
        ASSERT_TRUE(store.active());
        QSignalSpy autosaved(&store, &logic::AnnotationStore::autosaved);
        doc.addFinding(f);
        ASSERT_TRUE(autosaved.wait(2000));
        EXPECT_TRUE(store.dirty());
        EXPECT_TRUE(store.hasRecovery());
    }  // "crash": never saved
    {
        logic::Document doc;
        logic::AnnotationStore store(&doc, QString::fromStdString(data.path().string()));
        QSignalSpy offered(&store, &logic::AnnotationStore::recoveryAvailable);
        doc.setImage(image());
        EXPECT_EQ(offered.count(), 1);
        EXPECT_TRUE(doc.findings().empty());  // nothing was saved: only the recovery has it
        store.restoreRecovery();
        ASSERT_EQ(doc.findings().size(), 1u);
        EXPECT_TRUE(store.save());
        EXPECT_FALSE(store.hasRecovery());
    }
    {
        logic::Document doc;
        logic::AnnotationStore store(&doc, QString::fromStdString(data.path().string()));
        QSignalSpy offered(&store, &logic::AnnotationStore::recoveryAvailable);
        doc.setImage(image());
        EXPECT_EQ(offered.count(), 0);
        ASSERT_EQ(doc.findings().size(), 1u);  // reopening restores the saved state
        EXPECT_EQ(doc.findings()[0].boxMax.z, 7);
        // Another series has its own workspace.
        doc.setImage(image("1.2.826.0.1.3680043.8.498.2"));
        EXPECT_TRUE(doc.findings().empty());
    }
}

TEST(AnnotationStore, ACorruptWorkspaceIsReportedAndLeftAlone) {
    test::coreApp();
    test::TempDir data("store-bad");
    const auto folder = logic::Workspace::folderFor(data.path(), "1.2.826.0.1.3680043.8.498.1");
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "annotations.json") << "{\"format\": \"lumen-annotations\", \"version\": 1, \"findings\": [";
    const std::string before = test::readText(folder / "annotations.json");
    logic::Document doc;
    logic::AnnotationStore store(&doc, QString::fromStdString(data.path().string()));
    QSignalSpy failed(&store, &logic::AnnotationStore::failed);
    doc.setImage(image());
    ASSERT_EQ(failed.count(), 1);
    EXPECT_TRUE(failed.at(0).at(0).toString().contains("cannot be read")) << failed.at(0).at(0).toString().toStdString();
    EXPECT_TRUE(doc.findings().empty());
    EXPECT_EQ(test::readText(folder / "annotations.json"), before);
}

TEST(AnnotationExchange, SegSrAndNiftiRoundTripThroughTheOpenSeries) {
    test::coreApp();
    test::TempDir dir("exchange");
    core::SyntheticCtGenerator::Options o;
    o.size = 32, o.slices = 6;
    io::DicomExportOptions options;
    options.modality = "CT";
    io::DicomSeriesWriter::write(core::SyntheticCtGenerator::generate(o), (dir / "ct").string(), options);
    logic::Document doc;
    doc.setImage(io::ImageLoader::load((dir / "ct").string()));
    using F = logic::AnnotationExchange::Format;
    EXPECT_THROW(logic::AnnotationExchange::exportTo(doc, F::DicomSeg, (dir / "empty.dcm").string()), std::runtime_error);
    EXPECT_FALSE(std::filesystem::exists(dir / "empty.dcm"));

    logic::SegmentEditor editor(&doc);
    const auto& g = doc.volume().geometry();
    const std::vector<core::Point3> square{g.indexToWorld({4.5, 4.5, 2}), g.indexToWorld({12.5, 4.5, 2}), g.indexToWorld({12.5, 12.5, 2}),
                                           g.indexToWorld({4.5, 12.5, 2})};
    ASSERT_EQ(editor.fillPolygon(square, g.axis(2)), 64u);
    core::Finding f;
    f.className = "nodule", f.boxMin = g.indexToWorld({1, 1, 1}), f.boxMax = g.indexToWorld({5, 5, 3});
    doc.addFinding(f);
    for (auto [format, name] : {std::pair{F::DicomSeg, "seg.dcm"}, std::pair{F::DicomSr, "sr.dcm"}, std::pair{F::NiftiLabels, "labels.nii.gz"}})
        logic::AnnotationExchange::exportTo(doc, format, (dir / name).string());
    EXPECT_TRUE(std::filesystem::exists(dir / "labels.json"));  // the sidecar

    logic::Document other;
    other.setImage(io::ImageLoader::load((dir / "ct").string()));
    logic::AnnotationExchange::importFrom(other, F::DicomSeg, (dir / "seg.dcm").string());
    logic::AnnotationExchange::importFrom(other, F::DicomSr, (dir / "sr.dcm").string());
    ASSERT_NE(other.labels(), nullptr);
    EXPECT_EQ(other.labels()->histogram().at(1), 64u);
    ASSERT_EQ(other.findings().size(), 1u);
    EXPECT_EQ(other.findings()[0].className, "nodule");
    EXPECT_LT((other.findings()[0].boxMax - f.boxMax).norm(), 1e-4);
    logic::AnnotationExchange::importFrom(other, F::DicomSr, (dir / "sr.dcm").string());
    EXPECT_EQ(other.findings().size(), 1u) << "importing the same report twice does not double it";
    logic::AnnotationExchange::importFrom(doc, F::DicomSr, (dir / "sr.dcm").string());
    EXPECT_EQ(doc.findings().size(), 1u) << "nor does importing a report exported from this document";

    // A report of another series is refused and changes nothing.
    io::DicomSeriesWriter::write(core::SyntheticCtGenerator::generate(o), (dir / "ct2").string(), options);
    logic::Document third;
    third.setImage(io::ImageLoader::load((dir / "ct2").string()));
    EXPECT_THROW(logic::AnnotationExchange::importFrom(third, F::DicomSr, (dir / "sr.dcm").string()), std::runtime_error);
    EXPECT_TRUE(third.findings().empty());
}
