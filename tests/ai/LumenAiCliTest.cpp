// lumen-ai end to end: real files in, files and one JSON line out, clear errors, cancellation.
#include "AiTestSupport.h"
#include "TestSupport.h"

#include "ai/Evaluator.h"
#include "ai/ModelPackage.h"
#include "io/ImageFileReader.h"
#include "io/ImageFileWriter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <random>

using namespace lumen;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string kBrain = std::string(test::kMricronTemplates) + "/ch2.nii.gz";

std::string lumenAi() { return (test::binaryDir() / "bin/lumen-ai").string(); }

// Two classes ("label1", "label2"), the whole image resized to a cube of `patch`.
ai::ModelManifest classifierManifest(const std::string& name, int patch) {
    ai::ModelManifest m = test::segmentationManifest(2, patch);
    m.name = name;
    m.task = ai::Task::Classification;
    m.input.resizeToPatch = true;
    return m;
}

test::CommandResult runAi(const std::string& args, const std::string& env = "") {
    return test::run(env + " " + test::quote(lumenAi()) + " " + args);
}

// bg = 0, label 1 = x, label 2 = −x: after z-score, brighter than the mean → 1, darker → 2, zero → 0.
const char* kSignNet =
    "def forward(self, x):\n"
    "    return torch.cat([torch.zeros_like(x), x, -x], 1)\n";

ai::ModelManifest signManifest() {
    ai::ModelManifest m = test::segmentationManifest(2, 32);
    m.name = "sign";
    m.input.normalization.kind = ai::Normalization::Kind::ZScore;
    m.input.normalization.nonzero = true;
    return m;
}

// The z-score the sign network sees is relative to this: the mean of the non-zero voxels.
double nonZeroMean(const core::Volume& image) {
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t v = 0; v < image.voxelCount(); ++v)
        if (image.realValue(v) != 0) sum += image.realValue(v), ++n;
    return sum / double(n);
}

json lastJsonLine(const std::string& out) {
    const auto end = out.find_last_not_of('\n');
    const auto start = out.rfind('\n', end);
    return json::parse(out.substr(start == std::string::npos ? 0 : start + 1, end + 1));
}

struct LumenAi : ::testing::Test {
    void SetUp() override {
        if (!fs::exists(kBrain)) GTEST_SKIP() << "mricron-data missing";
    }
};

}  // namespace

TEST_F(LumenAi, SegmentsTheRealBrainOntoItsOwnGridExactly) {
    test::TempDir dir("lumen-ai");
    test::writePackage(dir / "sign", signManifest(), kSignNet);
    const auto r = runAi("infer --model " + (dir / "sign").string() + " --input " + kBrain + " --output " + (dir / "out").string() +
                      " --threads 2 --uncertainty");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json timing = lastJsonLine(r.out);
    EXPECT_EQ(timing["device"], "CPU, 2 threads");
    for (const char* key : {"preprocess_ms", "network_ms", "postprocess_ms", "total_ms"}) EXPECT_TRUE(timing.contains(key)) << key;
    EXPECT_NE(r.err.find("\"stage\":\"network\""), std::string::npos) << "progress lines on stderr";

    const core::Volume image = io::ImageFileReader::read(kBrain);
    const core::Volume seg = io::ImageFileReader::read((dir / "out.seg.nii.gz").string());
    ASSERT_TRUE(seg.geometry().isApprox(image.geometry(), 1e-4));
    // The rule the network encodes, computed here from the voxels: every voxel must agree.
    const double mean = nonZeroMean(image);
    std::size_t wrong = 0, ones = 0;
    for (std::size_t v = 0; v < image.voxelCount(); ++v) {
        const double x = image.realValue(v);
        const int expected = x == 0 ? 0 : (x > mean ? 1 : (x < mean ? 2 : 0));
        wrong += seg.realValue(v) != expected;
        ones += expected == 1;
    }
    EXPECT_EQ(wrong, 0u);
    EXPECT_GT(ones, 100000u);
    const core::Volume uncertainty = io::ImageFileReader::read((dir / "out.uncertainty.nii.gz").string());
    EXPECT_EQ(uncertainty.pixelType(), core::PixelType::Float32);
    const json labels = json::parse(test::readText(dir / "out.seg.json"));
    EXPECT_EQ(labels["labels"][0]["voxels"], ones);
    EXPECT_EQ(labels["model"]["name"], "sign");
}

