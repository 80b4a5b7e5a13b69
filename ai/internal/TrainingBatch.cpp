#include "ai/internal/TrainingBatch.h"

#include "ai/IntensityNormalizer.h"
#include "ai/ModelError.h"
#include "ai/Resampler.h"
#include "core/Progress.h"

#include <cmath>

namespace lumen::ai::internal {

namespace {

constexpr std::uint32_t kMaxVoxelsPerClass = 50000;

double uniform(std::mt19937& rng, double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }
bool chance(std::mt19937& rng, double p) { return uniform(rng, 0, 1) < p; }

}  // namespace

BatchSampler::BatchSampler(const ModelManifest& m, const TrainerOptions& options, const std::vector<TrainingSample>& cases,
                           const DeviceInfo& device, core::Progress* progress)
    : manifest_(m), options_(options), device_(device.cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU)) {
    std::mt19937 rng(options.seed ^ 0x5eed);
    const auto& labels = m.labels.labels();
    for (const TrainingSample& s : cases) {
        if (progress) progress->checkCanceled();
        Case c;
        if (static_cast<int>(s.volume.timePoints()) != m.input.channels)
            throw ModelError(s.image + ": has " + std::to_string(s.volume.timePoints()) + " channel(s); the model takes " +
                             std::to_string(m.input.channels));
        const core::ImageGeometry grid = modelGrid(s.volume.geometry(), m.input);
        c.image = resampleVolume(s.volume, grid);  // as inference does: no float copy of the whole case
        normalizeInput(c.image, m.input);
        if (m.task == Task::Segmentation) {
            if (!s.labels.fits(s.volume.geometry(), 1e-3)) throw ModelError(s.label + ": label map is not on its image's grid");
            const core::LabelMap onGrid = resampleLabelsNearest(s.labels, grid);
            c.classIndex.assign(grid.voxelCount(), 0);
            c.voxelsOf.resize(labels.size() + 1);
            std::vector<std::uint8_t> indexOf(65536, 0);
            for (std::size_t l = 0; l < labels.size(); ++l) indexOf[labels[l].value] = static_cast<std::uint8_t>(l + 1);
            std::vector<std::size_t> seen(labels.size() + 1, 0);
            for (std::size_t v = 0; v < grid.voxelCount(); ++v) {
                const std::uint8_t k = indexOf[onGrid.at(v)];  // values the model does not know are background
                c.classIndex[v] = k;
                if (!k) continue;
                // Reservoir sampling keeps a uniform subset of each class's voxels.
                auto& list = c.voxelsOf[k];
                if (list.size() < kMaxVoxelsPerClass) list.push_back(static_cast<std::uint32_t>(v));
                else if (auto r = std::uniform_int_distribution<std::size_t>(0, seen[k])(rng); r < kMaxVoxelsPerClass)
                    list[r] = static_cast<std::uint32_t>(v);
                ++seen[k];
            }
        } else if (m.task == Task::Detection) {
            for (const Finding& f : s.boxes) {
                std::size_t k = labels.size();
                for (std::size_t l = 0; l < labels.size(); ++l)
                    if (labels[l].value == f.classValue) k = l;
                if (k == labels.size()) throw ModelError(s.label + ": box class " + std::to_string(f.classValue) + " is not one of the model's");
                Box b;
                const core::Vector3 centre = grid.worldToIndex((f.worldMin + f.worldMax) / 2);
                b.centre = {centre.x, centre.y, centre.z};
                for (int a = 0; a < 3; ++a) {  // extent along each model axis, from the world box
                    const core::Vector3 axis = grid.axis(a);
                    b.sizeMm[static_cast<std::size_t>(a)] = std::abs(axis.x) * (f.worldMax.x - f.worldMin.x) +
                                                            std::abs(axis.y) * (f.worldMax.y - f.worldMin.y) +
                                                            std::abs(axis.z) * (f.worldMax.z - f.worldMin.z);
                }
                b.classIndex = k;
                c.boxes.push_back(b);
            }
        } else {
            std::int64_t k = -1;
            for (std::size_t l = 0; l < labels.size(); ++l)
                if (labels[l].value == s.classValue) k = static_cast<std::int64_t>(l);
            if (k < 0) throw ModelError(s.image + ": class " + std::to_string(s.classValue) + " is not one of the model's");
            c.label = k;
        }
        cases_.push_back(std::move(c));
        if (progress) progress->advance();
    }
}

