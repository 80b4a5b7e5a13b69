// lumen-ai import-monai on bundles written to MONAI's bundle spec.
#include "AiTestSupport.h"
#include "TestSupport.h"

#include "ai/ModelError.h"
#include "ai/MonaiBundleImporter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace lumen;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string kBrain = std::string(test::kMricronTemplates) + "/ch2.nii.gz";

// A spleen-style bundle: dictionary transforms, "@" references, a Gaussian sliding window.
void writeBundle(const fs::path& dir, const json& extraPreprocessing = json::array()) {
    fs::create_directories(dir / "configs");
    fs::create_directories(dir / "models");
    std::ofstream(dir / "configs/metadata.json") << json{
        {"name", "Toy brain segmentation"}, {"version", "0.2.1"}, {"description", "test bundle"},
        {"authors", "Lumen tests"}, {"copyright", "none"},
        {"network_data_format",
         {{"inputs", {{"image", {{"type", "image"}, {"format", "magnitude"}, {"modality", "MR"}, {"num_channels", 1},
                                 {"spatial_shape", {32, 32, 32}}}}}},
          {"outputs", {{"pred", {{"type", "image"}, {"format", "segmentation"}, {"num_channels", 2},
                                 {"channel_def", {{"0", "background"}, {"1", "bright tissue"}}}}}}}}}}.dump(1);
    json pre = json::array({{{"_target_", "LoadImaged"}, {"keys", "image"}},
                            {{"_target_", "EnsureChannelFirstd"}, {"keys", "image"}},
                            {{"_target_", "Orientationd"}, {"keys", "image"}, {"axcodes", "RAS"}},
                            {{"_target_", "Spacingd"}, {"keys", "image"}, {"pixdim", "@pixdim"}, {"mode", "bilinear"}},
                            {{"_target_", "ScaleIntensityRanged"}, {"keys", "image"}, {"a_min", 0}, {"a_max", 200},
                             {"b_min", -1.0}, {"b_max", 1.0}, {"clip", true}},
                            {{"_target_", "CropForegroundd"}, {"keys", "image"}, {"source_key", "image"}, {"margin", 2}},
                            {{"_target_", "EnsureTyped"}, {"keys", "image"}}});
    for (const auto& t : extraPreprocessing) pre.push_back(t);
    std::ofstream(dir / "configs/inference.json") << json{
        {"pixdim", {2.0, 2.0, 2.0}},
        {"device", "$torch.device('cpu')"},
        {"preprocessing", {{"_target_", "Compose"}, {"transforms", pre}}},
        {"inferer", {{"_target_", "SlidingWindowInferer"}, {"roi_size", {32, 32, 32}}, {"sw_batch_size", 2}, {"overlap", 0.5}, {"mode", "gaussian"}}},
        {"postprocessing", {{"_target_", "Compose"}, {"transforms", json::array({
            {{"_target_", "Activationsd"}, {"keys", "pred"}, {"softmax", true}},
            {{"_target_", "Invertd"}, {"keys", "pred"}, {"transform", "@preprocessing"}},
            {{"_target_", "AsDiscreted"}, {"keys", "pred"}, {"argmax", true}},
            {{"_target_", "KeepLargestConnectedComponentd"}, {"keys", "pred"}, {"applied_labels", {1}}},
            {{"_target_", "SaveImaged"}, {"keys", "pred"}, {"output_dir", "$@output_dir"}}})}}}}.dump(1);
    // Channel 1 wins where the scaled intensity is above 0, i.e. above 100 in the image.
    test::saveScriptedModule(dir / "models/model.ts", "def forward(self, x):\n    return torch.cat([torch.zeros_like(x), x], 1)\n");
}

}  // namespace

