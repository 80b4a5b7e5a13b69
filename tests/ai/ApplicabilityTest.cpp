// The model card's machine-checked part: what a brain MR model says about an abdominal CT, a
// thick-slice scan or a label of implausible size — and that a head MR of any orientation passes.
#include "ai/ModelError.h"
#include "ai/ModelManifest.h"
#include "ai/card/ModelApplicability.h"
#include "core/SyntheticCtGenerator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace lumen;
using nlohmann::json;

namespace {

// The starter brain models' card, as applicability.py writes it.
const json kBrainCard = json::parse(R"({
  "modalities": ["MR"], "body_parts": ["brain", "HEAD"],
  "spacing_mm": [[null, 2.0], [null, 2.0], [null, 3.5]],
  "field_of_view_mm": [[109, 272], [109, 272], [130, 326]],
  "intensity_percentiles": {"p1": [-50, null]},
  "label_volume_ml": {"1": [900, 1700], "3": [40, 90]}})");

ai::ModelApplicability brainCard() {
    std::vector<std::string> problems;
    auto card = ai::ModelApplicability::fromJson(kBrainCard, "applicability", problems);
    EXPECT_TRUE(problems.empty());
    return card;
}

// A T1-like head: noise 0..200, no negative values.
core::Volume head(std::array<std::size_t, 3> dims, core::Vector3 spacing) {
    core::Volume v = core::Volume::zeros(core::PixelType::Int16, core::ImageGeometry(dims, spacing, {0, 0, 0}));
    std::mt19937 rng(3);
    for (std::size_t i = 0; i < v.voxelCount(); ++i) v.as<std::int16_t>()[i] = static_cast<std::int16_t>(rng() % 200);
    return v;
}

std::vector<std::string> checks(const std::vector<ai::ApplicabilityWarning>& warnings) {
    std::vector<std::string> out;
    for (const auto& w : warnings) out.push_back(w.check);
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) { return std::find(list.begin(), list.end(), item) != list.end(); }

}  // namespace

TEST(Applicability, ReadsWhatItChecksAndListsEveryProblem) {
    const auto card = brainCard();
    EXPECT_EQ(card.modalities, std::vector<std::string>{"MR"});
    EXPECT_EQ(card.bodyParts, (std::vector<std::string>{"BRAIN", "HEAD"})) << "DICOM terms, compared in upper case";
    EXPECT_FALSE(card.spacingMm[0].min.has_value());
    EXPECT_DOUBLE_EQ(*card.spacingMm[2].max, 3.5);
    EXPECT_DOUBLE_EQ(*card.labelVolumeMl.at(3).min, 40);
    EXPECT_EQ(card.toJson()["field_of_view_mm"], kBrainCard["field_of_view_mm"]) << "written back as read";

    std::vector<std::string> problems;
    ai::ModelApplicability::fromJson(json::parse(R"({"modality": ["MR"], "spacing_mm": [[3, 1], [null, 2]],
        "label_volume_ml": {"x": [1, 2]}, "intensity_percentiles": {"p1": ["low", null]}})"), "applicability", problems);
    ASSERT_EQ(problems.size(), 4u) << "a misspelt key, min above max, two axes of three, a label that is no number, a word for a number";
    EXPECT_NE(problems[0].find("applicability.modality"), std::string::npos) << problems[0];
}

TEST(Applicability, AManifestRefusesAVolumeRangeForALabelItDoesNotHave) {
    json m = json::parse(R"({"name": "m", "version": "1.0", "task": "segmentation", "sha256": ")" + std::string(64, 'a') + R"(",
        "labels": [{"value": 1, "name": "Brain"}], "input": {"spacing": [3, 3, 3], "patch_size": [48, 48, 48]}, "output": {"activation": "softmax"},
        "applicability": {"label_volume_ml": {"1": [900, 1700], "7": [1, 2]}}})");
    try {
        ai::ModelManifest::fromJson(m);
        FAIL() << "label 7 is not the model's";
    } catch (const ai::ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("label_volume_ml: 7"), std::string::npos) << e.what();
    }
    m["applicability"]["label_volume_ml"].erase("7");
    const auto manifest = ai::ModelManifest::fromJson(m);
    EXPECT_EQ(manifest.toJson()["applicability"]["label_volume_ml"], json::parse(R"({"1": [900.0, 1700.0]})"));
}

