// lumen-ai interact / eval-interactive / train on an interactive model, end to end: prompts from a
// file, a mask per prompt, one JSON line per prompt, clear errors, the robot user's report, and
// simulated-user training that lowers the loss.
#include "AiTestSupport.h"
#include "TestSupport.h"

#include "ai/ModelPackage.h"
#include "io/ImageFileWriter.h"
#include "io/LabelMapReader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <random>
#include <sstream>

using namespace lumen;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string lumenAi() { return test::quote((test::binaryDir() / "bin/lumen-ai").string()); }

core::ImageGeometry grid() { return core::ImageGeometry({48, 48, 24}, {1, 1, 2}, {-24, -24, -24}); }

// A noisy image with two balls (10 and 6 mm) on a 1 × 1 × 2 mm grid; the label map marks them 1 and 2.
void writeCase(const fs::path& dir, const std::string& name, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(20, 4);
    const core::ImageGeometry g = grid();
    core::Volume image = core::Volume::zeros(core::PixelType::Float32, g);
    core::Volume label = core::Volume::zeros(core::PixelType::UInt8, g);
    const core::Point3 a{-6.0 + seed % 3, -4, 0}, b{14, 14, 10};
    for (std::size_t v = 0; v < g.voxelCount(); ++v) {
        const core::Point3 w = g.indexToWorld({double(v % 48), double((v / 48) % 48), double(v / 2304)});
        const std::uint8_t l = (w - a).norm() <= 10 ? 1 : (w - b).norm() <= 6 ? 2 : 0;
        image.as<float>()[v] = noise(rng) + (l ? 100.0f : 0.0f);
        label.as<std::uint8_t>()[v] = l;
    }
    io::ImageFileWriter::write(image, (dir / (name + ".nii.gz")).string());
    io::ImageFileWriter::write(label, (dir / (name + "_seg.nii.gz")).string());
}

struct InteractiveCli : ::testing::Test {
    test::TempDir dir{"interact"};
    void SetUp() override {
        test::writePackage(dir / "rule", test::interactiveManifest(16), test::kInteractiveRuleNetwork);  // 24 mm: one ball in view at a time
        writeCase(dir.path(), "case0", 0);
        writeCase(dir.path(), "case1", 1);
    }
    std::size_t objectVoxels(const fs::path& file, int label) const {
        const core::LabelMap truth = io::LabelMapReader::read((dir / "case0_seg.nii.gz").string(), grid());
        const core::LabelMap seg = io::LabelMapReader::read(file.string(), grid());
        std::size_t both = 0, truthCount = 0, segCount = 0;
        for (std::size_t v = 0; v < truth.geometry().voxelCount(); ++v) {
            both += seg.at(v) && truth.at(v) == label;
            truthCount += truth.at(v) == label;
            segCount += seg.at(v) != 0;
        }
        return both * 100 / std::max<std::size_t>(1, (truthCount + segCount) / 2);  // Dice in percent
    }
};

}  // namespace

TEST_F(InteractiveCli, InteractWritesAMaskAfterEachPromptAndOneLinePerPrompt) {
    std::ofstream(dir / "prompts.json") << R"({"prompts": [
        {"type": "point", "positive": true, "lps_mm": [-6, -4, 0]},
        {"type": "box", "lps_min_mm": [7, 7, 10], "lps_max_mm": [21, 21, 10]},
        {"type": "point", "positive": false, "lps_mm": [14, 14, 10]}]})";
    const auto r = test::run(lumenAi() + " interact --model " + test::quote((dir / "rule").string()) + " --input " +
                             test::quote((dir / "case0.nii.gz").string()) + " --prompts " + test::quote((dir / "prompts.json").string()) +
                             " --output " + test::quote((dir / "out").string()) + " --each --threads 1");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::istringstream lines(r.out);
    std::vector<json> printed;
    for (std::string line; std::getline(lines, line);) printed.push_back(json::parse(line));
    ASSERT_EQ(printed.size(), 3u) << r.out;
    for (int n = 0; n < 3; ++n) {
        EXPECT_EQ(printed[std::size_t(n)]["prompt"], n + 1);
        EXPECT_GT(printed[std::size_t(n)]["ms"].get<double>(), 0);
        EXPECT_TRUE(fs::exists(dir / ("out." + std::to_string(n + 1) + ".seg.nii.gz")));
    }
    EXPECT_TRUE(printed[0].contains("session_start_ms"));
    // After the click: the first ball; after the box: both; the negative click in the second ball's
    // centre takes a piece of it away again.
    EXPECT_GT(objectVoxels(dir / "out.1.seg.nii.gz", 1), 90u);
    EXPECT_GT(objectVoxels(dir / "out.2.seg.nii.gz", 2), 20u);
    EXPECT_EQ(test::readText(dir / "out.seg.nii.gz"), test::readText(dir / "out.3.seg.nii.gz"));
    const core::LabelMap last = io::LabelMapReader::read((dir / "out.seg.nii.gz").string(), grid());
    const core::Vector3 negative = last.geometry().worldToIndex({14, 14, 10});
    EXPECT_EQ(last.at(std::size_t(negative.x), std::size_t(negative.y), std::size_t(negative.z)), 0);
}

