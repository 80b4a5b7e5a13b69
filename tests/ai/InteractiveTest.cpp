// The interactive segmenter's parts without a trained model: prompts, the region of interest on
// oblique and anisotropic grids, click encoding, the robot user against hand cases, region
// growing, and a session (with a rule-based scripted network) whose undo/redo equals recomputation.
#include "AiTestSupport.h"
#include "TestSupport.h"

#include "ai/InteractiveEvaluator.h"
#include "ai/protocol/InteractivePrompt.h"
#include "ai/InteractiveRoi.h"
#include "ai/InteractiveSegmenter.h"
#include "ai/ModelError.h"
#include "ai/RegionGrowing.h"
#include "ai/Resampler.h"
#include "ai/RobotUser.h"
#include "ai/TorchNetwork.h"
#include "ai/internal/BinaryComponents.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace lumen;
using nlohmann::json;

namespace {

// 20° about an oblique axis: every index axis is oblique to the patient axes.
core::Matrix3 obliqueAxes() {
    const core::Vector3 u = core::Vector3{1, 2, 3}.normalized();
    const double a = 20 * M_PI / 180, c = std::cos(a), s = std::sin(a);
    core::Matrix3 r;
    const double x = u.x, y = u.y, z = u.z;
    r(0, 0) = c + x * x * (1 - c), r(0, 1) = x * y * (1 - c) - z * s, r(0, 2) = x * z * (1 - c) + y * s;
    r(1, 0) = y * x * (1 - c) + z * s, r(1, 1) = c + y * y * (1 - c), r(1, 2) = y * z * (1 - c) - x * s;
    r(2, 0) = z * x * (1 - c) - y * s, r(2, 1) = z * y * (1 - c) + x * s, r(2, 2) = c + z * z * (1 - c);
    return r;
}

double distance(const core::Point3& a, const core::Point3& b) { return (a - b).norm(); }

std::size_t count(const std::vector<std::uint8_t>& m) { return std::size_t(std::count(m.begin(), m.end(), std::uint8_t(1))); }

// A ball of value `inside` in 0 elsewhere, on `g`; its mask.
ai::FloatImage ballImage(const core::ImageGeometry& g, const core::Point3& centre, double radius, std::vector<std::uint8_t>* mask) {
    ai::FloatImage image = ai::FloatImage::zeros(g, 1);
    if (mask) mask->assign(g.voxelCount(), 0);
    const auto& d = g.dims();
    for (std::size_t k = 0, v = 0; k < d[2]; ++k)
        for (std::size_t j = 0; j < d[1]; ++j)
            for (std::size_t i = 0; i < d[0]; ++i, ++v)
                if (distance(g.indexToWorld({double(i), double(j), double(k)}), centre) <= radius) {
                    image.data[v] = 100;
                    if (mask) (*mask)[v] = 1;
                }
    return image;
}

double dice(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    std::size_t both = 0;
    for (std::size_t v = 0; v < a.size(); ++v) both += a[v] && b[v];
    return 2.0 * double(both) / double(count(a) + count(b));
}

}  // namespace

TEST(InteractivePrompts, ReadAndWriteThePromptsFile) {
    const json j = json::parse(R"({"prompts": [{"type": "point", "positive": true, "lps_mm": [1, 2, 3]},
        {"type": "point", "positive": false, "lps_mm": [4, 5, 6]}, {"type": "box", "lps_min_mm": [9, 1, 1], "lps_max_mm": [2, 8, 1]}]})");
    const auto prompts = ai::promptsFromJson(j);
    ASSERT_EQ(prompts.size(), 3u);
    EXPECT_TRUE(prompts[0].positive);
    EXPECT_FALSE(prompts[1].positive);
    EXPECT_EQ(prompts[2].kind, ai::InteractivePrompt::Kind::Box);
    EXPECT_EQ(prompts[2].boxMin.x, 2);  // corners in any order
    EXPECT_EQ(prompts[2].boxMax.x, 9);
    EXPECT_EQ(ai::promptsFromJson(ai::promptsToJson(prompts)), prompts);
    EXPECT_THROW(ai::promptsFromJson(json::parse(R"({"prompts": [{"type": "point", "lps_mm": [1, 2]}]})")), ai::ModelError);
    EXPECT_THROW(ai::promptsFromJson(json::parse(R"({"prompts": [{"type": "scribble"}]})")), ai::ModelError);
    EXPECT_THROW(ai::promptsFromJson(json::parse(R"([1, 2])")), ai::ModelError);
}

