// lumen-ai train / finetune / eval on a CI-sized synthetic datalist: the loss falls, the new version
// carries lineage, the parent is untouched, and kill -9 followed by the same command resumes.
#include "AiTestSupport.h"
#include "TestSupport.h"

#include "ai/ModelPackage.h"
#include "ai/Sha256.h"
#include "io/ImageFileWriter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <random>
#include <thread>

using namespace lumen;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string lumenAi() { return test::quote((test::binaryDir() / "bin/lumen-ai").string()); }

// Noisy volumes with one bright ball each; the label map marks the ball.
void writeCases(const fs::path& dir, int count, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(100, 10);
    const core::ImageGeometry g({32, 32, 24}, {2, 2, 2}, {-32, -32, -24});
    for (int n = 0; n < count; ++n) {
        core::Volume image = core::Volume::zeros(core::PixelType::Float32, g);
        core::Volume label = core::Volume::zeros(core::PixelType::UInt8, g);
        const double ci = 8 + rng() % 16, cj = 8 + rng() % 16, ck = 7 + rng() % 10, r = 4 + rng() % 3;
        for (std::size_t k = 0; k < 24; ++k)
            for (std::size_t j = 0; j < 32; ++j)
                for (std::size_t i = 0; i < 32; ++i) {
                    const std::size_t v = image.linearIndex(i, j, k);
                    const bool in = (i - ci) * (i - ci) + (j - cj) * (j - cj) + (k - ck) * (k - ck) <= r * r;
                    image.as<float>()[v] = noise(rng) + (in ? 60.0f : 0.0f);
                    label.as<std::uint8_t>()[v] = in;
                }
        io::ImageFileWriter::write(image, (dir / ("case" + std::to_string(n) + ".nii.gz")).string());
        io::ImageFileWriter::write(label, (dir / ("case" + std::to_string(n) + "_seg.nii.gz")).string());
    }
}

struct Training : ::testing::Test {
    test::TempDir dir{"train"};
    fs::path parent = dir / "ball/1.0";
    void SetUp() override {
        writeCases(dir.path(), 4, 7);
        json list = {{"training", json::array()}, {"validation", {{{"image", "case3.nii.gz"}, {"label", "case3_seg.nii.gz"}}}}};
        for (int n = 0; n < 3; ++n)
            list["training"].push_back({{"image", "case" + std::to_string(n) + ".nii.gz"}, {"label", "case" + std::to_string(n) + "_seg.nii.gz"}});
        std::ofstream(dir / "data.json") << list.dump(1);
        fs::create_directories(parent);
        const auto made = test::run(std::string(test::kDebianPython) + " " + test::quote((test::sourceDir() / "ai/networks/script_network.py").string()) +
                                    " --arch unet --width 4 --out-channels 2 --seed 1 --out " + test::quote((parent / "model.pt").string()));
        ASSERT_EQ(made.exitCode, 0) << made.err;
        ai::ModelManifest m = test::segmentationManifest(1, 16);
        m.name = "ball";
        m.input.normalization.kind = ai::Normalization::Kind::ZScore;
        ai::ModelPackage::writeManifest(parent, m);
    }
    std::string common() const {
        return " --data " + test::quote((dir / "data.json").string()) + " --threads 2 --batch-size 2 --seed 3";
    }
};

double meanOf(const json& losses, std::size_t from, std::size_t count) {
    double s = 0;
    for (std::size_t i = from; i < from + count; ++i) s += losses.at(i).get<double>();
    return s / double(count);
}

}  // namespace