TEST_F(LumenAi, ResamplesToTheModelGridAndBack) {
    test::TempDir dir("lumen-ai");
    ai::ModelManifest m = signManifest();
    m.input.spacing = core::Vector3{3, 3, 3};
    m.input.orientation = "LPS";  // ch2 is stored RAS: the model sees it flipped
    test::writePackage(dir / "sign3", m, kSignNet);
    const auto r = runAi("infer --quiet --model " + (dir / "sign3").string() + " --input " + kBrain + " --output " + (dir / "out").string());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    const core::Volume image = io::ImageFileReader::read(kBrain);
    const core::Volume seg = io::ImageFileReader::read((dir / "out.seg.nii.gz").string());
    ASSERT_TRUE(seg.geometry().isApprox(image.geometry(), 1e-4));
    // Grey/white contrast survives 3 mm: most brain voxels keep their side of the mean; a flipped
    // or shifted grid would not.
    std::size_t agree = 0, brain = 0;
    const double mean = nonZeroMean(image);
    for (std::size_t v = 0; v < image.voxelCount(); ++v) {
        const double x = image.realValue(v);
        if (x == 0) continue;
        ++brain;
        agree += (x > mean ? 1 : 2) == static_cast<int>(seg.realValue(v));
    }
    EXPECT_GT(double(agree) / double(brain), 0.85);
}

TEST_F(LumenAi, DetectsABrightCubeAsAWorldBox) {
    test::TempDir dir("lumen-ai");
    const core::ImageGeometry g({40, 40, 30}, {2, 2, 2}, {-40, -40, -30});
    core::Volume image = core::Volume::zeros(core::PixelType::Int16, g);
    for (int k = 14; k < 17; ++k)
        for (int j = 20; j < 23; ++j)
            for (int i = 10; i < 13; ++i) image.as<std::int16_t>()[image.linearIndex(i, j, k)] = static_cast<std::int16_t>(100 + i + j + k);
    io::ImageFileWriter::write(image, (dir / "cube.nii.gz").string());
    ai::ModelManifest m = test::segmentationManifest(1, 16);
    m.name = "cube";
    m.task = ai::Task::Detection;
    m.output.activation = ai::OutputSpec::Activation::None;
    m.output.scoreThreshold = 0.5;
    m.input.normalization.kind = ai::Normalization::Kind::Window;
    m.input.normalization.low = 0;
    m.input.normalization.high = 200;
    test::writePackage(dir / "cube", m,
                       "def forward(self, x):\n"
                       "    s = torch.full_like(x, 6.0)\n"
                       "    return torch.cat([x, s, s, s], 1)\n");
    const auto r = runAi("infer --quiet --model " + (dir / "cube").string() + " --input " + (dir / "cube.nii.gz").string() +
                      " --output " + (dir / "out").string());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json f = json::parse(test::readText(dir / "out.findings.json"));
    ASSERT_EQ(f["findings"].size(), 1u) << f.dump();
    // The brightest voxel, 100 + 12 + 22 + 16, is (12, 22, 16) → world (−16, 4, 2) (LPS).
    const auto c = f["findings"][0]["centre_mm"];
    EXPECT_NEAR(c[0].get<double>(), -16, 1e-3);
    EXPECT_NEAR(c[1].get<double>(), 4, 1e-3);
    EXPECT_NEAR(c[2].get<double>(), 2, 1e-3);
    EXPECT_NEAR(f["findings"][0]["score"].get<double>(), 150.0 / 200, 1e-5);
    EXPECT_NEAR(f["findings"][0]["size_mm"][0].get<double>(), 6, 1e-5);
}

TEST_F(LumenAi, ClassifiesWithCalibratedProbabilities) {
    test::TempDir dir("lumen-ai");
    ai::ModelManifest m = classifierManifest("cls", 16);
    m.output.temperature = 2.0;
    test::writePackage(dir / "cls", m,
                       "def forward(self, x):\n"
                       "    return torch.tensor([[0.0, 2.0]]).repeat(x.size(0), 1)\n");
    const auto r = runAi("infer --quiet --model " + (dir / "cls").string() + " --input " + kBrain + " --output " + (dir / "out").string());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json c = json::parse(test::readText(dir / "out.classes.json"));
    const double p1 = 1 / (1 + std::exp(-1.0));  // softmax([0, 2] / 2)
    EXPECT_NEAR(c["classes"][1]["probability"].get<double>(), p1, 1e-6);
    EXPECT_NEAR(c["classes"][0]["probability"].get<double>(), 1 - p1, 1e-6);
    EXPECT_EQ(c["predicted"], "label2");
}