TEST(Applicability, ABrainMrModelWarnsOnTheSyntheticChestAbdomenCt) {
    core::SyntheticCtGenerator::Options o;
    o.slices = 60;  // 384 × 384 × 75 mm
    const core::Volume ct = core::SyntheticCtGenerator::generate(o);
    const auto card = brainCard();
    const auto fromDicom = checks(ai::checkImage(card, ct, {"CT", "CHESTABDOMEN"}));
    for (const char* check : {"modality", "body_part", "field_of_view", "intensity"}) EXPECT_TRUE(has(fromDicom, check)) << check;
    // As a NIfTI (no modality, no body part) the image itself still gives it away.
    const auto fromNifti = checks(ai::checkImage(card, ct, {}));
    EXPECT_TRUE(has(fromNifti, "field_of_view"));
    EXPECT_TRUE(has(fromNifti, "intensity")) << "air at -1000 HU is no magnitude MR";
    EXPECT_FALSE(has(fromNifti, "modality"));
}

TEST(Applicability, AHeadMrPassesWhateverItsOrientationAndThickSlicesDoNot) {
    const auto card = brainCard();
    EXPECT_TRUE(ai::checkImage(card, head({176, 256, 256}, {1, 1, 1}), {"MR", "HEAD"}).empty());
    EXPECT_TRUE(ai::checkImage(card, head({256, 176, 256}, {1, 1, 1}), {"MR", "BRAIN"}).empty()) << "axes are compared sorted";
    EXPECT_TRUE(ai::checkImage(card, head({256, 256, 120}, {0.9, 0.9, 1.5}), {}).empty());
    const auto thick = ai::checkImage(card, head({512, 512, 30}, {0.45, 0.45, 5.0}), {"MR", "HEAD"});
    ASSERT_EQ(checks(thick), std::vector<std::string>{"spacing"});
    EXPECT_NE(thick[0].message.find("coarsest"), std::string::npos) << thick[0].message;
    EXPECT_NE(thick[0].message.find("5.00 mm"), std::string::npos) << thick[0].message;
    // Both at once: 80 thick slices also span 400 mm.
    const auto both = checks(ai::checkImage(card, head({512, 512, 80}, {0.45, 0.45, 5.0}), {}));
    EXPECT_EQ(both, (std::vector<std::string>{"spacing", "field_of_view"}));
    // A card that says nothing checks nothing.
    EXPECT_TRUE(ai::checkImage({}, head({16, 16, 16}, {7, 7, 7}), {"CT", "FOOT"}).empty());
}

TEST(Applicability, LabelVolumesOutsideTheTrainingRangeAreNamed) {
    const auto card = brainCard();
    core::LabelMap labels(core::ImageGeometry({100, 100, 100}, {1, 1, 1}, {0, 0, 0}));
    labels.labels().set({1, "Cerebrum and brainstem", {220, 180, 60, 255}});
    labels.labels().set({3, "Deep grey matter", {230, 90, 90, 255}});
    for (std::size_t i = 0; i < 60000; ++i) labels.set(i, 3);  // 60 mL: plausible
    auto w = ai::checkLabels(card, labels);
    ASSERT_EQ(w.size(), 1u) << "label 1 missing: 0 mL where training had 900–1700";
    EXPECT_EQ(w[0].label, 1);
    EXPECT_NE(w[0].message.find("Cerebrum and brainstem is 0.0 mL"), std::string::npos) << w[0].message;
    for (std::size_t i = 60000; i < 1000000; ++i) labels.set(i, 1);  // 940 mL
    EXPECT_TRUE(ai::checkLabels(card, labels).empty());
    for (std::size_t i = 0; i < 200000; ++i) labels.set(i, 3);  // 200 mL of deep grey matter
    w = ai::checkLabels(card, labels);
    ASSERT_EQ(w.size(), 2u);  // and the cerebrum is down to 800 mL
    EXPECT_NE(w[1].message.find("Deep grey matter is 200 mL; in the training data it was 40–90 mL"), std::string::npos) << w[1].message;
    // Round trip through the result files' JSON.
    const auto back = ai::warningsFromJson(ai::toJson(w));
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[1].message, w[1].message);
    EXPECT_EQ(back[1].label, 3);
}