TEST_F(Training, FinetuneLowersTheLossAndWritesANewVersionWithLineage) {
    const std::string parentSha = ai::sha256OfFile(parent / "model.pt");
    const std::string parentJson = test::readText(parent / "model.json");
    const auto r = test::run(lumenAi() + " finetune --model " + test::quote(parent.string()) + " --out " +
                             test::quote((dir / "ball-1.1").string()) + common() +
                             " --iterations 24 --learning-rate 0.01 --validate-every 12 --checkpoint-every 6");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json summary = json::parse(r.out);
    EXPECT_EQ(summary["version"], "1.1");
    EXPECT_EQ(summary["parent_version"], "1.0");

    const ai::ModelPackage child = ai::ModelPackage::open(dir / "ball-1.1");  // verifies its sha256 too
    const auto& prov = child.manifest().provenance;
    EXPECT_EQ(prov.parentVersion, "1.0");
    ASSERT_EQ(prov.trainingCases.size(), 3u);
    EXPECT_EQ(prov.trainingCases[0].imageSha256, ai::sha256OfFile(dir / "case0.nii.gz"));
    EXPECT_EQ(prov.trainingCases[0].labelSha256, ai::sha256OfFile(dir / "case0_seg.nii.gz"));
    EXPECT_NE(prov.command.find("finetune"), std::string::npos);
    EXPECT_FALSE(prov.created.empty());
    ASSERT_TRUE(prov.metrics.contains("validation_before") && prov.metrics.contains("validation")) << prov.metrics.dump();

    // Losses are logged per iteration on stderr; compare the first and last six.
    json losses = json::array();
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) {
        const json j = json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("loss")) losses.push_back(j["loss"]);
    }
    ASSERT_EQ(losses.size(), 24u);
    EXPECT_LT(meanOf(losses, 18, 6), meanOf(losses, 0, 6) * 0.8) << losses.dump();
    EXPECT_GT(prov.metrics["validation"]["score"].get<double>(), prov.metrics["validation_before"]["score"].get<double>());

    EXPECT_EQ(ai::sha256OfFile(parent / "model.pt"), parentSha) << "the parent must never change";
    EXPECT_EQ(test::readText(parent / "model.json"), parentJson);
    EXPECT_FALSE(fs::exists(dir / "ball-1.1.work")) << "checkpoints are removed after success";

    // eval prints the same kind of metrics.
    const auto e = test::run(lumenAi() + " eval --model " + test::quote((dir / "ball-1.1").string()) + " --data " +
                             test::quote((dir / "data.json").string()) + " --threads 2");
    ASSERT_EQ(e.exitCode, 0) << e.err;
    const json metrics = json::parse(e.out);
    EXPECT_EQ(metrics["cases"], 1);
    EXPECT_NEAR(metrics["mean_dice"].get<double>(), prov.metrics["validation"]["mean_dice"].get<double>(), 1e-4);
    EXPECT_TRUE(metrics["labels"]["label1"].contains("hd95_mm"));

    // --shifts: the same figures, then each standard shift's, with its change (issue 21).
    const auto shifted = test::run(lumenAi() + " eval --shifts --model " + test::quote((dir / "ball-1.1").string()) + " --data " +
                                   test::quote((dir / "data.json").string()) + " --threads 2");
    ASSERT_EQ(shifted.exitCode, 0) << shifted.err;
    const json robust = json::parse(shifted.out);
    EXPECT_NEAR(robust["mean_dice"].get<double>(), metrics["mean_dice"].get<double>(), 1e-9);
    ASSERT_EQ(robust["shifts"].size(), 5u) << robust.dump();
    double worst = 1;
    for (const char* name : {"noise", "bias_field", "low_resolution", "contrast", "rotation"}) {
        const json& s = robust["shifts"][name];
        ASSERT_TRUE(s.is_object()) << name;
        EXPECT_FALSE(s["description"].get<std::string>().empty());
        EXPECT_NEAR(s["change"].get<double>(), s["score"].get<double>() - robust["score"].get<double>(), 2e-4) << name;
        EXPECT_EQ(s["result"]["cases"], 1) << name;
        worst = std::min(worst, s["change"].get<double>());
    }
    EXPECT_NEAR(robust["worst_shift"]["change"].get<double>(), worst, 1e-9);
    EXPECT_NE(shifted.err.find("low_resolution"), std::string::npos) << "a table on stderr";

    // A second finetune into the same folder is refused.
    const auto again = test::run(lumenAi() + " finetune --quiet --model " + test::quote(parent.string()) + " --out " +
                                 test::quote((dir / "ball-1.1").string()) + common() + " --iterations 2");
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_NE(again.err.find("never replaces"), std::string::npos) << again.err;
}