// An over-confident classifier: its logit is 3 × the true log-odds of the case (a constant image
// of value v: true log-odds v, labels drawn from them with a fixed seed). calibrate fits a
// temperature near 3 on 40 calibration cases and lowers the ECE on 40 held-out ones; on 8 cases it
// refuses. train and finetune adopt eval's fit on their validation cases by the same rule.
TEST_F(LumenAi, CalibrateFitsATemperatureThatLowersTheHeldOutCalibrationError) {
    test::TempDir dir("lumen-ai-calibrate");
    const ai::ModelManifest m = classifierManifest("overconfident", 4);
    test::writePackage(dir / "cls", m,
                       "def forward(self, x):\n"
                       "    v = x.mean(dim=[1, 2, 3, 4])\n"
                       "    return torch.stack([torch.zeros_like(v), 3.0 * v], dim=1)\n");
    std::mt19937 rng(7);
    const auto datalist = [&](const std::string& name, int cases) {
        json list = {{"training", json::array()}, {"validation", json::array()}};
        for (int i = 0; i < cases; ++i) {
            const double v = std::uniform_real_distribution<double>(-2.5, 2.5)(rng);
            const bool positive = std::uniform_real_distribution<double>(0, 1)(rng) < 1 / (1 + std::exp(-v));
            core::Volume image = core::Volume::allocate(core::PixelType::Float32, core::ImageGeometry({4, 4, 4}, {1, 1, 1}, {}));
            std::fill_n(image.as<float>(), 64, float(v));
            const std::string file = name + std::to_string(i) + ".nii.gz";
            io::ImageFileWriter::write(image, (dir / file).string());
            list["validation"].push_back({{"image", file}, {"label", positive ? "label2" : "label1"}});
        }
        std::ofstream(dir / (name + ".json")) << list.dump();
        return (dir / (name + ".json")).string();
    };
    const std::string calibration = datalist("cal", 40), heldOut = datalist("held", 40), few = datalist("few", 8);

    const auto r = runAi("calibrate --model " + (dir / "cls").string() + " --data " + calibration + " --check " + heldOut);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json out = json::parse(r.out);
    EXPECT_GT(out["temperature"].get<double>(), 1.8) << out.dump();
    EXPECT_LT(out["temperature"].get<double>(), 5.0) << out.dump();
    EXPECT_EQ(out["calibration"]["cases"], 40);
    EXPECT_LT(out["held_out"]["after"]["ece"].get<double>(), out["held_out"]["before"]["ece"].get<double>()) << out.dump();
    EXPECT_LT(out["calibration"]["after"]["ece"].get<double>(), out["calibration"]["before"]["ece"].get<double>());

    const auto refused = runAi("calibrate --model " + (dir / "cls").string() + " --data " + few);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("8 cases; a temperature is fitted on 20 or more"), std::string::npos) << refused.err;

    // What train and finetune do with their validation cases: eval's fit is adopted, or not.
    for (const std::string& data : {calibration, few}) {
        const auto evaluated = runAi("eval --model " + (dir / "cls").string() + " --data " + data);
        ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err;
        ai::ModelManifest trained = m;
        const json card = ai::adoptFittedTemperature(trained, json::parse(evaluated.out));
        if (data == few) {
            EXPECT_EQ(trained.output.temperature, 1.0);
            EXPECT_TRUE(card.contains("refused")) << card.dump();
        } else {
            EXPECT_NEAR(trained.output.temperature, out["temperature"].get<double>(), 1e-3);
            EXPECT_LT(card["ece_after"].get<double>(), card["ece_before"].get<double>()) << card.dump();
        }
    }
}

