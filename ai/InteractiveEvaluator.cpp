#include "ai/InteractiveEvaluator.h"

#include "ai/InteractiveSegmenter.h"
#include "ai/RegionGrowing.h"
#include "ai/Resampler.h"
#include "ai/RobotUser.h"
#include "ai/internal/BinaryComponents.h"
#include "core/Progress.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace lumen::ai {

using nlohmann::json;

namespace {

double dice(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    std::size_t both = 0, na = 0, nb = 0;
    for (std::size_t v = 0; v < a.size(); ++v) {
        na += a[v] != 0;
        nb += b[v] != 0;
        both += a[v] && b[v];
    }
    return na + nb ? 2.0 * double(both) / double(na + nb) : 1.0;
}

double rounded(double x) { return std::round(x * 1e4) / 1e4; }

double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(std::ceil(q * double(v.size()))) - (q > 0 ? 1 : 0))];
}

// Dice after each of `clicks` robot clicks; `segment` returns the mask after the prompts so far.
std::vector<double> curve(const core::ImageGeometry& grid, const std::vector<std::uint8_t>& truth, int clicks,
                          const std::function<const std::vector<std::uint8_t>&(const InteractivePrompt&)>& segment) {
    std::vector<double> out;
    std::optional<RobotClick> click = deepestVoxel(grid, truth.data());
    for (int k = 0; k < clicks; ++k) {
        if (!click) {  // nothing left to correct
            out.push_back(1.0);
            continue;
        }
        const std::vector<std::uint8_t>& mask = segment(InteractivePrompt::click(click->world, click->positive));
        out.push_back(dice(mask, truth));
        click = robotClick(grid, truth.data(), mask.data());
    }
    return out;
}

struct Tally {
    std::vector<std::vector<double>> curves;
    void add(std::vector<double> c) { curves.push_back(std::move(c)); }
    json summary(int clicks) const {
        json after = json::array();
        for (int k = 0; k < clicks; ++k) {
            double sum = 0;
            for (const auto& c : curves) sum += c[std::size_t(k)];
            after.push_back(rounded(curves.empty() ? 0 : sum / double(curves.size())));
        }
        json reach = json::object();
        for (const double target : {0.85, 0.9}) {
            double sum = 0;
            std::size_t reached = 0;
            for (const auto& c : curves) {
                const auto it = std::find_if(c.begin(), c.end(), [&](double d) { return d >= target; });
                sum += it == c.end() ? clicks : double(it - c.begin() + 1);
                reached += it != c.end();
            }
            const double n = double(std::max<std::size_t>(1, curves.size()));
            reach[target == 0.85 ? "0.85" : "0.9"] = {{"mean_clicks", rounded(sum / n)}, {"reached", rounded(double(reached) / n)}};
        }
        double mean = 0;
        for (const auto& d : after) mean += d.get<double>();
        return {{"objects", curves.size()}, {"dice_after_clicks", after}, {"clicks_to_dice", reach},
                {"mean_dice", rounded(clicks ? mean / clicks : 0)}};
    }
};

}  // namespace

json evaluateInteractive(const ModelManifest& m, TorchNetwork& network, const std::vector<TrainingSample>& cases,
                         const InteractiveEvalOptions& options, core::Progress* progress) {
    const int clicks = std::max(1, options.clicks);
    std::map<std::string, Tally> model, baseline;
    std::map<std::string, std::map<int, Tally>> byLabel;  // group → label value: where the model is weak
    std::vector<double> latency;
    if (progress) progress->beginStage("evaluate", cases.size());
    for (const TrainingSample& c : cases) {
        if (progress) progress->checkCanceled();
        const std::string group = c.group.empty() ? "all" : c.group;
        const FloatImage image = toFloatImageFirstChannel(c.volume);
        InteractiveSegmenter segmenter(m, network, image);
        const internal::LabelObjects objects = internal::labelObjects(c.labels);
        const core::ImageGeometry& grid = image.geometry;
        for (std::size_t o = 0; o < objects.objects.size(); ++o) {
            std::vector<std::uint8_t> truth(objects.id.size());
            for (std::size_t v = 0; v < truth.size(); ++v) truth[v] = objects.id[v] == o + 1;
            segmenter.startObject();
            auto result = curve(grid, truth, clicks, [&](const InteractivePrompt& p) -> const std::vector<std::uint8_t>& {
                latency.push_back(segmenter.add({p}).ms);
                return segmenter.mask();
            });
            model[group].add(result);
            byLabel[group][objects.objects[o].value].add(result);
            if (group != "all") model["all"].add(result);
            if (!options.baseline) continue;
            std::vector<InteractivePrompt> prompts;
            std::vector<std::uint8_t> grown;
            result = curve(grid, truth, clicks, [&](const InteractivePrompt& p) -> const std::vector<std::uint8_t>& {
                prompts.push_back(p);
                grown = growRegion(image, prompts);
                return grown;
            });
            baseline[group].add(result);
            if (group != "all") baseline["all"].add(result);
        }
        if (progress) progress->advance();
    }
    json out = model["all"].summary(clicks);
    out["cases"] = cases.size();
    out["clicks"] = clicks;
    out["score"] = out["mean_dice"];
    out["latency_ms"] = {{"p50", rounded(quantile(latency, 0.5))}, {"p95", rounded(quantile(latency, 0.95))},
                         {"max", rounded(quantile(latency, 1.0))}, {"prompts", latency.size()}};
    if (options.baseline) out["baseline_region_growing"] = baseline["all"].summary(clicks);
    json labels = json::object();
    for (const auto& [group, values] : byLabel)
        for (const auto& [value, tally] : values) {
            const json s = tally.summary(clicks);
            labels[group][std::to_string(value)] = {{"objects", s["objects"]}, {"dice_after_clicks", s["dice_after_clicks"]}};
        }
    out["by_label"] = labels;
    if (model.size() > 1) {
        json groups = json::object();
        for (const auto& [name, tally] : model) {
            if (name == "all") continue;
            groups[name] = tally.summary(clicks);
            if (options.baseline) groups[name]["baseline_region_growing"] = baseline[name].summary(clicks);
        }
        out["groups"] = groups;
    }
    return out;
}

}  // namespace lumen::ai