TEST(InteractiveRoi, IsACubeOnTheImagesAxesCentredOnTheObject) {
    const ai::RoiSpec spec;  // 1.5 mm, 64³, up to ×4
    const core::Matrix3 axes = obliqueAxes();
    const core::Point3 centre{12.5, -40, 7};
    const core::ImageGeometry roi = spec.place(axes, centre, 2);
    EXPECT_EQ(roi.spacing().x, 3.0);
    EXPECT_EQ(roi.spacing().z, 3.0);
    for (int a = 0; a < 3; ++a) EXPECT_NEAR((roi.axis(a) - axes.column(a)).norm(), 0, 1e-12);
    // The centre of the cube (between voxels 31 and 32) is the requested point.
    EXPECT_LT(distance(roi.indexToWorld({31.5, 31.5, 31.5}), centre), 1e-9);

    EXPECT_EQ(spec.scaleFor({20, 30, 10}), 1);
    EXPECT_EQ(spec.scaleFor({20, 30, 90}), 2);      // 90 mm > 0.85 × 96 mm
    EXPECT_EQ(spec.scaleFor({300, 30, 10}), 4);     // 300 mm ≤ 0.85 × 384 mm
    EXPECT_EQ(spec.scaleFor({900, 30, 10}), 4);     // larger than any: the largest

    // The extent of prompts and a mask along the ROI's axes.
    ai::RoiExtent extent(axes);
    extent.add(ai::InteractivePrompt::click(centre, true));
    EXPECT_LT(distance(extent.centre(), centre), 1e-9);
    EXPECT_NEAR(extent.extentMm().norm(), 0, 1e-9);
    extent.add(centre + axes.column(0) * 40);
    EXPECT_NEAR(extent.extentMm().x, 40, 1e-9);
    EXPECT_NEAR(extent.extentMm().y, 0, 1e-9);
}

TEST(InteractiveRoi, EncodesClicksAndBoxesWhereTheyAreOnAnObliqueRoi) {
    const ai::RoiSpec spec;
    const core::ImageGeometry roi = spec.place(obliqueAxes(), {0, 0, 0}, 1);
    const std::size_t n = roi.voxelCount();
    std::vector<float> positive(n), negative(n), boxes(n);
    const core::Point3 at = roi.indexToWorld({10, 20, 30}), off = roi.indexToWorld({50.4, 7, 12});
    ai::encodePrompts(roi, {ai::InteractivePrompt::click(at, true), ai::InteractivePrompt::click(off, false),
                            ai::InteractivePrompt::click({500, 500, 500}, true)},
                      positive.data(), negative.data(), boxes.data());
    // A ball of radius 1.5 voxels: 19 voxels, the centre one at the click.
    EXPECT_EQ(std::accumulate(positive.begin(), positive.end(), 0.0), 19.0) << "the click outside the ROI marks nothing";
    EXPECT_EQ(positive[(30 * 64 + 20) * 64 + 10], 1.0f);
    EXPECT_EQ(positive[(30 * 64 + 20) * 64 + 12], 0.0f);
    EXPECT_EQ(negative[(12 * 64 + 7) * 64 + 50], 1.0f);
    EXPECT_EQ(std::accumulate(boxes.begin(), boxes.end(), 0.0), 0.0);

    // A flat box (drawn on an axial view) on a straight ROI marks one layer of voxels.
    const core::ImageGeometry straight = spec.place(core::Matrix3::identity(), {0, 0, 0}, 1);
    const core::Point3 a = straight.indexToWorld({5, 6, 40}), b = straight.indexToWorld({14, 20, 40});
    ai::encodePrompts(straight, {ai::InteractivePrompt::box(a, b)}, positive.data(), negative.data(), boxes.data());
    EXPECT_EQ(std::accumulate(boxes.begin(), boxes.end(), 0.0), 10.0 * 15.0);
    EXPECT_EQ(boxes[(40 * 64 + 6) * 64 + 5], 1.0f);
    EXPECT_EQ(boxes[(41 * 64 + 6) * 64 + 5], 0.0f);
}