// Pieces and place: deep grey matter in 2–8 main pieces, the cerebellum 30–60 mm posterior and
// 20–50 mm inferior of the segmentation's centre (LPS: + posterior, + superior).
TEST(Applicability, LabelsInTooManyPiecesOrInTheWrongPlaceAreNamed) {
    std::vector<std::string> problems;
    const auto card = ai::ModelApplicability::fromJson(json::parse(R"({
        "label_components": {"3": [2, 8]},
        "label_offset_mm": {"2": [[-15, 15], [30, 60], [-50, -20]]}})"), "applicability", problems);
    ASSERT_TRUE(problems.empty()) << problems[0];
    EXPECT_EQ(card.toJson()["label_components"], json::parse(R"({"3": [2.0, 8.0]})"));
    core::LabelMap labels(core::ImageGeometry({100, 100, 100}, {1, 1, 1}, {0, 0, 0}));
    labels.labels().set({1, "Cerebrum", {220, 180, 60, 255}});
    labels.labels().set({2, "Cerebellum", {90, 160, 220, 255}});
    labels.labels().set({3, "Deep grey matter", {230, 90, 90, 255}});
    const auto box = [&](std::uint16_t v, std::array<std::size_t, 3> lo, std::array<std::size_t, 3> hi) {
        for (std::size_t k = lo[2]; k < hi[2]; ++k)
            for (std::size_t j = lo[1]; j < hi[1]; ++j)
                for (std::size_t i = lo[0]; i < hi[0]; ++i) labels.set(i, j, k, v);
    };
    box(1, {20, 10, 50}, {80, 60, 90});  // cerebrum: anterior and superior
    box(2, {35, 70, 20}, {65, 90, 40});  // cerebellum: posterior and inferior of it
    box(3, {30, 30, 60}, {40, 40, 70});  // two nuclei
    box(3, {60, 30, 60}, {70, 40, 70});
    labels.set(0, 0, 0, 3);              // and a speck, not a main piece
    EXPECT_TRUE(ai::checkLabels(card, labels).empty()) << ai::toJson(ai::checkLabels(card, labels)).dump();

    for (std::size_t n = 0; n < 9; ++n) box(3, {10 * n + 1, 64, 92}, {10 * n + 9, 69, 98});  // nine more pieces
    box(2, {35, 0, 20}, {65, 20, 40});   // and the cerebellum now in front as well
    const auto w = ai::checkLabels(card, labels);
    ASSERT_EQ(w.size(), 2u) << ai::toJson(w).dump();
    EXPECT_EQ(w[0].check, "label_components");
    EXPECT_NE(w[0].message.find("Deep grey matter is in 11 main pieces; in the training data 2–8"), std::string::npos) << w[0].message;
    EXPECT_EQ(w[1].check, "label_location");
    EXPECT_NE(w[1].message.find("Cerebellum's centre lies"), std::string::npos) << w[1].message;
    EXPECT_NE(w[1].message.find("in the training data 30 mm posterior to 60 mm posterior"), std::string::npos) << w[1].message;
}
