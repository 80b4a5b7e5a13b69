// Lumen's AI engine without io (builds in LUMEN_AI_ONLY, e.g. on a GPU machine): synthetic input,
// one TorchScript file. ai_bench.sh runs it beside Debian's python3-torch doing the same work.
//   ai_bench window --network F.pt --size 160,192,160 --patch 48 --out-channels 4 [--threads 2] [--device auto]
//   ai_bench train-step --network F.pt --patch 48 --batch 2 --out-channels 4 [--iterations 5] [--threads 2]
//   ai_bench pipeline --package DIR --size 181,217,181 [--spacing 1,1,1] [--threads 2]   (whole infer on noise)
//   ai_bench agree --package DIR [--size 181,217,181] [--threads 2] [--against cuda]   (CPU against CUDA on one phantom)
//   ai_bench interactive --package DIR [--size 181,217,181] [--prompts 10] [--threads 2]   (robot-user clicks on the phantom's ventricle)
#include "ai/Device.h"
#include "ai/InferenceEngine.h"
#include "ai/InteractiveSegmenter.h"
#include "ai/RobotUser.h"
#include "ai/SlidingWindowInferer.h"
#include "ai/TorchNetwork.h"
#include "ai/internal/Losses.h"
#include "ai/internal/TorchNetworkImpl.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <chrono>
#include <iostream>
#include <map>
#include <random>
#include <string>

using namespace lumen;
using Clock = std::chrono::steady_clock;