// The image channel is relative to the first positive click: 0 there, tanh(k·Δ) elsewhere; with
// no click, relative to the mask's mean, then the whole cube's.
TEST(InteractiveRoi, TheImageChannelIsRelativeToTheFirstPositiveClick) {
    const ai::RoiSpec spec;
    const core::ImageGeometry roi = spec.place(core::Matrix3::identity(), {0, 0, 0}, 1);
    ai::FloatImage view = ai::FloatImage::zeros(roi, 1);
    const auto& d = roi.dims();
    for (std::size_t v = 0; v < roi.voxelCount(); ++v) view.data[v] = v % d[0] < d[0] / 2 ? 0.2f : 0.6f;  // dark left, bright right
    const std::size_t left = (32 * d[1] + 32) * d[0] + 10, right = (32 * d[1] + 32) * d[0] + 50;
    const core::Point3 inLeft = roi.indexToWorld({10, 32, 32}), inRight = roi.indexToWorld({50, 32, 32});
    // A negative click first and a second positive one on the bright side change nothing: the first positive counts.
    ai::FloatImage in = ai::interactiveInput(view, nullptr, {ai::InteractivePrompt::click(inRight, false), ai::InteractivePrompt::click(inLeft, true),
                                                             ai::InteractivePrompt::click(inRight, true)});
    EXPECT_NEAR(in.channel(0)[left], 0.0f, 1e-6);
    EXPECT_NEAR(in.channel(0)[right], std::tanh(ai::kClickContrast * 0.4f), 1e-6);
    // Channel 5: the same difference on the clicked tissue's own spread (here none: the floor).
    EXPECT_NEAR(in.channel(5)[left], 0.0f, 1e-6);
    EXPECT_NEAR(in.channel(5)[right], std::tanh(0.4f / (ai::kSpreadUnits * ai::kMinSpread)), 1e-6);
    std::vector<float> mask(roi.voxelCount(), 0.0f);
    mask[right] = 1;
    in = ai::interactiveInput(view, mask.data(), {});
    EXPECT_NEAR(in.channel(0)[right], 0.0f, 1e-6);
    EXPECT_NEAR(in.channel(0)[left], -std::tanh(ai::kClickContrast * 0.4f), 1e-6);
    in = ai::interactiveInput(view, nullptr, {});
    EXPECT_NEAR(in.channel(0)[left], -std::tanh(ai::kClickContrast * 0.2f), 1e-5) << "the cube's mean is 0.4";
    EXPECT_NEAR(in.channel(5)[left], -std::tanh(0.2f / (ai::kSpreadUnits * 0.2f)), 1e-5) << "and its standard deviation 0.2";
}

TEST(InteractiveRoi, TheLocalChannelShowsAFaintLesionAboveTheNoiseOfItsOrgan) {
    // A CT liver normalised over the body's range: 40 HU under 2 % of it, noise 12 HU.
    const ai::RoiSpec spec;
    const core::ImageGeometry roi = spec.place(core::Matrix3::identity(), {0, 0, 0}, 1);
    ai::FloatImage view = ai::FloatImage::zeros(roi, 1);
    std::mt19937 rng(3);
    std::normal_distribution<float> noise(0.0f, 12.0f / 2000);
    const auto& d = roi.dims();
    for (std::size_t v = 0; v < roi.voxelCount(); ++v) view.data[v] = (v % d[0] < d[0] / 2 ? 0.55f : 0.55f - 40.0f / 2000) + noise(rng);
    const core::Point3 inLesion = roi.indexToWorld({40, 24, 24});
    const ai::FloatImage in = ai::interactiveInput(view, nullptr, {ai::InteractivePrompt::click(inLesion, true)});
    double global = 0, local = 0;
    std::size_t n = 0;
    for (std::size_t v = 0; v < roi.voxelCount(); ++v)
        if (v % d[0] < d[0] / 2) global += in.channel(0)[v], local += in.channel(5)[v], ++n;
    EXPECT_LT(std::abs(global / double(n)), 0.15) << "the liver barely differs from the lesion on the body's scale";
    EXPECT_GT(local / double(n), 0.6) << "on the lesion's own spread it does";
}