void BatchSampler::cropInto(const Case& c, const std::array<long, 3>& start, float* image, std::int64_t* labels) const {
    const auto& d = c.image.geometry.dims();
    const auto& p = manifest_.input.patchSize;
    const std::size_t n = c.image.voxels();
    for (std::size_t ch = 0; ch < c.image.channels; ++ch)
        for (long x = 0; x < p[0]; ++x)
            for (long y = 0; y < p[1]; ++y)
                for (long z = 0; z < p[2]; ++z) {
                    const long i = start[0] + x, j = start[1] + y, k = start[2] + z;
                    const bool inside = i >= 0 && j >= 0 && k >= 0 && i < long(d[0]) && j < long(d[1]) && k < long(d[2]);
                    const std::size_t v = inside ? (std::size_t(k) * d[1] + std::size_t(j)) * d[0] + std::size_t(i) : 0;
                    const std::size_t o = (std::size_t(x) * std::size_t(p[1]) + std::size_t(y)) * std::size_t(p[2]) + std::size_t(z);
                    image[ch * std::size_t(p[0] * p[1] * p[2]) + o] = inside ? c.image.data[ch * n + v] : 0.0f;
                    if (labels && ch == 0) labels[o] = inside ? c.classIndex[v] : 0;
                }
}

void BatchSampler::renderBoxes(const Case& c, const std::array<long, 3>& start, float* heat, float* sizes, float* mask) const {
    const auto& p = manifest_.input.patchSize;
    const std::size_t patchVoxels = std::size_t(p[0] * p[1] * p[2]);
    const auto& sp = c.image.geometry.spacing();
    for (const Box& b : c.boxes) {
        std::array<double, 3> centre, sigma;
        for (int a = 0; a < 3; ++a) {  // centred on a voxel, so that exactly one voxel holds 1
            centre[a] = std::round(b.centre[a]) - double(start[a]);
            sigma[a] = std::max(1.0, b.sizeMm[a] / sp[a] / 6);
        }
        long lo[3], hi[3];
        for (int a = 0; a < 3; ++a) {
            lo[a] = std::max(0L, long(std::floor(centre[a] - 3 * sigma[a])));
            hi[a] = std::min(long(p[a]) - 1, long(std::ceil(centre[a] + 3 * sigma[a])));
        }
        for (long x = lo[0]; x <= hi[0]; ++x)
            for (long y = lo[1]; y <= hi[1]; ++y)
                for (long z = lo[2]; z <= hi[2]; ++z) {
                    const double dx = (x - centre[0]) / sigma[0], dy = (y - centre[1]) / sigma[1], dz = (z - centre[2]) / sigma[2];
                    const float g = static_cast<float>(std::exp(-(dx * dx + dy * dy + dz * dz) / 2));
                    const std::size_t o = (std::size_t(x) * std::size_t(p[1]) + std::size_t(y)) * std::size_t(p[2]) + std::size_t(z);
                    float& h = heat[b.classIndex * patchVoxels + o];
                    h = std::max(h, g);
                    if (std::abs(x - centre[0]) <= 1 && std::abs(y - centre[1]) <= 1 && std::abs(z - centre[2]) <= 1) {
                        for (int a = 0; a < 3; ++a) sizes[std::size_t(a) * patchVoxels + o] = static_cast<float>(b.sizeMm[a]);
                        mask[o] = 1;
                    }
                }
    }
}