namespace {

std::map<std::string, std::string> options(int argc, char** argv) {
    std::map<std::string, std::string> o{{"threads", "2"}, {"device", "auto"}, {"patch", "48"}, {"batch", "2"},
                                         {"out-channels", "4"}, {"iterations", "5"}, {"size", "160,192,160"}, {"repeat", "3"}};
    for (int i = 2; i + 1 < argc; i += 2) o[std::string(argv[i]).substr(2)] = argv[i + 1];
    return o;
}

// A head-like phantom (a bright ellipsoid shell, softer interior, two dark "ventricles", noise):
// structure for a segmentation model to answer on, the same on every machine.
core::Volume phantom(int x, int y, int z) {
    core::Volume image = core::Volume::zeros(core::PixelType::Int16,
        core::ImageGeometry({std::size_t(x), std::size_t(y), std::size_t(z)}, {1, 1, 1}, {0, 0, 0}));
    std::mt19937 rng(7);
    std::normal_distribution<float> noise(0, 6);
    std::int16_t* v = image.as<std::int16_t>();
    for (int k = 0; k < z; ++k)
        for (int j = 0; j < y; ++j)
            for (int i = 0; i < x; ++i) {
                const double a = (i - x / 2.0) / (x * 0.38), b = (j - y / 2.0) / (y * 0.42), c = (k - z / 2.0) / (z * 0.38);
                const double r = std::sqrt(a * a + b * b + c * c);
                const double ventricle = std::min(std::hypot(std::hypot((i - x * 0.44) / 8.0, (j - y * 0.5) / 18.0), (k - z * 0.55) / 8.0),
                                                  std::hypot(std::hypot((i - x * 0.56) / 8.0, (j - y * 0.5) / 18.0), (k - z * 0.55) / 8.0));
                float value = r > 1.0 ? 0.f : r > 0.9 ? 60.f : ventricle < 1.0 ? 30.f : 110.f;
                *v++ = static_cast<std::int16_t>(std::max(0.f, value + noise(rng)));
            }
    return image;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: ai_bench window|train-step --network F.pt [...]\n";
        return 2;
    }
    const std::string mode = argv[1];
    auto o = options(argc, argv);
    if (mode == "pipeline") {  // preprocess + network + postprocess without file io
        int x, y, z;
        if (std::sscanf(o["size"].c_str(), "%d,%d,%d", &x, &y, &z) != 3) return 2;
        ai::InferenceOptions io;
        io.device = o["device"];
        io.threads = std::stoi(o["threads"]);
        const ai::InferenceEngine engine(ai::ModelPackage::open(o["package"]), io);
        core::Volume image = core::Volume::zeros(core::PixelType::Int16,
            core::ImageGeometry({std::size_t(x), std::size_t(y), std::size_t(z)}, {1, 1, 1}, {0, 0, 0}));
        std::mt19937 rng(1);
        for (std::size_t v = 0; v < image.voxelCount(); ++v) image.as<std::int16_t>()[v] = static_cast<std::int16_t>(rng() % 200);
        std::vector<double> pre, net, post, total;
        for (int r = 0; r < std::stoi(o["repeat"]); ++r) {
            const auto t = engine.run(image).timings;
            pre.push_back(t.preprocessMs), net.push_back(t.networkMs), post.push_back(t.postprocessMs), total.push_back(t.totalMs);
        }
        std::cout << "{\"mode\":\"pipeline\",\"device\":\"" << engine.device().describe() << "\",\"preprocess_ms\":" << median(pre)
                  << ",\"network_ms\":" << median(net) << ",\"postprocess_ms\":" << median(post) << ",\"total_ms\":" << median(total)
                  << ",\"voxels_per_s\":" << double(x) * y * z / (median(total) / 1000) << "}\n";
        return 0;
    }
    if (mode == "agree") {  // the same package on the CPU and on CUDA: equal labels?
        int x = 181, y = 217, z = 181;
        if (o.count("size") && o["size"] != "160,192,160" && std::sscanf(o["size"].c_str(), "%d,%d,%d", &x, &y, &z) != 3) return 2;
        const core::Volume image = phantom(x, y, z);
        auto runOn = [&](const std::string& device) {
            ai::InferenceOptions io;
            io.device = device;
            io.threads = std::stoi(o["threads"]);
            const ai::InferenceEngine engine(ai::ModelPackage::open(o["package"]), io);
            engine.run(image);  // warm-up: CUDA's first call pays for its kernels
            return engine.run(image);
        };
        const std::string against = o.count("against") ? o["against"] : "cuda";  // cpu: the check itself, checked
        ai::InferenceResult cpu, gpu;
        try {
            cpu = runOn("cpu"), gpu = runOn(against);
        } catch (const std::exception& e) {
            std::cerr << "ai_bench agree: " << e.what() << "\n";
            return 2;
        }
        const core::LabelMap &a = cpu.labels, &b = gpu.labels;
        const std::size_t voxels = a.geometry().voxelCount();
        std::size_t equal = 0, labelledCpu = 0, labelledGpu = 0;
        for (std::size_t v = 0; v < voxels; ++v) {
            const auto la = a.at(v), lb = b.at(v);
            equal += la == lb, labelledCpu += la != 0, labelledGpu += lb != 0;
        }
        std::cout << "{\"mode\":\"agree\",\"voxels\":" << voxels << ",\"equal_fraction\":" << double(equal) / voxels
                  << ",\"labelled_cpu\":" << labelledCpu << ",\"labelled_cuda\":" << labelledGpu << ",\"cpu_total_ms\":" << cpu.timings.totalMs
                  << ",\"cuda_total_ms\":" << gpu.timings.totalMs << ",\"cpu_network_ms\":" << cpu.timings.networkMs
                  << ",\"cuda_network_ms\":" << gpu.timings.networkMs << "}\n";
        return double(equal) / voxels >= 0.999 ? 0 : 1;  // float summation order differs a little
    }
    if (mode == "interactive") {  // an interactive session's prompt latency: the robot user on the left ventricle
        int x = 181, y = 217, z = 181;
        if (o["size"] != "160,192,160" && std::sscanf(o["size"].c_str(), "%d,%d,%d", &x, &y, &z) != 3) return 2;
        const core::Volume image = phantom(x, y, z);
        std::vector<std::uint8_t> truth(image.voxelCount());
        const std::int16_t* v = image.as<std::int16_t>();
        for (std::size_t n = 0; n < truth.size(); ++n) {
            const double i = double(n % x), j = double((n / x) % y), k = double(n / (std::size_t(x) * y));
            truth[n] = std::hypot(std::hypot((i - x * 0.44) / 8.0, (j - y * 0.5) / 18.0), (k - z * 0.55) / 8.0) < 1.0 && v[n] < 70;
        }
        const ai::ModelPackage package = ai::ModelPackage::open(o["package"]);
        ai::TorchNetwork network = ai::TorchNetwork::load(package.networkFile(), ai::selectDevice(o["device"], std::stoi(o["threads"])));
        const auto start = Clock::now();
        ai::InteractiveSegmenter session(package.manifest(), network, image);
        const double startMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        session.add({ai::InteractivePrompt::click(ai::deepestVoxel(image.geometry(), truth.data())->world, true)});  // warm-up
        session.startObject();
        std::vector<double> ms;
        auto click = ai::deepestVoxel(image.geometry(), truth.data());
        for (int p = 0; p < std::stoi(o.count("prompts") ? o["prompts"] : "10") && click; ++p) {
            ms.push_back(session.add({ai::InteractivePrompt::click(click->world, click->positive)}).ms);
            click = ai::robotClick(image.geometry(), truth.data(), session.mask().data());
        }
        std::size_t both = 0, a = 0, b = 0;
        for (std::size_t n = 0; n < truth.size(); ++n) both += truth[n] && session.mask()[n], a += truth[n], b += session.mask()[n];
        std::sort(ms.begin(), ms.end());
        std::cout << "{\"mode\":\"interactive\",\"device\":\"" << network.device().describe() << "\",\"session_start_ms\":" << startMs
                  << ",\"prompts\":" << ms.size() << ",\"prompt_ms_p50\":" << median(ms)
                  << ",\"prompt_ms_max\":" << ms.back() << ",\"dice\":" << 2.0 * double(both) / double(a + b) << "}\n";
        return 0;
    }
    const ai::DeviceInfo device = ai::selectDevice(o["device"], std::stoi(o["threads"]));
    ai::TorchNetwork net = ai::TorchNetwork::load(o["network"], device);
    const int patch = std::stoi(o["patch"]), K = std::stoi(o["out-channels"]);
    if (mode == "window") {
        int x, y, z;
        if (std::sscanf(o["size"].c_str(), "%d,%d,%d", &x, &y, &z) != 3) return 2;
        ai::FloatImage image = ai::FloatImage::zeros(
            core::ImageGeometry({std::size_t(x), std::size_t(y), std::size_t(z)}, {1, 1, 1}, {0, 0, 0}), 1);
        std::mt19937 rng(1);
        std::normal_distribution<float> n;
        for (float& v : image.data) v = n(rng);
        ai::SlidingWindowOptions sw;
        sw.patchSize = {patch, patch, patch};
        sw.outputChannels = K;
        sw.batchSize = device.cuda ? 8 : 2;
        sw.activation = ai::OutputSpec::Activation::Softmax;
        std::vector<double> total, network;
        ai::SlidingWindowStats stats;
        for (int r = 0; r < std::stoi(o["repeat"]); ++r) {
            const auto t0 = Clock::now();
            ai::slidingWindowInference(net, image, sw, nullptr, &stats);
            total.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            network.push_back(stats.networkMs);
        }
        const double voxels = double(x) * y * z;
        std::cout << "{\"mode\":\"window\",\"device\":\"" << device.describe() << "\",\"voxels\":" << voxels
                  << ",\"patches\":" << stats.patches << ",\"total_ms\":" << median(total) << ",\"network_ms\":" << median(network)
                  << ",\"voxels_per_s\":" << voxels / (median(total) / 1000) << "}\n";
        return 0;
    }
    if (mode == "train-step") {
        auto& impl = net.impl();
        std::vector<torch::Tensor> params;
        for (const auto& p : impl.module.parameters()) params.push_back(p);
        torch::optim::Adam adam(params, torch::optim::AdamOptions(1e-3));
        impl.module.train();
        torch::manual_seed(1);
        const int64_t B = std::stoi(o["batch"]);
        const auto x = torch::randn({B, 1, patch, patch, patch}).to(impl.torchDevice);
        const auto y = torch::randint(0, K, {B, patch, patch, patch}, torch::kLong).to(impl.torchDevice);
        std::vector<double> ms, forward, backward;
        auto since = [](Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); };
        for (int i = 0; i < std::stoi(o["iterations"]) + 1; ++i) {
            const auto t0 = Clock::now();
            const auto out = impl.forward(x);
            const double f = since(t0);
            const auto loss = ai::internal::segmentationLoss(out, y);
            adam.zero_grad();
            const auto t1 = Clock::now();
            loss.backward();
            const double b = since(t1);
            adam.step();
            if (i > 0) ms.push_back(since(t0)), forward.push_back(f), backward.push_back(b);  // first: warm-up
        }
        std::cout << "{\"mode\":\"train-step\",\"device\":\"" << device.describe() << "\",\"ms_per_iteration\":" << median(ms)
                  << ",\"forward_ms\":" << median(forward) << ",\"backward_ms\":" << median(backward) << "}\n";
        return 0;
    }
    std::cerr << "unknown mode " << mode << "\n";
    return 2;
}