TEST_F(Training, KillNineThenTheSameCommandResumes) {
    const std::string cmd = lumenAi() + " finetune --quiet --model " + test::quote(parent.string()) + " --out " +
                            test::quote((dir / "ball-r").string()) + common() +
                            " --iterations 40 --validate-every 100 --checkpoint-every 2";
    // Start, wait for a checkpoint past iteration 2, then SIGKILL: nothing gets to clean up.
    const auto killed = test::run(cmd + " & pid=$!; for n in $(seq 600); do "
                                  "grep -qE '\"iteration\":([4-9]|[1-3][0-9])' " + test::quote((dir / "ball-r.work/state.json").string()) +
                                  " 2>/dev/null && break; sleep 0.1; done; kill -9 $pid; wait $pid; echo rc=$?");
    ASSERT_NE(killed.out.find("rc=137"), std::string::npos) << killed.out << killed.err;
    ASSERT_TRUE(fs::exists(dir / "ball-r.work/state.json"));
    EXPECT_FALSE(fs::exists(dir / "ball-r"));
    const json state = json::parse(test::readText(dir / "ball-r.work/state.json"));
    const int at = state["iteration"];
    ASSERT_GE(at, 4);
    ASSERT_LT(at, 40);

    const auto resumed = test::run(cmd);
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
    const json summary = json::parse(resumed.out);
    EXPECT_EQ(summary["resumed_from"], at);
    EXPECT_EQ(summary["iterations"], 40);
    const ai::ModelPackage child = ai::ModelPackage::open(dir / "ball-r");
    EXPECT_EQ(child.manifest().provenance.metrics["loss_first"], state["losses"][0]) << "the loss history continues";
}

TEST_F(Training, RegisteredFineTunesGetTheNextFreeVersion) {
    const std::string env = "LUMEN_DATA_DIR=" + test::quote((dir / "data").string()) + " ";
    for (const char* expected : {"1.1", "1.2"}) {
        const auto r = test::run(env + lumenAi() + " finetune --quiet --register --model " + test::quote(parent.string()) + " --out " +
                                 test::quote((dir / (std::string("ft-") + expected)).string()) + common() +
                                 " --iterations 2 --validate-every 100");
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const json summary = json::parse(r.out);
        EXPECT_EQ(summary["version"], expected);
        EXPECT_TRUE(summary.contains("registered"));
    }
    const auto list = test::run(env + lumenAi() + " models list --json");
    ASSERT_EQ(list.exitCode, 0) << list.err;
    std::size_t ball = 0;
    for (const auto& e : json::parse(list.out)) ball += e["name"] == "ball";
    EXPECT_EQ(ball, 2u) << list.out;
}

TEST_F(Training, TheAnchorKeepsAFineTuneNearItsParent) {
    // The same fine-tune without and with a strong L2-SP anchor; python3-torch (an independent
    // reader of the TorchScript files) measures how far each moved from the parent's weights.
    for (const char* weight : {"0", "1000"}) {
        const auto r = test::run(lumenAi() + " finetune --quiet --model " + test::quote(parent.string()) + " --out " +
                                 test::quote((dir / (std::string("anchor-") + weight)).string()) + common() +
                                 " --iterations 12 --learning-rate 0.01 --validate-every 100 --anchor-weight " + weight);
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    const auto drift = [&](const char* weight) {
        const auto py = test::run(std::string(test::kDebianPython) + " -c \"import torch; a=torch.jit.load('" + (parent / "model.pt").string() +
                                  "'); b=torch.jit.load('" + (dir / (std::string("anchor-") + weight) / "model.pt").string() +
                                  "'); print(sum(float(((p-q)**2).sum()) for p, q in zip(a.parameters(), b.parameters())))\"");
        EXPECT_EQ(py.exitCode, 0) << py.err;
        return std::stod(py.out);
    };
    const double free = drift("0"), anchored = drift("1000");
    EXPECT_GT(free, 0);
    EXPECT_LT(anchored, free / 10) << "free " << free << ", anchored " << anchored;
}