TEST(MonaiImport, TranslatesTheCommonTransforms) {
    test::TempDir dir("monai");
    writeBundle(dir / "bundle");
    const ai::ModelManifest m = ai::MonaiBundleImporter::translate(dir / "bundle");
    EXPECT_EQ(m.name, "Toy-brain-segmentation");
    EXPECT_EQ(m.version, "0.2.1");
    EXPECT_EQ(m.input.orientation, "RAS");
    ASSERT_TRUE(m.input.spacing);
    EXPECT_TRUE(m.input.spacing->isApprox({2, 2, 2}, 0));
    EXPECT_EQ(m.input.normalization.kind, ai::Normalization::Kind::Window);
    EXPECT_EQ(m.input.normalization.outLow, -1.0);
    EXPECT_TRUE(m.input.cropForeground);
    EXPECT_EQ(m.input.cropMargin, 2);
    EXPECT_EQ(m.input.patchSize, (std::array<int, 3>{32, 32, 32}));
    EXPECT_EQ(m.input.batchSize, 2);
    EXPECT_DOUBLE_EQ(m.input.overlap, 0.5);
    EXPECT_EQ(m.input.blending, ai::InputSpec::Blending::Gaussian);
    EXPECT_EQ(m.output.activation, ai::OutputSpec::Activation::Softmax);
    EXPECT_EQ(m.output.decision, ai::OutputSpec::Decision::Argmax);
    EXPECT_TRUE(m.output.keepLargestComponent);
    EXPECT_EQ(m.output.keepLargestLabels, (std::vector<std::uint16_t>{1}));
    ASSERT_EQ(m.labels.size(), 1u);
    EXPECT_EQ(m.labels.labels()[0].name, "bright tissue");
}

TEST(MonaiImport, UntranslatableStepsAreAllListedAndNothingIsWritten) {
    test::TempDir dir("monai");
    writeBundle(dir / "bundle", json::array({{{"_target_", "RandFlipd"}, {"keys", "image"}},
                                             {{"_target_", "ScaleIntensityd"}, {"keys", "image"}, {"factor", "$torch.rand(1)"}},
                                             {{"_target_", "Spacingd"}, {"keys", "image"}, {"pixdim", "@nowhere"}}}));
    try {
        ai::MonaiBundleImporter::import(dir / "bundle", dir / "pkg");
        FAIL() << "a half-import happened";
    } catch (const ai::ModelError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("3 steps could not be translated"), std::string::npos) << what;
        EXPECT_NE(what.find("RandFlipd cannot be translated"), std::string::npos) << what;
        EXPECT_NE(what.find("Python expression \"$torch.rand(1)\" cannot be evaluated"), std::string::npos) << what;
        EXPECT_NE(what.find("reference @nowhere does not resolve"), std::string::npos) << what;
    }
    EXPECT_FALSE(fs::exists(dir / "pkg"));
    fs::remove(dir / "bundle/models/model.ts");
    EXPECT_THROW(ai::MonaiBundleImporter::translate(dir / "bundle"), ai::ModelError);
}

TEST(MonaiImport, TheImportedPackageRunsInLumenAi) {
    if (!fs::exists(kBrain)) GTEST_SKIP() << "mricron-data missing";
    test::TempDir dir("monai");
    writeBundle(dir / "bundle");
    const std::string lumenAi = test::quote((test::binaryDir() / "bin/lumen-ai").string());
    auto r = test::run(lumenAi + " import-monai " + test::quote((dir / "bundle").string()) + " --out " + test::quote((dir / "pkg").string()));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json::parse(r.out)["labels"], 1);
    r = test::run(lumenAi + " infer --quiet --model " + test::quote((dir / "pkg").string()) + " --input " + kBrain + " --output " +
                  test::quote((dir / "out").string()));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json seg = json::parse(test::readText(dir / "out.seg.json"));
    // Bright (> 100) tissue of the T1 brain: white matter and fat, hundreds of thousands of mm³,
    // kept to its largest component.
    EXPECT_GT(seg["labels"][0]["voxels"].get<std::size_t>(), 100000u);
}
