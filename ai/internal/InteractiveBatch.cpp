#include "ai/internal/InteractiveBatch.h"

#include "ai/IntensityNormalizer.h"
#include "ai/ModelError.h"
#include "ai/Resampler.h"
#include "ai/RobotUser.h"
#include "ai/internal/BinaryComponents.h"
#include "ai/internal/TorchNetworkImpl.h"
#include "core/Progress.h"

#include <algorithm>
#include <cmath>

namespace lumen::ai::internal {

namespace {

constexpr std::size_t kClickCandidates = 2000;

double uniform(std::mt19937& rng, double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }
bool chance(std::mt19937& rng, double p) { return uniform(rng, 0, 1) < p; }
template <typename T> const T& pick(std::mt19937& rng, const std::vector<T>& v) {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}

// A random rotation (up to 15° about a random axis, Rodrigues) with random mirroring: the ROI's
// axes, so that the network does not learn the image axes' directions.
core::Matrix3 randomAxes(std::mt19937& rng, const core::Matrix3& image) {
    std::normal_distribution<double> g;
    const core::Vector3 u = core::Vector3{g(rng), g(rng), g(rng)}.normalized();
    const double a = uniform(rng, -15, 15) * M_PI / 180, c = std::cos(a), s = std::sin(a);
    core::Matrix3 r;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            const double cross = i == j ? 0 : (((i + 1) % 3 == j ? -1 : 1) * u[3 - i - j]);
            r(i, j) = (i == j ? c : 0) + (1 - c) * u[i] * u[j] + s * cross;
        }
    core::Matrix3 axes = image * r;
    for (int col = 0; col < 3; ++col)
        if (chance(rng, 0.5))
            for (int row = 0; row < 3; ++row) axes(row, col) = -axes(row, col);
    return axes;
}

core::Point3 worldOf(const core::ImageGeometry& g, std::size_t v) {
    const auto& d = g.dims();
    return g.indexToWorld({double(v % d[0]), double((v / d[0]) % d[1]), double(v / (d[0] * d[1]))});
}

}  // namespace

InteractiveSampler::InteractiveSampler(const ModelManifest& m, const TrainerOptions& options, const std::vector<TrainingSample>& cases,
                                       const DeviceInfo& device, core::Progress* progress)
    : manifest_(m), options_(options), device_(device.cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU)) {
    if (m.input.spacing) spec_.baseSpacing = m.input.spacing->x;
    spec_.size = m.input.patchSize;
    std::mt19937 rng(options.seed ^ 0x5eed);
    for (const TrainingSample& s : cases) {
        if (progress) progress->checkCanceled();
        if (!s.labels.fits(s.volume.geometry(), 1e-3)) throw ModelError(s.label + ": label map is not on its image's grid");
        Case c;
        c.image = toFloatImageFirstChannel(s.volume);
        normalizeInput(c.image, m.input);  // over the whole image, as InteractiveSegmenter does
        LabelObjects objects = labelObjects(s.labels);
        c.component = std::move(objects.id);
        for (std::size_t k = 0; k < objects.objects.size(); ++k) {
            Object o;
            o.id = static_cast<std::uint16_t>(k + 1);
            o.lo = objects.objects[k].extent.lo;
            o.hi = objects.objects[k].extent.hi;
            c.objects.push_back(o);
        }
        std::vector<std::size_t> seen(c.objects.size() + 1, 0);
        for (std::size_t v = 0; v < c.component.size(); ++v) {
            const std::uint16_t id = c.component[v];
            if (!id) continue;
            auto& list = c.objects[id - 1].voxels;  // reservoir sampling: a uniform subset
            if (list.size() < kClickCandidates) list.push_back(static_cast<std::uint32_t>(v));
            else if (auto r = std::uniform_int_distribution<std::size_t>(0, seen[id])(rng); r < kClickCandidates)
                list[r] = static_cast<std::uint32_t>(v);
            ++seen[id];
        }
        if (!c.objects.empty()) cases_.push_back(std::move(c));
    }
    if (cases_.empty()) throw ModelError("no training case has a labelled object of at least 30 voxels");
}

