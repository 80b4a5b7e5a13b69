// The MONAI model zoo itself: every 3D segmentation bundle's inference chain (configs vendored in
// tests/ai/monai-zoo) is translated, and the table in docs/model-package.md must say the same.
// The translatable ones then run in Lumen's engine with small analytic networks in place of
// their weights.
#include "AiTestSupport.h"
#include "TestSupport.h"

#include "ai/Device.h"
#include "ai/InferenceEngine.h"
#include "ai/MonaiBundleImporter.h"
#include "ai/TorchNetwork.h"
#include "ai/internal/MonaiConfig.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

using namespace lumen;
namespace fs = std::filesystem;

namespace {

fs::path zoo() { return test::sourceDir() / "tests/ai/monai-zoo"; }

// What each bundle needs that no C++ pipeline can do exactly.
const std::map<std::string, std::string> kRefused = {
    {"renalStructures_CECT_segmentation", "scripts.my_transforms.ConcatImages"},
    {"spleen_deepedit_annotation", "scripts.transforms.OrientationGuidanceMultipleLabelDeepEditd"},
    {"vista3d", "monai.apps.vista3d.transforms.VistaPreTransformd"},
};

// Without yaml-cpp (a bare AI-only build) the YAML bundles are refused with a message instead.
bool readable(const std::string& name) {
    return ai::internal::MonaiConfig::readsYaml() || fs::exists(zoo() / name / "configs/inference.json");
}

std::vector<std::string> bundles() {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(zoo()))
        if (e.is_directory()) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

TEST(MonaiZoo, AtLeastNinetyPercentOfTheAutomaticChainsTranslate) {
    std::size_t translated = 0, automatic = 0;
    const auto names = bundles();
    ASSERT_EQ(names.size(), 14u);
    if (!ai::internal::MonaiConfig::readsYaml()) GTEST_SKIP() << "built without yaml-cpp: 4 of the zoo's bundles are YAML";
    for (const auto& name : names) {
        const auto t = ai::MonaiBundleImporter::check(zoo() / name);
        const bool interactive = name == "spleen_deepedit_annotation" || name == "vista3d";
        automatic += !interactive;
        translated += t.manifest.has_value();
        std::printf("  %-42s %-10s %s\n", name.c_str(), t.manifest ? (t.notes.empty() ? "yes" : "yes, note") : "no",
                    t.problems.empty() ? (t.notes.empty() ? "" : t.notes.front().c_str()) : t.problems.front().c_str());
        if (kRefused.count(name)) {
            EXPECT_FALSE(t.manifest) << name;
            ASSERT_FALSE(t.problems.empty());
            EXPECT_NE(t.problems.front().find(kRefused.at(name)), std::string::npos) << t.problems.front();
        } else {
            EXPECT_TRUE(t.manifest) << name << ": " << (t.problems.empty() ? "" : t.problems.front());
        }
    }
    std::printf("  %zu of %zu bundles translate; %zu of %zu that run without prompts\n", translated, names.size(), translated, automatic);
    EXPECT_GE(double(translated) / double(automatic), 0.9);
}

TEST(MonaiZoo, ChainsTranslateToWhatTheyMean) {
    if (!ai::internal::MonaiConfig::readsYaml()) GTEST_SKIP() << "built without yaml-cpp";
    using K = ai::Normalization::Kind;
    const auto get = [](const char* name) {
        const auto t = ai::MonaiBundleImporter::check(zoo() / name);
        if (!t.manifest) throw std::runtime_error(std::string(name) + " does not translate");
        return *t.manifest;
    };

    // TotalSegmentator: a "$... if @highres else ..." spacing, z-score then min-max, replicate
    // padding, argmax before Invertd(nearest).
    const auto body = get("wholeBody_ct_segmentation");
    EXPECT_TRUE(body.input.spacing->isApprox({1.5, 1.5, 1.5}, 0));
    EXPECT_EQ(body.input.normalization.kind, K::ZScore);
    EXPECT_TRUE(body.input.normalization.nonzero);
    ASSERT_EQ(body.input.normalizationAfter.size(), 1u);
    EXPECT_EQ(body.input.normalizationAfter[0].kind, K::MinMax);
    EXPECT_EQ(body.input.normalizationAfter[0].outLow, -1.0);
    EXPECT_EQ(body.input.padding, ai::InputSpec::Padding::Replicate);
    EXPECT_TRUE(body.output.decideOnModelGrid);
    EXPECT_EQ(body.labels.size(), 104u);

    // BraTS: four MR channels, sigmoid regions merged by the bundle's torch.where lambda.
    const auto brats = get("brats_mri_segmentation");
    EXPECT_EQ(brats.input.channels, 4);
    EXPECT_FALSE(brats.input.normalization.channelWise == false);
    EXPECT_EQ(brats.output.decision, ai::OutputSpec::Decision::Threshold);
    EXPECT_EQ(brats.output.thresholdOrder, (std::vector<int>{2, 0, 1}));
    ASSERT_EQ(brats.labels.size(), 3u);
    EXPECT_EQ(brats.labels.labels()[2].value, 4);
    EXPECT_EQ(brats.labels.labels()[2].name, "Enhancing tumor");
    EXPECT_FALSE(brats.output.decideOnModelGrid);

    // Pediatric abdomen (YAML): the foreground crop after a clipped window starts above a_min.
    const auto kids = get("pediatric_abdominal_ct_segmentation");
    EXPECT_TRUE(kids.input.cropForeground);
    EXPECT_EQ(kids.input.cropThreshold, -250);

    // Prostate: min–max then z-score; labels decided and kept largest before the invert.
    const auto prostate = ai::MonaiBundleImporter::check(zoo() / "prostate_mri_anatomy");
    ASSERT_TRUE(prostate.manifest);
    EXPECT_EQ(prostate.manifest->input.normalization.kind, K::MinMax);
    EXPECT_EQ(prostate.manifest->input.normalizationAfter.at(0).kind, K::ZScore);
    EXPECT_TRUE(prostate.manifest->output.decideOnModelGrid);
    EXPECT_EQ(prostate.notes.size(), 2u);

    // The template: "$@transforms", ScaleIntensityd with MONAI's defaults, SimpleInferer.
    const auto tpl = get("segmentation_template");
    EXPECT_TRUE(tpl.input.wholeImage);
    EXPECT_EQ(tpl.input.normalization.kind, K::MinMax);
    EXPECT_EQ(tpl.labels.size(), 3u);
}

// A bundle directory with the zoo's configs and an analytic network of the right shape.
fs::path runnable(const test::TempDir& dir, const std::string& name, const ai::ModelManifest& m) {
    const fs::path b = dir / name;
    fs::create_directories(b / "models");
    fs::copy(zoo() / name / "configs", b / "configs");
    // Every output channel a different ramp of the input's channel mean: argmax and thresholds
    // split the image into bands.
    const int k = m.outputChannels();
    test::saveScriptedModule(b / "models/model.ts",
                             "def forward(self, x):\n"
                             "    m = x.mean(1, keepdim=True)\n"
                             "    return torch.cat([m * float(c) - float(c * c) * 0.1 for c in range(" + std::to_string(k) + ")], 1)\n");
    return b;
}

TEST(MonaiZoo, TranslatedChainsRunOnAnImage) {
    test::TempDir dir("zoo-run");
    const auto device = ai::selectDevice("cpu", 0);
    for (const auto& name : bundles()) {
        if (kRefused.count(name) || !readable(name)) continue;
        const auto check = ai::MonaiBundleImporter::check(zoo() / name);
        ASSERT_TRUE(check.manifest) << name;
        const ai::ModelManifest& checked = *check.manifest;
        const ai::ModelManifest m = ai::MonaiBundleImporter::translate(runnable(dir, name, checked));
        // A small oblique-free image, 4 mm voxels, values from -200 to 300 along i.
        const core::ImageGeometry g({20, 18, 14}, {4, 4, 4}, {-40, -36, -28});
        core::Volume image = core::Volume::zeros(core::PixelType::Float32, g, std::size_t(m.input.channels));
        for (std::size_t t = 0; t < image.timePoints(); ++t)
            for (std::size_t n = 0; n < g.voxelCount(); ++n)
                static_cast<float*>(image.frameData(t))[n] = float(-200.0 + 500.0 * double(n % 20) / 19.0 + double(t));
        ai::TorchNetwork network = ai::TorchNetwork::load(dir / name / "models/model.ts", device);
        const ai::InferenceResult r = ai::runInference(m, network, image);
        EXPECT_TRUE(r.labels.fits(g)) << name;
        std::size_t labelled = 0;
        const auto histogram = r.labels.histogram();
        for (const auto& [value, count] : histogram) {
            EXPECT_NE(m.labels.find(value), nullptr) << name << ": label " << value;
            labelled += count;
        }
        EXPECT_GT(labelled, 0u) << name;
        EXPECT_GE(histogram.size() + (labelled < g.voxelCount()), 2u) << name << ": one label everywhere: the chain did not split the ramp";
    }
}

}  // namespace
