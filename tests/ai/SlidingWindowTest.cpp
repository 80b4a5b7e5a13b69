#include "AiTestSupport.h"
#include "TestSupport.h"

#include "ai/ModelError.h"
#include "ai/SlidingWindowInferer.h"
#include "ai/TorchNetwork.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

using namespace lumen;

namespace {

ai::TorchNetwork scripted(const test::TempDir& dir, const std::string& source) {
    test::saveScriptedModule(dir / "net.pt", source);
    ai::DeviceInfo cpu;
    cpu.threads = 2;
    return ai::TorchNetwork::load(dir / "net.pt", cpu);
}

ai::FloatImage noise(const core::ImageGeometry::Dims& d, std::size_t channels, unsigned seed) {
    ai::FloatImage im = ai::FloatImage::zeros(core::ImageGeometry(d, {1, 1, 1}, {0, 0, 0}), channels);
    std::mt19937 rng(seed);
    std::normal_distribution<float> n;
    for (float& v : im.data) v = n(rng);
    return im;
}

}  // namespace

TEST(SlidingWindow, WindowStartsFollowMonai) {
    EXPECT_EQ(ai::windowStarts(100, 32, 0.25), (std::vector<int>{0, 24, 48, 68}));
    EXPECT_EQ(ai::windowStarts(32, 32, 0.5), (std::vector<int>{0}));
    EXPECT_EQ(ai::windowStarts(20, 32, 0.5), (std::vector<int>{0}));
    EXPECT_EQ(ai::windowStarts(10, 4, 0.0), (std::vector<int>{0, 4, 6}));
    EXPECT_EQ(ai::windowStarts(10, 4, 0.99), (std::vector<int>{0, 1, 2, 3, 4, 5, 6}));
}

TEST(SlidingWindow, AnIdentityNetworkReproducesItsInput) {
    test::TempDir dir("sw");
    ai::TorchNetwork net = scripted(dir, "def forward(self, x):\n    return x\n");
    // Odd sizes, one axis smaller than the patch (padding), 2 channels.
    const ai::FloatImage in = noise({37, 21, 9}, 2, 1);
    for (auto blending : {ai::InputSpec::Blending::Gaussian, ai::InputSpec::Blending::Constant}) {
        ai::SlidingWindowOptions o;
        o.patchSize = {16, 12, 16};
        o.overlap = 0.4;
        o.blending = blending;
        o.batchSize = 3;
        o.outputChannels = 2;
        ai::SlidingWindowStats stats;
        const ai::FloatImage out = ai::slidingWindowInference(net, in, o, nullptr, &stats);
        ASSERT_EQ(out.data.size(), in.data.size());
        EXPECT_LT(test::maxAbsDifference(out.data, in.data), 1e-5);
        EXPECT_EQ(stats.patches, 4u * 3u * 1u);  // i: 0,9,18,21; j: 0,7,9; k: padded to one window
    }
}

TEST(SlidingWindow, AConstantNetworkGivesAConstantAndActivationApplies) {
    test::TempDir dir("sw");
    ai::TorchNetwork net = scripted(dir,
        "def forward(self, x):\n"
        "    s = x.size()\n"
        "    a = torch.full([s[0], 1, s[2], s[3], s[4]], 2.0)\n"
        "    b = torch.full([s[0], 1, s[2], s[3], s[4]], -1.0)\n"
        "    return torch.cat([a, b], 1)\n");
    const ai::FloatImage in = noise({30, 30, 30}, 1, 2);
    ai::SlidingWindowOptions o;
    o.patchSize = {16, 16, 16};
    o.outputChannels = 2;
    o.activation = ai::OutputSpec::Activation::Softmax;
    const ai::FloatImage out = ai::slidingWindowInference(net, in, o);
    const float p0 = 1 / (1 + std::exp(-3.0f));
    for (std::size_t v = 0; v < in.voxels(); ++v) {
        ASSERT_NEAR(out.data[v], p0, 1e-6);
        ASSERT_NEAR(out.data[in.voxels() + v], 1 - p0, 1e-6);
    }
}

TEST(SlidingWindow, WrongChannelsOrShapesAreClearErrors) {
    test::TempDir dir("sw");
    ai::TorchNetwork conv = scripted(dir,
        "def forward(self, x):\n"
        "    w = torch.ones([4, 1, 1, 1, 1])\n"
        "    return torch.conv3d(x, w)\n");
    ai::SlidingWindowOptions o;
    o.patchSize = {8, 8, 8};
    o.outputChannels = 4;
    EXPECT_NO_THROW(ai::slidingWindowInference(conv, noise({8, 8, 8}, 1, 3), o));
    try {
        ai::slidingWindowInference(conv, noise({8, 8, 8}, 3, 3), o);
        FAIL() << "3 channels into a 1-channel network";
    } catch (const ai::ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("rejected an input of shape [1, 3, 8, 8, 8]"), std::string::npos) << e.what();
    }
    o.outputChannels = 3;
    try {
        ai::slidingWindowInference(conv, noise({8, 8, 8}, 1, 3), o);
        FAIL() << "4 output channels where 3 are expected";
    } catch (const ai::ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("expected [N, 3, 8, 8, 8]"), std::string::npos) << e.what();
    }
}