TEST(InteractiveObjects, AreTheComponentsOfEachLabelLessItsStrayIslands) {
    const core::ImageGeometry grid({60, 60, 60}, {1, 1, 1}, {0, 0, 0}, core::Matrix3::identity());
    core::LabelMap labels(grid);
    const auto fill = [&](std::uint16_t value, std::size_t i0, std::size_t i1) {  // a cube of [i0, i1)³
        for (std::size_t k = i0; k < i1; ++k)
            for (std::size_t j = i0; j < i1; ++j)
                for (std::size_t i = i0; i < i1; ++i) labels.set((k * 60 + j) * 60 + i, value);
    };
    fill(1, 0, 40);   // an organ of 64 000 voxels ...
    fill(1, 50, 54);  // ... and an island of it, 64 voxels: under 1/500 of it
    fill(2, 42, 46);  // a lesion of 64 voxels beside one of 8 000 (125-fold): both are objects
    for (std::size_t k = 0; k < 20; ++k)
        for (std::size_t j = 0; j < 20; ++j)
            for (std::size_t i = 0; i < 20; ++i) labels.set(((k + 40) * 60 + j) * 60 + i, 2);
    labels.set((59 * 60 + 59) * 60 + 59, 3);  // one voxel: under the 30-voxel floor
    const ai::internal::LabelObjects objects = ai::internal::labelObjects(labels);
    ASSERT_EQ(objects.objects.size(), 3u);
    EXPECT_EQ(objects.objects[0].value, 1);
    EXPECT_EQ(objects.objects[0].extent.voxels, 64000u);
    EXPECT_EQ(objects.objects[1].value, 2);
    EXPECT_EQ(objects.objects[2].value, 2);
    EXPECT_EQ(objects.objects[1].extent.voxels + objects.objects[2].extent.voxels, 8064u);
    EXPECT_EQ(objects.id[(52 * 60 + 52) * 60 + 52], 0) << "the island is no object";
}

TEST(InteractiveRoi, PastesOnlyInsideTheRoiOntoAnAnisotropicObliqueImage) {
    const core::ImageGeometry image({80, 80, 24}, {0.8, 0.8, 3.0}, {-30, -30, -30}, obliqueAxes());
    const core::Point3 centre = image.indexToWorld({40, 40, 12});
    ai::RoiSpec spec;
    spec.size = {24, 24, 24};
    const core::ImageGeometry roi = spec.place(image.direction(), centre, 1);  // 36 mm across
    // Probability 1 within 10 mm of the centre, on the ROI.
    std::vector<float> probability(roi.voxelCount());
    for (std::size_t v = 0; v < probability.size(); ++v)
        probability[v] = distance(roi.indexToWorld({double(v % 24), double((v / 24) % 24), double(v / 576)}), centre) <= 10 ? 1.0f : 0.0f;
    std::vector<std::uint8_t> mask(image.voxelCount(), 1);  // everything set before: outside the ROI it stays
    ai::pasteProbability(roi, probability.data(), image, mask.data());
    std::size_t checked = 0;
    for (std::size_t v = 0; v < mask.size(); ++v) {
        const core::Point3 w = image.indexToWorld({double(v % 80), double((v / 80) % 80), double(v / 6400)});
        const core::Vector3 r = roi.worldToIndex(w);
        const bool inRoi = r.x >= -0.5 && r.y >= -0.5 && r.z >= -0.5 && r.x <= 23.5 && r.y <= 23.5 && r.z <= 23.5;
        const double toFace = std::min({std::abs(r.x + 0.5), std::abs(r.y + 0.5), std::abs(r.z + 0.5), std::abs(r.x - 23.5),
                                        std::abs(r.y - 23.5), std::abs(r.z - 23.5)});
        if (toFace < 1e-6) continue;  // on a face: either side is right
        const double d = distance(w, centre);
        if (!inRoi) {
            EXPECT_EQ(mask[v], 1) << "outside the ROI nothing changes";
        } else if (d < 8.5) {
            EXPECT_EQ(mask[v], 1);
        } else if (d > 11.5) {
            EXPECT_EQ(mask[v], 0);
        }
        checked += inRoi;
    }
    EXPECT_GT(checked, 2000u);
}

