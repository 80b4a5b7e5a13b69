// A model's training set on disk: a reviewed case becomes a MONAI datalist entry with its image,
// the model's truth (label values by name, reviewed findings, the class) and its correction
// effort; nibabel reads the files back; the validation split is locked; unreviewed proposals and
// a broken datalist are clear errors that change nothing.
#include "TestSupport.h"
#include "logic/Document.h"
#include "logic/TrainingSetStore.h"

#include "CoreApp.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace lumen;
using nlohmann::json;

namespace {

io::LoadedImage image() {
    io::LoadedImage im;
    im.volume = core::Volume::zeros(core::PixelType::Int16, core::ImageGeometry({20, 16, 12}, {1, 1, 2}, {-10, -8, -12}));
    for (std::size_t v = 0; v < im.volume.geometry().voxelCount(); ++v) im.volume.as<std::int16_t>()[v] = std::int16_t(v % 97);
    im.volume.setRescale({1.0, -1024.0, "HU"});  // a CT's stored values: the model trains on HU
    im.fromDicom = true;
    im.series.description = "T1 MPRAGE";
    im.series.seriesUid = "1.2.3.4";
    return im;
}

logic::AiModel model(const QString& task) {
    logic::AiModel m;
    m.name = "brain-structures", m.version = "1.0", m.task = task;
    if (task == "segmentation") m.labels = {{1, "Cerebrum and brainstem"}, {2, "Cerebellum"}, {3, "Deep grey matter"}};
    else if (task == "detection") m.labels = {{1, "lesion"}};
    else m.labels = {{0, "no lesion"}, {1, "lesion"}};
    return m;
}

struct Store : ::testing::Test {
    void SetUp() override {
        test::coreApp();
        doc.setImage(image());
    }
    test::TempDir dir{"trainingset"};
    logic::TrainingSetStore store{QString::fromStdString((dir / "brain-structures").string())};
    logic::Document doc;
};

}  // namespace

TEST_F(Store, ASegmentationCaseKeepsTheModelsLabelsOnTheModelsValues) {
    core::LabelMap& labels = doc.editableLabels();
    labels.labels().set({7, "Cerebellum", {1, 0, 0}});   // the model's label on another value
    labels.labels().set({4, "tumour", {0, 1, 0}});       // not the model's: background for it
    for (std::size_t v = 0; v < 100; ++v) labels.set(v, 7);
    for (std::size_t v = 100; v < 150; ++v) labels.set(v, 4);
    core::SegmentInfo info;
    info.value = 7;
    info.provenance.source = "brain-structures", info.provenance.modelVersion = "1.0";
    info.provenance.voxelsAdded = 12, info.provenance.voxelsRemoved = 30, info.provenance.editSeconds = 41.5;
    doc.segments().push_back(info);

    const logic::TrainingCase c = store.add(logic::TrainingSetStore::draft(doc, model("segmentation"), false));
    EXPECT_EQ(c.id, "case-001");
    EXPECT_FALSE(c.validation);
    EXPECT_EQ(c.fromModel, "brain-structures 1.0");
    EXPECT_EQ(c.voxelsAdded, 12);
    EXPECT_EQ(c.voxelsRemoved, 30);
    EXPECT_DOUBLE_EQ(c.editSeconds, 41.5);
    EXPECT_TRUE(c.origin.contains("T1 MPRAGE") && c.origin.contains("1.2.3.4")) << c.origin.toStdString();

    const json list = json::parse(test::readText(dir / "brain-structures/datalist.json"));
    ASSERT_EQ(list["training"].size(), 1u);
    EXPECT_TRUE(list["validation"].empty());
    EXPECT_EQ(list["training"][0]["image"], "cases/case-001/image.nii.gz");
    EXPECT_EQ(list["training"][0]["label"], "cases/case-001/label.nii.gz");
    EXPECT_EQ(list["training"][0]["lumen"]["effort"]["voxels_removed"], 30);

    // nibabel (independent reader): the image is the open volume in real values (HU), the label the model's value 2
    // where the user's "Cerebellum" was, 0 elsewhere (the tumour too).
    const auto py = test::run(std::string(test::kDebianPython) + " -c \"import nibabel as nib, numpy as np; d='" +
                              (dir / "brain-structures/cases/case-001/").string() +
                              "'; i=np.asarray(nib.load(d+'image.nii.gz').dataobj); l=np.asarray(nib.load(d+'label.nii.gz').dataobj);"
                              " f=l.flatten(order='F'); print(i.shape, int(i.flatten(order='F')[500]), sorted(set(f.tolist())),"
                              " int((f[:100]==2).sum()), int((f[100:]!=0).sum()))\"");
    ASSERT_EQ(py.exitCode, 0) << py.err;
    EXPECT_EQ(py.out, "(20, 16, 12) " + std::to_string(500 % 97 - 1024) + " [0, 2] 100 0\n");
}