TEST_F(InteractiveCli, BadPromptsAndTheWrongCommandGetClearErrors) {
    std::ofstream(dir / "bad.json") << R"({"prompts": [{"type": "point", "lps_mm": [1, 2]}]})";
    const std::string common = " --model " + test::quote((dir / "rule").string()) + " --input " + test::quote((dir / "case0.nii.gz").string());
    auto r = test::run(lumenAi() + " interact" + common + " --prompts " + test::quote((dir / "bad.json").string()) + " --output " +
                       test::quote((dir / "x").string()));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("prompts[0]"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("lps_mm"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "x.seg.nii.gz"));
    r = test::run(lumenAi() + " infer" + common + " --output " + test::quote((dir / "y").string()));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("interact"), std::string::npos) << r.err;
}

TEST_F(InteractiveCli, EvalInteractiveReportsTheRobotUsersFiguresPerGroup) {
    std::ofstream(dir / "data.json") << R"({"validation": [
        {"image": "case0.nii.gz", "label": "case0_seg.nii.gz", "group": "balls"},
        {"image": "case1.nii.gz", "label": "case1_seg.nii.gz", "group": "more balls"}]})";
    const auto r = test::run(lumenAi() + " eval-interactive --model " + test::quote((dir / "rule").string()) + " --data " +
                             test::quote((dir / "data.json").string()) + " --clicks 3 --threads 1");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["objects"], 4);  // two balls in each case
    ASSERT_EQ(j["dice_after_clicks"].size(), 3u);
    EXPECT_GT(j["dice_after_clicks"][0].get<double>(), 0.8);
    EXPECT_TRUE(j["clicks_to_dice"]["0.9"].contains("reached"));
    EXPECT_GT(j["latency_ms"]["p95"].get<double>(), 0);
    EXPECT_EQ(j["baseline_region_growing"]["objects"], 4);
    EXPECT_EQ(j["groups"]["balls"]["objects"], 2);
    EXPECT_EQ(j["groups"]["more balls"]["objects"], 2);
    // Per group and label value: each ball is label 1 or 2.
    for (const char* group : {"balls", "more balls"})
        for (const char* value : {"1", "2"}) {
            EXPECT_EQ(j["by_label"][group][value]["objects"], 1) << group << " " << value;
            ASSERT_EQ(j["by_label"][group][value]["dice_after_clicks"].size(), 3u);
            // One click on a ball is enough for the rule (later robot clicks can widen the cube
            // over the other, equally bright ball: the rule knows intensity, not shape).
            EXPECT_GT(j["by_label"][group][value]["dice_after_clicks"][0].get<double>(), 0.9) << group << " " << value;
        }
}

TEST_F(InteractiveCli, TrainingWithASimulatedUserLowersTheLoss) {
    std::ofstream(dir / "train.json") << R"({"training": [{"image": "case0.nii.gz", "label": "case0_seg.nii.gz"},
        {"image": "case1.nii.gz", "label": "case1_seg.nii.gz"}], "validation": []})";
    const fs::path untrained = dir / "untrained";
    fs::create_directories(untrained);
    const auto made = test::run(std::string(test::kDebianPython) + " " + test::quote((test::sourceDir() / "ai/networks/script_network.py").string()) +
                                " --arch unet --in-channels 6 --width 4 --out-channels 2 --seed 1 --out " + test::quote((untrained / "model.pt").string()));
    ASSERT_EQ(made.exitCode, 0) << made.err;
    ai::ModelManifest m = test::interactiveManifest(16);
    m.input.normalization.kind = ai::Normalization::Kind::ZScore;
    ai::ModelPackage::writeManifest(untrained, m);
    const auto r = test::run(lumenAi() + " train --model " + test::quote(untrained.string()) + " --data " + test::quote((dir / "train.json").string()) +
                             " --out " + test::quote((dir / "trained").string()) + " --iterations 40 --batch-size 2 --learning-rate 0.01 --lr-schedule poly --threads 2 --seed 2");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::vector<double> losses;
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) {
        const json j = json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("loss")) losses.push_back(j["loss"]);
    }
    ASSERT_EQ(losses.size(), 40u);
    double first = 0, last = 0;
    for (int n = 0; n < 10; ++n) first += losses[std::size_t(n)], last += losses[std::size_t(30 + n)];
    EXPECT_LT(last, first * 0.85) << r.err;
    const json summary = json::parse(r.out);
    EXPECT_NE(summary["metrics"]["augmentation"].get<std::string>().find("robot-user"), std::string::npos);
    EXPECT_EQ(summary["metrics"]["lr_schedule"], "poly");
    EXPECT_EQ(ai::ModelPackage::open(dir / "trained").manifest().task, ai::Task::Interactive);
}