// The same for a detector (issue 21): one candidate per case, at a voxel whose value v is the true
// log-odds that it is a lesion (the truth has a box there with that probability); the network's
// heatmap logit is 3v. Its scores are fitted a temperature near 3, the held-out ECE falls, and a
// package with that temperature scores sigmoid(3v / T).
TEST_F(LumenAi, CalibratesADetectorsScoresAsProbabilitiesThatAFindingIsTrue) {
    test::TempDir dir("lumen-ai-calibrate-detector");
    ai::ModelManifest m = test::segmentationManifest(1, 16);
    m.name = "overconfident-detector";
    m.task = ai::Task::Detection;
    m.output.activation = ai::OutputSpec::Activation::Sigmoid;
    m.output.scoreThreshold = 1e-5;
    m.input.normalization.kind = ai::Normalization::Kind::None;
    const std::string net = "def forward(self, x):\n"
                            "    h = torch.where(x != 0, 3.0 * x, torch.full_like(x, -60.0))\n"
                            "    s = torch.full_like(x, 4.0)\n"
                            "    return torch.cat([h, s, s, s], 1)\n";
    test::writePackage(dir / "det", m, net);
    std::mt19937 rng(11);
    const auto datalist = [&](const std::string& name, int cases) {
        json list = {{"training", json::array()}, {"validation", json::array()}};
        for (int i = 0; i < cases; ++i) {
            double v = std::uniform_real_distribution<double>(-2.5, 2.5)(rng);
            if (std::abs(v) < 1e-3) v = 1e-3;
            const bool lesion = std::uniform_real_distribution<double>(0, 1)(rng) < 1 / (1 + std::exp(-v));
            core::Volume image = core::Volume::zeros(core::PixelType::Float32, core::ImageGeometry({16, 16, 16}, {1, 1, 1}, {}));
            image.as<float>()[image.linearIndex(8, 8, 8)] = float(v);
            const std::string file = name + std::to_string(i);
            io::ImageFileWriter::write(image, (dir / (file + ".nii.gz")).string());
            json boxes = json::array();
            if (lesion) boxes.push_back({{"class", "label1"}, {"box_min_mm", {5, 5, 5}}, {"box_max_mm", {11, 11, 11}}});
            std::ofstream(dir / (file + ".json")) << json{{"findings", boxes}}.dump();
            list["validation"].push_back({{"image", file + ".nii.gz"}, {"label", file + ".json"}});
        }
        std::ofstream(dir / (name + ".json")) << list.dump();
        return (dir / (name + ".json")).string();
    };
    const std::string calibration = datalist("cal", 40), heldOut = datalist("held", 40);
    const auto r = runAi("calibrate --model " + (dir / "det").string() + " --data " + calibration + " --check " + heldOut);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json out = json::parse(r.out);
    EXPECT_EQ(out["calibration"]["cases"], 40) << "one finding per case";
    EXPECT_GT(out["temperature"].get<double>(), 1.8) << out.dump();
    EXPECT_LT(out["temperature"].get<double>(), 5.0) << out.dump();
    EXPECT_LT(out["held_out"]["after"]["ece"].get<double>(), out["held_out"]["before"]["ece"].get<double>()) << out.dump();

    // eval reports the findings' calibration; a package with the temperature scores by it.
    const auto evaluated = runAi("eval --model " + (dir / "det").string() + " --data " + heldOut);
    ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err;
    EXPECT_NEAR(json::parse(evaluated.out)["ece"].get<double>(), out["held_out"]["before"]["ece"].get<double>(), 1e-4);
    m.output.temperature = out["temperature"].get<double>();
    test::writePackage(dir / "calibrated", m, net);
    const auto infer = runAi("infer --quiet --model " + (dir / "calibrated").string() + " --input " + (dir / "held0.nii.gz").string() +
                             " --output " + (dir / "one").string());
    ASSERT_EQ(infer.exitCode, 0) << infer.err;
    const core::Volume first = io::ImageFileReader::read((dir / "held0.nii.gz").string());
    const double v = first.as<float>()[first.linearIndex(8, 8, 8)];
    const json f = json::parse(test::readText(dir / "one.findings.json"))["findings"];
    ASSERT_EQ(f.size(), 1u) << f.dump();
    EXPECT_NEAR(f[0]["score"].get<double>(), 1 / (1 + std::exp(-3 * v / m.output.temperature)), 1e-4);
}