Batch BatchSampler::sample(std::mt19937& rng) const {
    const auto& p = manifest_.input.patchSize;
    const int64_t N = options_.batchSize, C = manifest_.input.channels;
    Batch b;
    b.image = torch::zeros({N, C, p[0], p[1], p[2]});
    const Task task = manifest_.task;
    if (task == Task::Segmentation) b.labels = torch::zeros({N, p[0], p[1], p[2]}, torch::kLong);
    if (task == Task::Classification) b.labels = torch::zeros({N}, torch::kLong);
    const auto classes = static_cast<int64_t>(manifest_.labels.size());
    if (task == Task::Detection) {
        b.heatmap = torch::zeros({N, classes, p[0], p[1], p[2]});
        b.sizes = torch::zeros({N, 3, p[0], p[1], p[2]});
        b.sizeMask = torch::zeros({N, 1, p[0], p[1], p[2]});
    }
    for (int64_t n = 0; n < N; ++n) {
        const Case& c = cases_[std::uniform_int_distribution<std::size_t>(0, cases_.size() - 1)(rng)];
        const auto& d = c.image.geometry.dims();
        std::array<long, 3> centre{};
        bool placed = false;
        if (task == Task::Segmentation && chance(rng, options_.foregroundFraction)) {
            std::vector<std::size_t> present;
            for (std::size_t k = 1; k < c.voxelsOf.size(); ++k)
                if (!c.voxelsOf[k].empty()) present.push_back(k);
            if (!present.empty()) {
                const auto& list = c.voxelsOf[present[std::uniform_int_distribution<std::size_t>(0, present.size() - 1)(rng)]];
                const std::size_t v = list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(rng)];
                centre = {long(v % d[0]), long((v / d[0]) % d[1]), long(v / (d[0] * d[1]))};
                placed = true;
            }
        } else if (task == Task::Detection && !c.boxes.empty() && chance(rng, options_.foregroundFraction)) {
            const Box& box = c.boxes[std::uniform_int_distribution<std::size_t>(0, c.boxes.size() - 1)(rng)];
            for (int a = 0; a < 3; ++a)  // jitter so the object is not always mid-patch
                centre[a] = std::lround(box.centre[a] + uniform(rng, -p[a] / 4.0, p[a] / 4.0));
            placed = true;
        }
        if (!placed)
            for (int a = 0; a < 3; ++a) centre[a] = std::uniform_int_distribution<long>(0, long(d[a]) - 1)(rng);
        std::array<long, 3> start{};
        for (int a = 0; a < 3; ++a) {
            start[a] = centre[a] - p[a] / 2;
            // Keep the patch inside the image where the image is large enough (no needless padding).
            if (long(d[a]) >= p[a]) start[a] = std::clamp(start[a], 0L, long(d[a]) - p[a]);
            else start[a] = -(p[a] - long(d[a])) / 2;
        }
        if (task == Task::Classification) {
            cropInto(c, {0, 0, 0}, b.image[n].data_ptr<float>(), nullptr);
            b.labels[n] = c.label;
        } else {
            cropInto(c, start, b.image[n].data_ptr<float>(), task == Task::Segmentation ? b.labels[n].data_ptr<std::int64_t>() : nullptr);
            if (task == Task::Detection)
                renderBoxes(c, start, b.heatmap[n].data_ptr<float>(), b.sizes[n].data_ptr<float>(), b.sizeMask[n].data_ptr<float>());
        }
    }
    if (options_.augment) augment(b, rng);
    b.image = b.image.to(device_);
    if (b.labels.defined()) b.labels = b.labels.to(device_);
    if (b.heatmap.defined()) {
        b.heatmap = b.heatmap.to(device_);
        b.sizes = b.sizes.to(device_);
        b.sizeMask = b.sizeMask.to(device_);
    }
    return b;
}

void simulateThickSlices(torch::Tensor image, int axis, double factor) {
    torch::NoGradGuard noGrad;
    namespace F = torch::nn::functional;
    const std::vector<int64_t> full{image.size(1), image.size(2), image.size(3)};
    std::vector<int64_t> thin = full;
    thin[std::size_t(axis)] = std::max<int64_t>(1, std::llround(double(full[std::size_t(axis)]) / factor));
    const torch::Tensor down = F::interpolate(image.unsqueeze(0), F::InterpolateFuncOptions().size(thin).mode(torch::kArea));
    image.copy_(F::interpolate(down, F::InterpolateFuncOptions().size(full).mode(torch::kTrilinear).align_corners(false)).squeeze(0));
}