TEST_F(InteractiveCli, TheWorkersSessionCollapsesQueuedClicksAndUndoesWithoutRunning) {
    // A bash coprocess talks to the worker line by line: each request is answered by one event.
    const std::string model = (dir / "rule").string(), image = (dir / "case0.nii.gz").string(), out = (dir / "mask").string();
    const json start = {{"type", "interact"}, {"id", "s1"}, {"action", "start"}, {"model", model}, {"input", image},
                        {"output", out}, {"threads", 1}};
    const json click = json::parse(R"({"type": "interact", "id": "s1", "action": "prompt",
        "prompts": {"prompts": [{"type": "point", "positive": true, "lps_mm": [-6, -4, 0]}]}})");
    const json box = json::parse(R"({"type": "interact", "id": "s1", "action": "prompt",
        "prompts": {"prompts": [{"type": "box", "lps_min_mm": [7, 7, 10], "lps_max_mm": [21, 21, 10]}]}})");
    const auto line = [](const json& j) { return "echo " + test::quote(j.dump()) + " >&${W[1]}; "; };
    const std::string next = "read -r l <&${W[0]}; echo \"$l\"; ";
    const std::string script = "coproc W { " + lumenAi() + " worker --threads 1; }; " + next +
                               line(start) + line(click) + line(box) + next + next +  // start, then both clicks while it loads
                               line({{"type", "interact"}, {"id", "s1"}, {"action", "undo"}}) + next +
                               line({{"type", "interact"}, {"id", "s1"}, {"action", "redo"}}) + next +
                               line({{"type", "interact"}, {"id", "nope"}, {"action", "undo"}}) + next +
                               line({{"type", "interact"}, {"id", "s1"}, {"action", "end"}}) + next +
                               "echo '{\"type\":\"shutdown\"}' >&${W[1]}; wait";
    std::ofstream(dir / "talk.sh") << script;
    const auto r = test::run("bash " + test::quote((dir / "talk.sh").string()));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::vector<json> events;
    std::istringstream lines(r.out);
    for (std::string l; std::getline(lines, l);) events.push_back(json::parse(l));
    ASSERT_EQ(events.size(), 7u) << r.out;
    EXPECT_EQ(events[0]["type"], "ready");
    EXPECT_EQ(events[1]["summary"]["prompts"], 0);  // started
    const json& both = events[2];
    ASSERT_EQ(both["type"], "result") << both.dump();
    EXPECT_EQ(both["summary"]["prompts"], 2) << "the click and the box queued behind the start ran as one step\n" << r.out;
    EXPECT_EQ(both["summary"]["step"], 2) << "one answer for both";
    EXPECT_TRUE(both["summary"]["can_undo"].get<bool>());
    const std::string afterBoth = test::readText(both["files"][0].get<std::string>());
    EXPECT_EQ(events[3]["summary"]["prompts"], 0);
    EXPECT_TRUE(events[3]["summary"]["can_redo"].get<bool>());
    EXPECT_FALSE(events[3]["summary"].contains("runs")) << "undo runs no network";
    EXPECT_EQ(events[4]["summary"]["prompts"], 2);
    EXPECT_EQ(test::readText(events[4]["files"][0].get<std::string>()), afterBoth) << "redo restores the same mask";
    EXPECT_EQ(events[5]["type"], "error");
    EXPECT_NE(events[5]["message"].get<std::string>().find("no interactive session"), std::string::npos);
    EXPECT_EQ(events[6]["type"], "result");
    EXPECT_FALSE(fs::exists(both["files"][0].get<std::string>())) << "ending the session removes its masks";
}