TEST(RobotUser, ClicksAtTheDeepestVoxelOfTheLargestError) {
    const core::ImageGeometry g({30, 30, 30}, {1, 1, 2}, {0, 0, 0});
    const auto at = [&](std::size_t i, std::size_t j, std::size_t k) { return (k * 30 + j) * 30 + i; };
    std::vector<std::uint8_t> truth(g.voxelCount(), 0), predicted(g.voxelCount(), 0);
    for (std::size_t k = 5; k <= 15; ++k)  // an 11-voxel cube: its centre is (10, 10, 10)
        for (std::size_t j = 5; j <= 15; ++j)
            for (std::size_t i = 5; i <= 15; ++i) truth[at(i, j, k)] = 1;
    auto click = ai::robotClick(g, truth.data(), predicted.data());
    ASSERT_TRUE(click);
    EXPECT_TRUE(click->positive);
    EXPECT_EQ(click->voxel, (std::array<std::size_t, 3>{10, 10, 10}));
    EXPECT_EQ(click->regionVoxels, 1331u);
    EXPECT_DOUBLE_EQ(click->depthMm, 6.0);  // 6 voxels of 1 mm to the first outside voxel along i or j
    EXPECT_LT(distance(click->world, g.indexToWorld({10, 10, 10})), 1e-9);

    // Predicted = truth plus a false 7×7×7 block and a false 3×3×3 one: the larger one, a negative click.
    predicted = truth;
    for (std::size_t k = 20; k <= 26; ++k)
        for (std::size_t j = 20; j <= 26; ++j)
            for (std::size_t i = 2; i <= 8; ++i) predicted[at(i, j, k)] = 1;
    for (std::size_t k = 1; k <= 3; ++k)
        for (std::size_t j = 24; j <= 26; ++j)
            for (std::size_t i = 24; i <= 26; ++i) predicted[at(i, j, k)] = 1;
    click = ai::robotClick(g, truth.data(), predicted.data());
    ASSERT_TRUE(click);
    EXPECT_FALSE(click->positive);
    EXPECT_EQ(click->voxel, (std::array<std::size_t, 3>{5, 23, 23}));
    EXPECT_EQ(click->regionVoxels, 343u);

    // Perfect: no click; the deepest voxel of an object is its first click.
    EXPECT_FALSE(ai::robotClick(g, truth.data(), truth.data()));
    EXPECT_EQ(ai::deepestVoxel(g, truth.data())->voxel, (std::array<std::size_t, 3>{10, 10, 10}));
}

TEST(RegionGrowing, FillsTheConnectedRegionOfTheSeedsIntensity) {
    const core::ImageGeometry g({40, 40, 20}, {1, 1, 2}, {0, 0, 0});
    std::vector<std::uint8_t> ball;
    ai::FloatImage image = ballImage(g, {20, 20, 20}, 9, &ball);
    for (std::size_t v = 0; v < image.voxels(); ++v) image.data[v] += float((v * 2654435761u) % 7);  // a little texture
    const auto grown = ai::growRegion(image, {ai::InteractivePrompt::click({20, 20, 20}, true)});
    EXPECT_GT(dice(grown, ball), 0.99);
    EXPECT_EQ(count(ai::growRegion(image, {ai::InteractivePrompt::click({20, 20, 20}, false)})), 0u) << "no positive click: nothing";
}

namespace {


struct Session : ::testing::Test {
    test::TempDir dir{"interactive"};
    ai::ModelManifest manifest;
    std::unique_ptr<ai::TorchNetwork> network;
    void SetUp() override {
        manifest = test::interactiveManifest(32);
        test::saveScriptedModule(dir / "rule.pt", test::kInteractiveRuleNetwork);
        network = std::make_unique<ai::TorchNetwork>(ai::TorchNetwork::load(dir / "rule.pt", ai::selectDevice("cpu", 1)));
    }
};

}  // namespace

