#include "AiTestSupport.h"
#include "TestSupport.h"

#include "ai/ModelError.h"
#include "ai/ModelPackage.h"
#include "ai/TorchNetwork.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace lumen;
using nlohmann::json;

namespace {

json validJson() { return test::segmentationManifest(3).toJson(); }

std::string errorOf(const json& j) {
    try {
        ai::ModelManifest::fromJson(j);
    } catch (const ai::ModelError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(ModelManifest, RoundTripsThroughJson) {
    ai::ModelManifest m = test::segmentationManifest(3);
    m.input.spacing = core::Vector3{2, 2, 3};
    m.input.orientation = "RAS";
    m.input.normalization.kind = ai::Normalization::Kind::Window;
    m.input.normalization.low = -100;
    m.input.normalization.high = 200;
    ai::Normalization minmax;
    minmax.kind = ai::Normalization::Kind::MinMax;
    minmax.outLow = -1;
    minmax.channelWise = false;
    m.input.normalizationAfter = {minmax};
    m.input.wholeImage = true;
    m.input.padMultiple = {16, 16, 8};
    m.input.padding = ai::InputSpec::Padding::Replicate;
    m.output.keepLargestComponent = true;
    m.output.decideOnModelGrid = true;
    m.provenance.parentVersion = "0.9";
    m.provenance.trainingCases.push_back({"a.nii.gz", "a_seg.nii.gz", std::string(64, 'a'), std::string(64, 'b')});
    m.provenance.metrics = {{"dice", 0.8}};
    const ai::ModelManifest back = ai::ModelManifest::fromJson(m.toJson());
    EXPECT_EQ(back.toJson(), m.toJson());
    EXPECT_EQ(back.labels, m.labels);
    EXPECT_EQ(back.outputChannels(), 4);
    EXPECT_EQ(back.provenance.trainingCases.at(0).labelSha256, std::string(64, 'b'));
    ASSERT_EQ(back.input.normalizationAfter.size(), 1u);
    EXPECT_FALSE(back.input.normalizationAfter[0].channelWise);
    EXPECT_TRUE(back.input.wholeImage);
    EXPECT_EQ(back.input.padMultiple, (std::array<int, 3>{16, 16, 8}));
    EXPECT_TRUE(back.output.decideOnModelGrid);
    // A package without the new keys reads as before: one step, no padding, probabilities resampled.
    nlohmann::json old = test::segmentationManifest(2).toJson();
    const ai::ModelManifest plain = ai::ModelManifest::fromJson(old);
    EXPECT_TRUE(plain.input.normalizationAfter.empty());
    EXPECT_FALSE(plain.output.decideOnModelGrid);
    EXPECT_EQ(old["input"]["normalization"].is_object(), true);
}

TEST(ModelManifest, ListsEveryProblemWithItsPlace) {
    json j = validJson();
    j["task"] = "regression";
    j["input"]["patch_size"] = {96, 96};
    j["input"]["overlap"] = 1.5;
    j["input"]["orientation"] = "RAR";
    j["labels"][1]["color"] = {300, 0, 0};
    j["sha256"] = "xyz";
    j["inptu"] = {};
    const std::string e = errorOf(j);
    for (const char* expected : {"task must be one of", "input.patch_size must be three integers", "input.overlap must be within",
                                 "input.orientation must be a three-letter code", "labels[1].color", "sha256 must be 64",
                                 "inptu is not a known field", "7 problems"})
        EXPECT_NE(e.find(expected), std::string::npos) << "missing \"" << expected << "\" in: " << e;
}

TEST(ModelManifest, RequiresTheEssentials) {
    const std::string e = errorOf(json::object());
    for (const char* field : {"name is required", "version is required", "task is required", "labels must be", "input is required",
                              "output is required", "sha256 is required"})
        EXPECT_NE(e.find(field), std::string::npos) << e;
    EXPECT_NE(errorOf(json::array()).find("must be an object"), std::string::npos);
    json j = validJson();
    j["version"] = "../evil";
    EXPECT_NE(errorOf(j).find("version may hold only"), std::string::npos);
    j = validJson();
    j["labels"][1]["value"] = 1;
    EXPECT_NE(errorOf(j).find("repeats label 1"), std::string::npos);
    // Background as a label used to escape as std::invalid_argument (found by the fuzzer).
    for (const int value : {0, 70000}) {
        j = validJson();
        j["labels"][1]["value"] = value;
        EXPECT_NE(errorOf(j).find("labels[1].value"), std::string::npos) << errorOf(j);
    }
}

TEST(ModelPackage, RefusesAChangedOrMissingNetwork) {
    test::TempDir dir("package");
    test::writePackage(dir.path(), test::segmentationManifest(1), "def forward(self, x):\n    return x\n");
    EXPECT_NO_THROW(ai::ModelPackage::open(dir.path()));

    std::ofstream(dir / "model.pt", std::ios::app) << "x";
    try {
        ai::ModelPackage::open(dir.path());
        FAIL() << "a changed model.pt was accepted";
    } catch (const ai::ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("does not match the manifest"), std::string::npos) << e.what();
    }
    std::filesystem::remove(dir / "model.pt");
    EXPECT_THROW(ai::ModelPackage::open(dir.path()), ai::ModelError);
    std::filesystem::remove(dir / "model.json");
    EXPECT_THROW(ai::ModelPackage::open(dir.path()), ai::ModelError);
    EXPECT_THROW(ai::ModelPackage::open(dir / "nowhere"), ai::ModelError);
}

TEST(ModelPackage, ACorruptNetworkWithAMatchingHashIsAClearError) {
    test::TempDir dir("package");
    std::filesystem::create_directories(dir.path());
    std::ofstream(dir / "model.pt") << "PK\x03\x04 this is not a TorchScript archive";
    ai::ModelPackage::writeManifest(dir.path(), test::segmentationManifest(1));
    const ai::ModelPackage p = ai::ModelPackage::open(dir.path());
    try {
        ai::TorchNetwork::load(p.networkFile(), {});
        FAIL() << "garbage loaded";
    } catch (const ai::ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("not a TorchScript model"), std::string::npos) << e.what();
    }
}

TEST(ModelPackage, InvalidJsonIsReportedAsSuch) {
    test::TempDir dir("package");
    std::filesystem::create_directories(dir.path());
    std::ofstream(dir / "model.json") << "{\"name\": ";
    std::ofstream(dir / "model.pt") << "";
    try {
        ai::ModelPackage::open(dir.path());
        FAIL();
    } catch (const ai::ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("not valid JSON"), std::string::npos) << e.what();
    }
}

TEST(ModelManifest, AnInteractiveModelNeedsItsSixChannelsOneLabelAndASpacing) {
    nlohmann::json j = {{"name", "clicks"}, {"version", "1.0"}, {"task", "interactive_segmentation"},
                        {"labels", {{{"value", 1}, {"name", "Object"}, {"color", {255, 190, 0}}}}},
                        {"input", {{"channels", 6}, {"spacing", {1.5, 1.5, 1.5}}, {"patch_size", {48, 48, 48}}}},
                        {"output", nlohmann::json::object()}, {"sha256", std::string(64, 'a')}};
    const ai::ModelManifest m = ai::ModelManifest::fromJson(j);
    EXPECT_EQ(m.task, ai::Task::Interactive);
    EXPECT_EQ(m.outputChannels(), 2);
    EXPECT_EQ(m.output.activation, ai::OutputSpec::Activation::Softmax);
    EXPECT_EQ(ai::ModelManifest::fromJson(m.toJson()).task, ai::Task::Interactive);
    j["input"]["channels"] = 1;
    try {
        ai::ModelManifest::fromJson(j);
        FAIL() << "one channel accepted";
    } catch (const ai::ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("6 input channels"), std::string::npos) << e.what();
    }
}