TEST_F(Store, TheValidationSplitIsLocked) {
    core::LabelMap& labels = doc.editableLabels();
    labels.labels().set({1, "Cerebrum and brainstem", {1, 0, 0}});
    for (std::size_t v = 0; v < 50; ++v) labels.set(v, 1);
    const auto validation = store.add(logic::TrainingSetStore::draft(doc, model("segmentation"), true));
    // The same series again, in either split, is refused: it would be trained on and measured on.
    try {
        store.add(logic::TrainingSetStore::draft(doc, model("segmentation"), false));
        FAIL() << "one series went into training and validation";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("already case-001"), std::string::npos) << e.what();
    }
    auto other = logic::TrainingSetStore::draft(doc, model("segmentation"), false);
    other.info.seriesUid = "1.2.3.5";  // another series
    const auto training = store.add(other);
    EXPECT_EQ(validation.id, "case-001");
    EXPECT_EQ(training.id, "case-002");
    auto cases = store.cases();
    ASSERT_EQ(cases.size(), 2u);
    EXPECT_TRUE(cases[0].validation);
    EXPECT_FALSE(cases[1].validation);
    try {
        store.remove("case-001");
        FAIL() << "a validation case was removed";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos) << e.what();
    }
    store.remove("case-002");
    EXPECT_EQ(store.cases().size(), 1u);
    EXPECT_FALSE(std::filesystem::exists(dir / "brain-structures/cases/case-002"));
    EXPECT_TRUE(std::filesystem::exists(dir / "brain-structures/cases/case-001/image.nii.gz"));
    EXPECT_THROW(store.remove("case-009"), std::runtime_error);
}

TEST_F(Store, WhatTheCaseLacksIsSaidAndNothingIsWritten) {
    EXPECT_THROW(logic::TrainingSetStore::draft(doc, model("segmentation"), false), std::runtime_error) << "no labels at all";
    core::Finding proposed;
    proposed.className = "lesion", proposed.status = core::Finding::Status::Proposed;
    proposed.provenance.source = "lesion-detector";
    doc.addFinding(proposed);
    try {
        logic::TrainingSetStore::draft(doc, model("detection"), false);
        FAIL() << "unreviewed proposals went into a training set";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("still proposed"), std::string::npos) << e.what();
    }
    EXPECT_THROW(logic::TrainingSetStore::draft(doc, model("classification"), false), std::runtime_error);
    EXPECT_FALSE(std::filesystem::exists(dir / "brain-structures"));

    // A datalist another tool broke is reported, never overwritten.
    std::filesystem::create_directories(dir / "brain-structures");
    std::ofstream((dir / "brain-structures/datalist.json").string()) << "{\"training\": 5}";
    EXPECT_THROW(store.cases(), std::runtime_error);
    core::Finding accepted = proposed;
    accepted.status = core::Finding::Status::Accepted;
    doc.setAnnotations({});
    doc.addFinding(accepted);
    EXPECT_THROW(store.add(logic::TrainingSetStore::draft(doc, model("detection"), false)), std::runtime_error);
    EXPECT_EQ(test::readText(dir / "brain-structures/datalist.json"), "{\"training\": 5}");
}

TEST_F(Store, DetectionKeepsReviewedFindingsAndClassificationTheClass) {
    core::Finding f;
    f.className = "lesion", f.boxMin = {-2, -3, -4}, f.boxMax = {4, 5, 6};
    f.provenance.source = "lesion-detector", f.provenance.modelVersion = "1.0";
    f.status = core::Finding::Status::Accepted;
    doc.addFinding(f);
    f.status = core::Finding::Status::Rejected;
    doc.addFinding(f);
    f.status = core::Finding::Status::Edited, f.boxMax = {8, 8, 8};
    doc.addFinding(f);
    const auto c = store.add(logic::TrainingSetStore::draft(doc, model("detection"), false));
    EXPECT_EQ(c.findingsAccepted, 1);
    EXPECT_EQ(c.findingsRejected, 1);
    EXPECT_EQ(c.findingsEdited, 1);
    const json truth = json::parse(test::readText(dir / "brain-structures/cases/case-001/findings.json"));
    ASSERT_EQ(truth["findings"].size(), 2u) << "the rejected one is not a lesion";
    EXPECT_EQ(truth["findings"][0]["box_min_mm"], json({-2.0, -3.0, -4.0}));
    EXPECT_EQ(truth["findings"][1]["box_max_mm"], json({8.0, 8.0, 8.0}));

    core::Classification cls;
    cls.className = "lesion";
    cls.provenance.source = "lesion-classifier", cls.provenance.modelVersion = "1.0";
    doc.addClassification(cls);
    try {  // the model's own class is no truth until a person confirms it (as for labels and findings)
        logic::TrainingSetStore::draft(doc, model("classification"), true);
        FAIL() << "an unreviewed class went into a training set";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("confirm"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(doc.confirmClassification("another-model", "lesion"));
    ASSERT_TRUE(doc.confirmClassification("lesion-classifier", "lesion"));
    EXPECT_TRUE(doc.classifications().back().reviewed);
    EXPECT_FALSE(doc.classifications().back().provenance.editedByUser) << "confirmed as the model said";
    logic::TrainingSetStore classes{QString::fromStdString((dir / "lesion-classifier").string())};
    const auto k = classes.add(logic::TrainingSetStore::draft(doc, model("classification"), true));
    EXPECT_EQ(k.label, "lesion");
    EXPECT_EQ(k.fromModel, "lesion-classifier 1.0");
    const json list = json::parse(test::readText(dir / "lesion-classifier/datalist.json"));
    EXPECT_EQ(list["validation"][0]["label"], "lesion");
}