TEST_F(Session, SegmentsUndoesAndRedoesAndEqualsRecomputation) {
    const core::ImageGeometry g({60, 60, 30}, {1, 1, 2}, {-30, -30, -30}, obliqueAxes());
    std::vector<std::uint8_t> truth;
    const core::Point3 centre = g.indexToWorld({30, 30, 15});
    ai::InteractiveSegmenter s(manifest, *network, ballImage(g, centre, 10, &truth));
    EXPECT_FALSE(s.canUndo());
    const auto step = s.add({ai::InteractivePrompt::click(centre, true)});
    EXPECT_EQ(step.runs, 1);
    EXPECT_GT(dice(s.mask(), truth), 0.9);  // the rule leaves out edge voxels less than two thirds ball
    const std::vector<std::uint8_t> afterOne = s.mask();

    // A negative click inside removes what is around it; a positive click outside adds what is around it.
    const auto maskAt = [&](const core::Point3& p) {
        const core::Vector3 x = g.worldToIndex(p);
        return s.mask()[(std::size_t(std::lround(x.z)) * 60 + std::size_t(std::lround(x.y))) * 60 + std::size_t(std::lround(x.x))];
    };
    const core::Point3 inside = g.indexToWorld({35, 30, 15}), outside = g.indexToWorld({30, 47, 15});
    EXPECT_EQ(maskAt(inside), 1);
    EXPECT_EQ(maskAt(outside), 0);
    s.add({ai::InteractivePrompt::click(inside, false)});
    const std::vector<std::uint8_t> afterTwo = s.mask();
    EXPECT_EQ(maskAt(inside), 0);
    s.add({ai::InteractivePrompt::click(outside, true)});
    EXPECT_EQ(maskAt(outside), 1);
    const std::vector<std::uint8_t> afterThree = s.mask();
    EXPECT_EQ(s.promptCount(), 3u);

    ASSERT_TRUE(s.undo());
    EXPECT_EQ(s.mask(), afterTwo);
    EXPECT_EQ(s.promptCount(), 2u);
    ASSERT_TRUE(s.undo());
    EXPECT_EQ(s.mask(), afterOne);
    ASSERT_TRUE(s.redo());
    ASSERT_TRUE(s.redo());
    EXPECT_EQ(s.mask(), afterThree);
    EXPECT_FALSE(s.redo());

    // Undo, then a different prompt: redo history is gone, and the result equals a fresh session
    // given the same prompts in order (the cache is the recomputation).
    s.undo();
    const auto other = ai::InteractivePrompt::click(centre - g.axis(1) * 14, true);
    s.add({other});
    EXPECT_FALSE(s.canRedo());
    ai::InteractiveSegmenter fresh(manifest, *network, ballImage(g, centre, 10, nullptr));
    for (const auto& p : s.prompts()) fresh.add({p});
    EXPECT_EQ(fresh.mask(), s.mask());

    // Prompts that arrive together run once.
    ai::InteractiveSegmenter batched(manifest, *network, ballImage(g, centre, 10, nullptr));
    const auto together = batched.add(s.prompts());
    EXPECT_EQ(together.runs, 1);
    EXPECT_EQ(batched.promptCount(), 3u);

    // New object: empty again; Refine: starts from a given mask.
    s.startObject();
    EXPECT_EQ(count(s.mask()), 0u);
    EXPECT_EQ(s.promptCount(), 0u);
    s.startObject(truth);
    EXPECT_EQ(s.mask(), truth);
    EXPECT_THROW(s.startObject(std::vector<std::uint8_t>(10, 1)), ai::ModelError);
}

TEST_F(Session, WidensTheRoiWhenTheObjectReachesItsFaces) {
    // An 80 mm ball: a first click 25 mm off its centre sees 48 mm of it (32 voxels × 1.5 mm) and must zoom out.
    const core::ImageGeometry g({120, 120, 60}, {1, 1, 2}, {-60, -60, -60});
    std::vector<std::uint8_t> truth;
    ai::InteractiveSegmenter s(manifest, *network, ballImage(g, {0, 0, 0}, 40, &truth));
    const auto step = s.add({ai::InteractivePrompt::click({25, 0, 0}, true)});
    EXPECT_GT(step.runs, 1);
    EXPECT_GE(step.scale, 2);
    EXPECT_GT(dice(s.mask(), truth), 0.9);
}

TEST_F(Session, TheRobotUserEvaluationReportsDiceClicksAndLatency) {
    const core::ImageGeometry g({50, 50, 25}, {1, 1, 2}, {-25, -25, -25});
    ai::TrainingSample c;
    std::vector<std::uint8_t> truth;
    const ai::FloatImage image = ballImage(g, {0, 0, 0}, 8, &truth);
    c.volume = ai::toVolume(image);
    c.labels = core::LabelMap(g);
    std::copy(truth.begin(), truth.end(), c.labels.voxelData<std::uint8_t>());
    c.group = "balls";
    const json r = ai::evaluateInteractive(manifest, *network, {c}, {3, true});
    EXPECT_EQ(r["objects"], 1);
    ASSERT_EQ(r["dice_after_clicks"].size(), 3u);
    EXPECT_GT(r["dice_after_clicks"][0].get<double>(), 0.9);
    EXPECT_EQ(r["clicks_to_dice"]["0.85"]["mean_clicks"], 1.0);
    EXPECT_GT(r["latency_ms"]["p50"].get<double>(), 0);
    EXPECT_GT(r["baseline_region_growing"]["dice_after_clicks"][0].get<double>(), 0.9);
    EXPECT_TRUE(r["groups"].contains("balls"));
}