InteractiveSampler::Draft InteractiveSampler::draft(std::mt19937& rng) const {
    for (;;) {
        const Case& c = pick(rng, cases_);
        const Object& o = pick(rng, c.objects);
        const core::ImageGeometry& grid = c.image.geometry;
        const core::Matrix3 axes = randomAxes(rng, grid.direction());
        RoiExtent extent(axes);
        for (int corner = 0; corner < 8; ++corner)
            extent.add(grid.indexToWorld({double(corner & 1 ? o.hi[0] : o.lo[0]), double(corner & 2 ? o.hi[1] : o.lo[1]),
                                          double(corner & 4 ? o.hi[2] : o.lo[2])}));
        const int fit = spec_.scaleFor(extent.extentMm());
        const core::Point3 seed = worldOf(grid, pick(rng, o.voxels));
        int scale = fit;
        core::Point3 centre = extent.centre();
        if (chance(rng, 0.5)) {  // the object in view (a later step), sometimes too coarse a view of it
            if (fit > 1 && chance(rng, 0.2)) scale = fit / 2;
            for (int a = 0; a < 3; ++a) centre += axes.column(a) * (uniform(rng, -0.1, 0.1) * spec_.size[a] * spec_.baseSpacing * scale);
        } else {  // a first click's view: centred on it, at 1 … the object's scale
            scale = 1 << std::uniform_int_distribution<int>(0, int(std::log2(fit)))(rng);
            centre = seed;
        }
        const core::ImageGeometry roi = spec_.place(axes, centre, scale);
        Draft d;
        d.truth.resize(roi.voxelCount());
        const std::uint16_t id = o.id;
        const std::uint16_t* component = c.component.data();
        sampleNearest(grid, roi, [component, id](std::size_t v) { return component[v] == id ? 1.0f : 0.0f; }, d.truth.data());
        if (std::count(d.truth.begin(), d.truth.end(), 1.0f) < 8) continue;  // barely in view: draw again
        d.view = resampleLinear(c.image, roi, 1);
        if (options_.augment) {  // intensity: the ROI's normalised values get a new response
            const double gamma = std::exp(uniform(rng, std::log(0.7), std::log(1.5))), gain = uniform(rng, 0.9, 1.1),
                         shift = uniform(rng, -0.1, 0.1), sd = uniform(rng, 0, 0.05);
            std::normal_distribution<float> noise(0, float(sd));
            for (float& x : d.view.data)
                x = float(gain * std::pow(std::max(0.0, double(x)), gamma) + shift) + noise(rng);
        }
        d.mask.assign(roi.voxelCount(), 0.0f);
        const double first = uniform(rng, 0, 1);
        if (first < 0.1) {  // Refine: a starting mask that is off by a few voxels, no prompt
            const int axis = std::uniform_int_distribution<int>(0, 2)(rng), by = std::uniform_int_distribution<int>(-3, 3)(rng);
            const auto& n = roi.dims();
            for (std::size_t k = 0, v = 0; k < n[2]; ++k)
                for (std::size_t j = 0; j < n[1]; ++j)
                    for (std::size_t i = 0; i < n[0]; ++i, ++v) {
                        std::array<long, 3> x{long(i), long(j), long(k)};
                        x[axis] -= by;
                        if (x[0] < 0 || x[1] < 0 || x[2] < 0 || x[0] >= long(n[0]) || x[1] >= long(n[1]) || x[2] >= long(n[2])) continue;
                        d.mask[v] = d.truth[(std::size_t(x[2]) * n[1] + std::size_t(x[1])) * n[0] + std::size_t(x[0])];
                    }
        } else if (first < 0.25) {  // a box around the object as the user sees it, 3D or drawn on an axial view
            RoiExtent lps(core::Matrix3::identity());
            const double z = roi.indexToWorld(roi.worldToIndex(seed)).z;
            const bool flat = chance(rng, 0.5);
            for (std::size_t v = 0; v < d.truth.size(); ++v)
                if (d.truth[v] > 0) {
                    const core::Point3 w = worldOf(roi, v);
                    if (!flat || std::abs(w.z - z) <= roi.spacing().x / 2) lps.add(w);
                }
            if (lps.empty()) lps.add(seed);
            const core::Vector3 size = lps.extentMm();
            core::Point3 lo = lps.centre() - size * 0.5, hi = lps.centre() + size * 0.5;
            for (int a = 0; a < 3; ++a) {
                if (flat && a == 2) continue;
                lo[a] += uniform(rng, -0.1, 0.1) * size[a];
                hi[a] += uniform(rng, -0.1, 0.1) * size[a];
            }
            d.prompts.push_back(InteractivePrompt::box(lo, hi));
        } else {  // a click inside the object: where the user clicked, or the deepest voxel if that is out of view
            std::vector<std::uint8_t> inside(d.truth.begin(), d.truth.end());
            const core::Vector3 x = roi.worldToIndex(seed);
            const bool visible = x.x >= 0 && x.y >= 0 && x.z >= 0 && x.x <= roi.dims()[0] - 1 && x.y <= roi.dims()[1] - 1 &&
                                 x.z <= roi.dims()[2] - 1;
            d.prompts.push_back(InteractivePrompt::click(visible ? seed : deepestVoxel(roi, inside.data())->world, true));
        }
        return d;
    }
}

Batch InteractiveSampler::sample(std::mt19937& rng, TorchNetworkImpl& network) const {
    const int64_t N = options_.batchSize;
    std::vector<Draft> drafts;
    for (int64_t n = 0; n < N; ++n) drafts.push_back(draft(rng));
    const auto inputs = [&]() {
        std::vector<torch::Tensor> list;
        for (const Draft& d : drafts) list.push_back(network.batchOf(interactiveInput(d.view, d.mask.data(), d.prompts)));
        return torch::cat(list, 0);
    };
    const int rounds = std::uniform_int_distribution<int>(0, 3)(rng);
    for (int round = 0; round < rounds; ++round) {
        torch::Tensor probability;
        {
            torch::NoGradGuard noGrad;
            probability = torch::softmax(network.forward(inputs()), 1).select(1, 1).permute({0, 3, 2, 1}).to(torch::kCPU).contiguous();
        }
        for (int64_t n = 0; n < N; ++n) {
            Draft& d = drafts[std::size_t(n)];
            const float* p = probability[n].data_ptr<float>();
            std::vector<std::uint8_t> truth(d.truth.size()), predicted(d.truth.size());
            for (std::size_t v = 0; v < d.truth.size(); ++v) {
                truth[v] = d.truth[v] > 0;
                predicted[v] = p[v] > 0.5f;
                d.mask[v] = predicted[v];
            }
            if (const auto click = robotClick(d.view.geometry, truth.data(), predicted.data()))
                d.prompts.push_back(InteractivePrompt::click(click->world, click->positive));
        }
    }
    Batch b;
    b.image = inputs();
    std::vector<torch::Tensor> labels;
    for (const Draft& d : drafts) {
        const FloatImage truth{d.view.geometry, 1, d.truth};
        labels.push_back(network.batchOf(truth).select(1, 0).round().to(torch::kLong));
    }
    b.labels = torch::cat(labels, 0).to(device_);
    b.image = b.image.to(device_);
    return b;
}

}  // namespace lumen::ai::internal