namespace {

// Oracle: tests/oracles/sliding_window.py, Debian's python3-torch running the same TorchScript
// file with MONAI's algorithm written out independently (padding through torch's F.pad).
void compareWithPythonTorch(bool replicate) {
    test::TempDir dir("sw-oracle");
    const auto made = test::run(std::string(test::kDebianPython) + " " + test::quote((test::sourceDir() / "ai/networks/script_network.py").string()) +
                                " --arch unet --out-channels 4 --seed 3 --out " + test::quote((dir / "unet.pt").string()));
    ASSERT_EQ(made.exitCode, 0) << made.err;
    ai::DeviceInfo cpu;
    cpu.threads = 2;
    ai::TorchNetwork net = ai::TorchNetwork::load(dir / "unet.pt", cpu);
    const ai::FloatImage in = noise({45, 38, 27}, 1, 4);
    std::ofstream(dir / "in.f32", std::ios::binary).write(reinterpret_cast<const char*>(in.data.data()), in.data.size() * 4);
    ai::SlidingWindowOptions o;
    o.patchSize = replicate ? std::array<int, 3>{48, 40, 32} : std::array<int, 3>{24, 24, 32};  // padded along k (and i, j)
    o.overlap = 0.3;
    o.batchSize = 2;
    o.outputChannels = 4;
    o.replicatePadding = replicate;
    const ai::FloatImage out = ai::slidingWindowInference(net, in, o);
    const auto py = test::run(std::string(test::kDebianPython) + " " + test::oracleScript("sliding_window.py").string() + " " +
                              test::quote((dir / "unet.pt").string()) + " " + test::quote((dir / "in.f32").string()) + " 1 45 38 27 " +
                              std::to_string(o.patchSize[0]) + " " + std::to_string(o.patchSize[1]) + " " + std::to_string(o.patchSize[2]) +
                              " 0.3 gaussian 2 " + test::quote((dir / "out.f32").string()) + " --threads 2" +
                              (replicate ? " --padding replicate" : ""));
    ASSERT_EQ(py.exitCode, 0) << py.err;
    std::vector<float> expected(out.data.size());
    std::ifstream(dir / "out.f32", std::ios::binary).read(reinterpret_cast<char*>(expected.data()), expected.size() * 4);
    double worst = 0, scale = 0;
    for (std::size_t v = 0; v < expected.size(); ++v) {
        worst = std::max(worst, double(std::abs(expected[v] - out.data[v])));
        scale = std::max(scale, double(std::abs(expected[v])));
    }
    EXPECT_LE(worst, 1e-4) << "largest logit " << scale;
    EXPECT_GT(scale, 1e-2) << "an all-zero output would compare equal trivially";
}

}  // namespace

TEST(SlidingWindowOracle, SameLogitsAsPythonTorchOnTheSameFile) { compareWithPythonTorch(false); }

TEST(SlidingWindowOracle, ReplicatePaddingMatchesTorchsPad) { compareWithPythonTorch(true); }

TEST(SlidingWindow, AdaptiveBatchesHalveUntilTheyFit) {
    // Stands in for a GPU running out of memory above 3 patches per pass.
    test::TempDir dir("sw");
    ai::TorchNetwork net = scripted(dir,
        "def forward(self, x):\n"
        "    torch._assert(x.size(0) <= 3, 'CUDA out of memory. Tried to allocate 2.00 GiB')\n"
        "    return x\n");
    const ai::FloatImage in = noise({40, 40, 20}, 1, 6);
    ai::SlidingWindowOptions o;
    o.patchSize = {16, 16, 16};
    o.outputChannels = 1;
    o.batchSize = 16;
    EXPECT_THROW(ai::slidingWindowInference(net, in, o), ai::ModelError) << "without adaptive batching the error stands";
    o.adaptiveBatch = true;
    ai::SlidingWindowStats stats;
    const ai::FloatImage out = ai::slidingWindowInference(net, in, o, nullptr, &stats);
    EXPECT_EQ(stats.batchSize, 2);  // 16 → 8 → 4 → 2
    EXPECT_EQ(stats.patches, 3u * 3u * 2u);
    EXPECT_LT(test::maxAbsDifference(out.data, in.data), 1e-5);
}