void BatchSampler::augment(Batch& b, std::mt19937& rng) const {
    torch::NoGradGuard noGrad;
    const int64_t N = b.image.size(0);
    const bool dense = manifest_.task != Task::Classification;
    // Spatial targets travel with the image through flips and the affine.
    std::vector<torch::Tensor> targets;
    if (manifest_.task == Task::Segmentation) targets.push_back(b.labels.unsqueeze(1).to(torch::kFloat));
    if (manifest_.task == Task::Detection) targets.push_back(torch::cat({b.heatmap, b.sizes, b.sizeMask}, 1));
    for (int64_t n = 0; n < N; ++n) {
        for (int a = 0; a < 3; ++a) {
            if (!options_.flipAxes[static_cast<std::size_t>(a)] || !chance(rng, 0.5)) continue;
            b.image[n].copy_(b.image[n].flip({a + 1}));
            for (auto& t : targets) t[n].copy_(t[n].flip({a + 1}));
        }
    }
    // Rotation (±15° about each axis) and scaling (0.9–1.1), half of the samples.
    std::vector<float> theta;
    bool anyAffine = false;
    for (int64_t n = 0; n < N; ++n) {
        const bool on = chance(rng, 0.5);
        anyAffine |= on;
        const double ax = on ? uniform(rng, -0.26, 0.26) : 0, ay = on ? uniform(rng, -0.26, 0.26) : 0, az = on ? uniform(rng, -0.26, 0.26) : 0;
        const double s = on ? uniform(rng, 0.9, 1.1) : 1;
        const torch::Tensor rx = torch::tensor({1.0, 0.0, 0.0, 0.0, std::cos(ax), -std::sin(ax), 0.0, std::sin(ax), std::cos(ax)}).view({3, 3});
        const torch::Tensor ry = torch::tensor({std::cos(ay), 0.0, std::sin(ay), 0.0, 1.0, 0.0, -std::sin(ay), 0.0, std::cos(ay)}).view({3, 3});
        const torch::Tensor rz = torch::tensor({std::cos(az), -std::sin(az), 0.0, std::sin(az), std::cos(az), 0.0, 0.0, 0.0, 1.0}).view({3, 3});
        const torch::Tensor r = (rx.mm(ry).mm(rz) * s).to(torch::kFloat);
        for (int i = 0; i < 3; ++i) {
            for (int j = 0; j < 3; ++j) theta.push_back(r[i][j].item<float>());
            theta.push_back(0);
        }
    }
    if (anyAffine && dense) {
        const auto grid = torch::nn::functional::affine_grid(torch::tensor(theta).view({N, 3, 4}), b.image.sizes(), false);
        namespace F = torch::nn::functional;
        b.image = F::grid_sample(b.image, grid, F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kZeros).align_corners(false));
        for (auto& t : targets)
            t = F::grid_sample(t, grid, F::GridSampleFuncOptions().mode(torch::kNearest).padding_mode(torch::kZeros).align_corners(false));
    }
    // Intensity: scale/shift, gamma, noise, a smooth multiplicative bias field.
    const int64_t I = b.image.size(2), J = b.image.size(3), K = b.image.size(4);
    const auto xs = torch::linspace(-1, 1, I).view({I, 1, 1}), ys = torch::linspace(-1, 1, J).view({1, J, 1}),
               zs = torch::linspace(-1, 1, K).view({1, 1, K});
    for (int64_t n = 0; n < N; ++n) {
        torch::Tensor x = b.image[n];
        if (chance(rng, 0.5)) x.mul_(uniform(rng, 0.9, 1.1)).add_(uniform(rng, -0.1, 0.1));
        if (chance(rng, 0.3)) {
            const auto lo = x.min(), hi = x.max();
            const auto range = (hi - lo).clamp_min(1e-6);
            x.copy_(((x - lo) / range).pow(uniform(rng, 0.7, 1.5)) * range + lo);
        }
        if (chance(rng, 0.25)) simulateThickSlices(x, std::min(2, int(uniform(rng, 0, 3))), uniform(rng, 1.5, 4.0));
        if (chance(rng, 0.3)) x.add_(torch::randn_like(x) * uniform(rng, 0.0, 0.1));
        if (chance(rng, 0.3)) {
            auto c = [&] { return uniform(rng, -0.2, 0.2); };
            const auto field = torch::exp(c() * xs + c() * ys + c() * zs + c() * xs * ys + c() * ys * zs + c() * xs * zs +
                                          c() * xs * xs + c() * ys * ys + c() * zs * zs);
            x.mul_(field);
        }
    }
    if (manifest_.task == Task::Segmentation) b.labels = targets[0].squeeze(1).round().to(torch::kLong);
    if (manifest_.task == Task::Detection) {
        const int64_t classes = b.heatmap.size(1);
        b.heatmap = targets[0].narrow(1, 0, classes).contiguous();
        b.sizes = targets[0].narrow(1, classes, 3).contiguous();
        b.sizeMask = targets[0].narrow(1, classes + 3, 1).contiguous();
    }
}

}  // namespace lumen::ai::internal