TEST_F(LumenAi, BadModelsAndDevicesAreClearErrors) {
    test::TempDir dir("lumen-ai");
    test::writePackage(dir / "sign", signManifest(), kSignNet);
    const std::string args = " --input " + kBrain + " --output " + (dir / "out").string();

    auto r = runAi("infer --model " + (dir / "sign").string() + args + " --device cuda");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("no CUDA GPU"), std::string::npos) << r.err;

    ai::ModelManifest two = signManifest();
    two.input.channels = 2;
    test::writePackage(dir / "two", two, kSignNet);
    r = runAi("infer --model " + (dir / "two").string() + args);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("takes 2 channel(s); the image has 1"), std::string::npos) << r.err;

    std::ofstream(dir / "sign/model.pt", std::ios::app) << "!";
    r = runAi("infer --model " + (dir / "sign").string() + args);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("does not match the manifest"), std::string::npos) << r.err;

    const auto made = test::run(std::string(test::kDebianPython) + " " + test::oracleScript("make_series.py").string() + " " +
                                test::quote((dir / "nospacing").string()) + " no_spacing");
    ASSERT_EQ(made.exitCode, 0) << made.err;
    test::writePackage(dir / "sign2", signManifest(), kSignNet);
    r = runAi("infer --model " + (dir / "sign2").string() + " --input " + (dir / "nospacing").string() + " --output " + (dir / "out").string());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("no pixel spacing"), std::string::npos) << r.err;

    r = runAi("infer --model " + (dir / "nowhere").string() + args);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_FALSE(fs::exists(dir / "out.seg.nii.gz")) << "nothing written on failure";
}

TEST_F(LumenAi, RegistryCommandsListActivateAndRollBack) {
    test::TempDir dir("lumen-ai");
    ai::ModelManifest m = signManifest();
    for (const char* v : {"1.0", "1.1"}) {
        m.version = v;
        m.provenance.parentVersion = std::string(v) == "1.1" ? "1.0" : "";
        m.provenance.created = std::string("2026-0") + (std::string(v) == "1.1" ? "2" : "1") + "-01T00:00:00Z";
        test::writePackage(dir / "bundled/sign" / v, m, kSignNet);
    }
    const std::string env = "LUMEN_BUNDLED_MODELS=" + test::quote((dir / "bundled").string()) +
                            " LUMEN_DATA_DIR=" + test::quote((dir / "data").string());
    auto r = runAi("models list --json", env);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    json list = json::parse(r.out);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_TRUE(list[1]["active"].get<bool>());
    EXPECT_EQ(runAi("models activate sign 1.0", env).exitCode, 0);
    list = json::parse(runAi("models list --json", env).out);
    EXPECT_TRUE(list[0]["active"].get<bool>());
    r = runAi("models rollback sign", env);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("rolled back to version 1.1"), std::string::npos) << r.out;
    r = runAi("infer --quiet --model sign@1.0 --input " + kBrain + " --output " + (dir / "o").string(), env);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    r = runAi("models activate sign 9.9", env);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("has no version \"9.9\""), std::string::npos);
    EXPECT_NE(runAi("models list", env).out.find("* sign"), std::string::npos);
}

TEST_F(LumenAi, ATermSignalCancelsALongRun) {
    test::TempDir dir("lumen-ai");
    ai::ModelManifest m = signManifest();
    m.input.patchSize = {8, 8, 8};
    m.input.overlap = 0.75;  // ~900k windows: minutes of work
    test::writePackage(dir / "slow", m, kSignNet);
    // The signal goes once the run reports progress (its handler is set by then): a fixed delay
    // raced the loading of LibTorch on a loaded CI machine, and the default action killed it (143).
    const std::string err = (dir / "err").string();
    const auto r = test::run(test::quote(lumenAi()) + " infer --model " + (dir / "slow").string() + " --input " + kBrain + " --output " +
                             (dir / "out").string() + " 2> " + err + " & pid=$!; for i in $(seq 600); do grep -q progress " + err +
                             " && break; sleep 0.1; done; sleep 0.5; kill -TERM $pid; wait $pid; echo rc=$?; cat " + err);
    EXPECT_NE(r.out.find("rc=130"), std::string::npos) << r.out << r.err;
    EXPECT_NE(r.out.find("lumen-ai: canceled"), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(dir / "out.seg.nii.gz"));
}
