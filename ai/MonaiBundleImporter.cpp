#include "ai/MonaiBundleImporter.h"

#include "ai/JsonFile.h"
#include "ai/ModelError.h"
#include "ai/ModelPackage.h"
#include "ai/internal/MonaiConfig.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

namespace lumen::ai {

namespace fs = std::filesystem;
using nlohmann::json;
using internal::MonaiConfig;
using internal::truthy;

namespace {

// MONAI transform names without a module path and the dictionary suffix "d".
std::string baseName(std::string target) {
    if (const auto dot = target.rfind('.'); dot != std::string::npos) target = target.substr(dot + 1);
    static const std::set<std::string> names = {
        "LoadImage", "EnsureChannelFirst", "AddChannel", "Orientation", "Spacing", "ScaleIntensityRange", "ScaleIntensity",
        "ScaleIntensityRangePercentiles", "NormalizeIntensity", "CropForeground", "Activations", "AsDiscrete", "DivisiblePad",
        "SpatialPad", "KeepLargestConnectedComponent", "EnsureType", "ToTensor", "ToDevice", "CastToType", "Invert", "SaveImage",
        "CopyItems", "Compose", "SlidingWindowInferer", "SimpleInferer", "SliceInferer", "Lambda", "Identity"};
    if (!names.count(target) && target.size() > 1 && target.back() == 'd' && names.count(target.substr(0, target.size() - 1)))
        target.pop_back();
    return target;
}

// The steps that only load, type, move or save data: Lumen does those by itself.
bool bookkeeping(const std::string& name) {
    static const std::set<std::string> steps = {"LoadImage", "EnsureChannelFirst", "AddChannel", "EnsureType", "ToTensor",
                                                "ToDevice", "CastToType", "SaveImage", "CopyItems", "Identity"};
    return steps.count(name) > 0;
}

// BraTS-style merging of overlapping sigmoid channels into labels, the one Python lambda whose
// meaning is exact: torch.where(x[[c]] > 0, v, torch.where(...,  0)) — first channel set wins.
bool parsePriorityMerge(const std::string& text, std::vector<std::pair<int, int>>& order) {
    static const std::regex head("^\\$?lambda\\s+(\\w+)\\s*:\\s*");
    std::smatch m;
    if (!std::regex_search(text, m, head)) return false;
    const std::string x = m[1].str();
    std::string rest = m.suffix().str();
    const std::regex step("^torch\\.where\\(\\s*" + x + "\\[\\[(\\d+)\\]\\]\\s*>\\s*0(\\.0*)?\\s*,\\s*(\\d+)\\s*,\\s*");
    std::size_t depth = 0;
    while (std::regex_search(rest, m, step)) {
        order.push_back({std::stoi(m[1].str()), std::stoi(m[3].str())});
        rest = m.suffix().str();
        ++depth;
    }
    static const std::regex tail("^0\\s*(\\)\\s*)*$");
    return depth > 0 && std::regex_match(rest, tail) && std::count(rest.begin(), rest.end(), ')') == long(depth);
}

class Translator {
public:
    Translator(const MonaiConfig& config, ModelManifest& m) : config_(config), m_(m) {}

    json value(const json& v, const std::string& where) {
        std::vector<std::string> found;
        const json resolved = config_.resolve(v, where, found);
        for (const auto& p : found) problem(p);
        return resolved;
    }
    json arg(const json& t, const std::string& key, const std::string& where, const json& fallback = json()) {
        if (!t.contains(key)) return fallback;
        const json v = value(t[key], where + "." + key);
        return v.is_null() ? fallback : v;
    }
    bool flag(const json& t, const std::string& key, const std::string& where, bool fallback) {
        return truthy(arg(t, key, where), fallback);
    }
    double number(const json& t, const std::string& key, const std::string& where, double fallback) {
        const json v = arg(t, key, where, fallback);
        if (v.is_number()) return v.get<double>();
        problem(where + "." + key + " must be a number");
        return fallback;
    }
    void problem(const std::string& p) {
        if (std::find(problems_.begin(), problems_.end(), p) == problems_.end()) problems_.push_back(p);
    }
    void note(const std::string& n) { notes_.push_back(n); }
    std::vector<std::string>& problems() { return problems_; }
    const std::vector<std::string>& notes() const { return notes_; }
    const std::vector<std::pair<int, int>>& merge() const { return merge_; }

    void section(const json& t, const std::string& where) {
        if (!t.is_object() || !t.contains("_target_")) {
            problem(where + ": not a transform");
            return;
        }
        const json target = value(t["_target_"], where);
        if (!target.is_string()) return;
        const std::string name = baseName(target.get<std::string>());
        if (name == "Compose") {
            const json list = arg(t, "transforms", where, json::array());
            for (std::size_t i = 0; i < list.size(); ++i) section(value(list[i], where), where + "[" + std::to_string(i) + "]");
            return;
        }
        if (bookkeeping(name) || truthy(t.value("_disabled_", json(false)), false)) return;
        const std::string at = where + " (" + name + ")";
        if (name == "Orientation") orientation(t, at);
        else if (name == "Spacing") spacing(t, at);
        else if (name == "ScaleIntensityRange" || name == "ScaleIntensityRangePercentiles" || name == "NormalizeIntensity" || name == "ScaleIntensity")
            intensity(name, t, at);
        else if (name == "CropForeground") cropForeground(t, at);
        else if (name == "DivisiblePad" || name == "SpatialPad") pad(name, t, at);
        else if (name == "SlidingWindowInferer") slidingWindow(t, at);
        else if (name == "SimpleInferer") m_.input.wholeImage = true;
        else if (name == "SliceInferer") problem(at + ": a 2D network run slice by slice is not supported (Lumen runs 3D networks)");
        else if (name == "Activations") activations(t, at);
        else if (name == "AsDiscrete") asDiscrete(t, at);
        else if (name == "Invert") invert(t, at);
        else if (name == "KeepLargestConnectedComponent") keepLargest(t, at);
        else if (name == "Lambda") lambda(t, at);
        else problem(where + ": " + target.get<std::string>() + " cannot be translated");
    }

    // After every section: what the order of the steps implies.
    void finish() {
        if (decidedBeforeInvert_ && !inverted_) m_.output.decideOnModelGrid = true;
    }

private:
    void orientation(const json& t, const std::string& at) {
        const json codes = arg(t, "axcodes", at);
        if (codes.is_string() && codes.get<std::string>().size() == 3) m_.input.orientation = codes.get<std::string>();
        else problem(at + ": axcodes must be a three-letter code");
    }

    void spacing(const json& t, const std::string& at) {
        const json pixdim = arg(t, "pixdim", at);
        if (pixdim.is_array() && pixdim.size() == 3 && std::all_of(pixdim.begin(), pixdim.end(), [](const json& x) { return x.is_number() && x.get<double>() > 0; }))
            m_.input.spacing = core::Vector3{pixdim[0].get<double>(), pixdim[1].get<double>(), pixdim[2].get<double>()};
        else if (!t.contains("pixdim") || !pixdim.is_null())  // null: the reference's problem is listed already
            problem(at + ": pixdim must be three positive numbers");
    }

    void intensity(const std::string& name, const json& t, const std::string& at) {
        if (padded_) problem(at + ": an intensity step after padding (the padding would be rescaled) is not supported");
        Normalization n;
        n.channelWise = flag(t, "channel_wise", at, false);
        if (name == "ScaleIntensityRange") {
            n.kind = Normalization::Kind::Window;
            n.low = number(t, "a_min", at, 0), n.high = number(t, "a_max", at, 1);
            n.outLow = number(t, "b_min", at, 0), n.outHigh = number(t, "b_max", at, 1);
            n.clip = flag(t, "clip", at, false);
            if (t.contains("b_min") && arg(t, "b_min", at).is_null()) problem(at + ": b_min=None (no output scaling) is not supported");
        } else if (name == "ScaleIntensityRangePercentiles") {
            n.kind = Normalization::Kind::Percentile;
            n.low = number(t, "lower", at, 0), n.high = number(t, "upper", at, 100);
            n.outLow = number(t, "b_min", at, 0), n.outHigh = number(t, "b_max", at, 1);
            n.clip = flag(t, "clip", at, false);
            if (flag(t, "relative", at, false)) problem(at + ": relative=true is not supported");
        } else if (name == "NormalizeIntensity") {
            if (t.contains("subtrahend") || t.contains("divisor")) problem(at + ": a fixed subtrahend/divisor is not supported");
            n.kind = Normalization::Kind::ZScore;
            n.nonzero = flag(t, "nonzero", at, false);
        } else {  // ScaleIntensity: min–max onto [minv, maxv]
            if (t.contains("factor") && !arg(t, "factor", at).is_null()) problem(at + ": factor scaling is not supported (only minv/maxv)");
            n.kind = Normalization::Kind::MinMax;
            n.outLow = number(t, "minv", at, 0), n.outHigh = number(t, "maxv", at, 1);
            for (const char* key : {"minv", "maxv"})
                if (t.contains(key) && t[key].is_null()) problem(at + ": " + key + "=None is not supported");
        }
        if (m_.input.normalization.kind == Normalization::Kind::None) m_.input.normalization = n;
        else m_.input.normalizationAfter.push_back(n);
    }

    // MONAI crops where the (already scaled) image is > 0; Lumen finds the box on the input's
    // real values, so the threshold is carried back through the scaling before it.
    void cropForeground(const json& t, const std::string& at) {
        if (t.contains("select_fn")) problem(at + ": a custom select_fn is not supported (default: > 0)");
        if (number(t, "k_divisible", at, 1) != 1) problem(at + ": k_divisible other than 1 is not supported");
        const json margin = arg(t, "margin", at, 0);
        m_.input.cropMargin = margin.is_array() ? margin.at(0).get<int>() : margin.is_number() ? margin.get<int>() : 0;
        m_.input.cropForeground = true;
        m_.input.cropThreshold = 0;
        if (!m_.input.normalizationAfter.empty()) {
            problem(at + ": cropping after several intensity steps cannot be carried back to the input's values");
            return;
        }
        const Normalization& n = m_.input.normalization;
        if (n.kind == Normalization::Kind::None) return;
        if (n.kind != Normalization::Kind::Window || n.outHigh <= n.outLow || n.high <= n.low) {
            problem(at + ": cropping after a data-dependent intensity step cannot be carried back to the input's values");
            return;
        }
        // (v − a_min)·(b_max − b_min)/(a_max − a_min) + b_min > 0, clipped to [b_min, b_max].
        if (n.clip && n.outLow >= 0) {
            if (n.outLow > 0) m_.input.cropForeground = false;  // every voxel is > 0: nothing is cropped
            else m_.input.cropThreshold = n.low;
            return;
        }
        if (n.clip && n.outHigh <= 0) {
            problem(at + ": no voxel is > 0 after the scaling before it");
            return;
        }
        m_.input.cropThreshold = n.low - n.outLow * (n.high - n.low) / (n.outHigh - n.outLow);
    }

    void pad(const std::string& name, const json& t, const std::string& at) {
        const std::string mode = arg(t, "mode", at, "constant").is_string() ? arg(t, "mode", at, "constant").get<std::string>() : "?";
        const std::string method = arg(t, "method", at, "symmetric").is_string() ? arg(t, "method", at, "symmetric").get<std::string>() : "?";
        if (mode != "constant") problem(at + ": mode " + mode + " is not supported (zeros only)");
        if (method != "symmetric") problem(at + ": method " + method + " is not supported (symmetric only)");
        const json size = arg(t, name == "DivisiblePad" ? "k" : "spatial_size", at);
        std::array<int, 3> v{};
        if (size.is_number_integer()) v.fill(size.get<int>());
        else if (size.is_array() && size.size() == 3 && std::all_of(size.begin(), size.end(), [](const json& x) { return x.is_number_integer(); }))
            v = {size[0].get<int>(), size[1].get<int>(), size[2].get<int>()};
        else return problem(at + ": the size must be an integer or three");
        if (name == "DivisiblePad") m_.input.padMultiple = v;
        else m_.input.padMinimum = v;
        padded_ = true;
    }

    void slidingWindow(const json& t, const std::string& at) {
        const json roi = arg(t, "roi_size", at);
        if (roi.is_array() && roi.size() == 3 && std::all_of(roi.begin(), roi.end(), [](const json& x) { return x.is_number_integer() && x.get<int>() > 0; }))
            m_.input.patchSize = {roi[0].get<int>(), roi[1].get<int>(), roi[2].get<int>()};
        else problem(at + ": roi_size must be three positive integers");
        m_.input.batchSize = std::clamp(static_cast<int>(number(t, "sw_batch_size", at, 1)), 1, 256);
        m_.input.overlap = number(t, "overlap", at, 0.25);
        const std::string mode = arg(t, "mode", at, "constant").get<std::string>();
        if (mode == "gaussian") m_.input.blending = InputSpec::Blending::Gaussian;
        else if (mode == "constant") m_.input.blending = InputSpec::Blending::Constant;
        else problem(at + ": mode " + mode + " is not supported");
        if (t.contains("sigma_scale") && number(t, "sigma_scale", at, 0.125) != 0.125) problem(at + ": sigma_scale other than 0.125 is not supported");
        const std::string padding = arg(t, "padding_mode", at, "constant").get<std::string>();
        if (padding == "replicate") m_.input.padding = InputSpec::Padding::Replicate;
        else if (padding != "constant") problem(at + ": padding_mode " + padding + " is not supported (constant, replicate)");
        else if (t.contains("cval") && number(t, "cval", at, 0) != 0) problem(at + ": padding with a value other than 0 is not supported");
    }

    void activations(const json& t, const std::string& at) {
        if (t.contains("other") && !arg(t, "other", at).is_null()) problem(at + ": a custom activation (other) is not supported");
        if (flag(t, "softmax", at, false)) m_.output.activation = OutputSpec::Activation::Softmax;
        else if (flag(t, "sigmoid", at, false)) m_.output.activation = OutputSpec::Activation::Sigmoid;
    }

    void asDiscrete(const json& t, const std::string& at) {
        if (!arg(t, "to_onehot", at).is_null() && arg(t, "to_onehot", at) != json(false)) problem(at + ": to_onehot output is not a label map");
        if (flag(t, "argmax", at, false)) m_.output.decision = OutputSpec::Decision::Argmax;
        else if (t.contains("threshold") || t.contains("threshold_values")) {
            m_.output.decision = OutputSpec::Decision::Threshold;
            const json th = arg(t, "threshold", at, 0.5);
            m_.output.threshold = th.is_number() ? th.get<double>() : 0.5;
        } else {
            problem(at + ": neither argmax nor threshold");
        }
        decided_ = true;
        if (!inverted_) decidedBeforeInvert_ = true;
    }

    // Probabilities interpolated back and then decided is Lumen's default. Deciding on the model
    // grid first is kept by carrying the labels back by nearest neighbour.
    void invert(const json& t, const std::string& at) {
        inverted_ = true;
        const bool nearest = flag(t, "nearest_interp", at, true);
        if (decided_) {
            m_.output.decideOnModelGrid = true;
            if (!nearest)
                note(at + ": MONAI interpolates the discrete labels bilinearly (fractional values at label borders); "
                          "Lumen carries them back by nearest neighbour");
        } else if (nearest) {
            m_.output.decideOnModelGrid = true;  // nearest probabilities decide as the nearest decision
        }
        if (keptLargestBeforeInvert_)
            note(at + ": MONAI keeps the largest component on the model grid, Lumen on the image's grid");
    }

    void keepLargest(const json& t, const std::string& at) {
        if (!arg(t, "connectivity", at).is_null() && number(t, "connectivity", at, 3) != 3)
            problem(at + ": connectivity other than full (26-connected) is not supported");
        if (!flag(t, "independent", at, true)) problem(at + ": independent=false is not supported");
        m_.output.keepLargestComponent = true;
        const json labels = arg(t, "applied_labels", at, json::array());
        for (const json& l : labels.is_array() ? labels : json::array({labels}))
            if (l.is_number_integer()) m_.output.keepLargestLabels.push_back(l.get<std::uint16_t>());
        if (!inverted_) keptLargestBeforeInvert_ = true;
    }

    void lambda(const json& t, const std::string& at) {
        const json func = t.contains("func") ? t["func"] : json();  // not evaluated: it is Python
        std::vector<std::pair<int, int>> order;
        if (!func.is_string() || !decided_ || m_.output.decision != OutputSpec::Decision::Threshold ||
            !parsePriorityMerge(func.get<std::string>(), order)) {
            problem(at + ": Python function " + (func.is_string() ? func.get<std::string>() : std::string("?")) + " cannot be translated");
            return;
        }
        merge_ = order;
    }

    const MonaiConfig& config_;
    ModelManifest& m_;
    std::vector<std::string> problems_, notes_;
    std::vector<std::pair<int, int>> merge_;  // (channel, label value) by priority
    bool decided_ = false, inverted_ = false, decidedBeforeInvert_ = false, keptLargestBeforeInvert_ = false, padded_ = false;
};

std::string sanitized(std::string s) {
    for (char& c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') c = '-';
    return s.empty() ? "imported" : s.substr(0, 64);
}

// The labels from the output's channel_def, as the decision reads the channels: argmax's
// channel 0 is background; threshold channels are labels 1..n, or the merge's values.
void outputLabels(const json& out, Translator& tr, ModelManifest& m) {
    const json channels = out.value("channel_def", json::object());
    const int n = out.value("num_channels", static_cast<int>(channels.size()));
    const auto nameOf = [&](int c) {
        const std::string key = std::to_string(c);
        return channels.contains(key) && channels[key].is_string() ? channels[key].get<std::string>() : "label " + key;
    };
    if (m.output.decision == OutputSpec::Decision::Argmax) {
        if (n < 2) tr.problem("metadata.json: an argmax output needs at least 2 channels (background + 1)");
        for (int c = 1; c < n; ++c) m.labels.set({static_cast<std::uint16_t>(c), nameOf(c), core::LabelTable::defaultColor(static_cast<std::uint16_t>(c))});
        return;
    }
    if (tr.merge().empty()) {
        for (int c = 0; c < n; ++c) m.labels.set({static_cast<std::uint16_t>(c + 1), nameOf(c), core::LabelTable::defaultColor(static_cast<std::uint16_t>(c + 1))});
        return;
    }
    // Merged: channel c gives value v; Lumen's decider gives channel c the c-th smallest value.
    std::map<int, int> valueOf(tr.merge().begin(), tr.merge().end());
    if (int(valueOf.size()) != n || valueOf.begin()->first != 0 || valueOf.rbegin()->first != n - 1) {
        tr.problem("postprocessing: the merge must name every output channel once");
        return;
    }
    int last = 0;
    for (const auto& [c, v] : valueOf) {
        if (v <= last || v > 65535) return tr.problem("postprocessing: merged label values must rise with the channel number");
        last = v;
        m.labels.set({static_cast<std::uint16_t>(v), nameOf(c), core::LabelTable::defaultColor(static_cast<std::uint16_t>(v))});
    }
    for (const auto& [c, v] : tr.merge()) m.output.thresholdOrder.push_back(c);
}

}  // namespace

MonaiBundleImporter::Translation MonaiBundleImporter::check(const fs::path& bundle) {
    const json metadata = readJsonFile(bundle / "configs/metadata.json", "missing (not a MONAI bundle?)");
    const MonaiConfig inference = MonaiConfig::read(bundle / "configs", "inference");
    ModelManifest m;
    m.name = sanitized(metadata.value("name", bundle.filename().string()));
    m.version = sanitized(metadata.value("version", "1.0"));
    m.description = metadata.value("description", "");
    m.task = Task::Segmentation;
    m.input.batchSize = 1;
    m.output.activation = OutputSpec::Activation::None;
    Translator tr(inference, m);

    const json format = metadata.value("network_data_format", json::object());
    const json inputs = format.value("inputs", json::object()), outputs = format.value("outputs", json::object());
    for (const char* section : {"preprocessing", "inferer", "postprocessing"}) {
        if (!inference.root().contains(section)) {
            if (std::string(section) != "postprocessing") tr.problem(std::string("inference config: no \"") + section + "\"");
            continue;
        }
        tr.section(tr.value(inference.root()[section], section), section);
    }
    tr.finish();
    if (inputs.size() != 1 || outputs.size() != 1) {
        tr.problem("metadata.json: network_data_format must have one input and one output (has " + std::to_string(inputs.size()) +
                   " and " + std::to_string(outputs.size()) + ")");
    } else {
        const json in = inputs.begin().value(), out = outputs.begin().value();
        m.input.channels = in.value("num_channels", 1);
        if (in.value("modality", "") != "") m.input.modality = in.value("modality", "");
        if (const std::string f = out.value("format", "segmentation"); f != "segmentation" && f != "labels")
            tr.problem("metadata.json: output format \"" + out.value("format", "") + "\": only segmentation bundles are imported");
        else
            outputLabels(out, tr, m);
    }
    m.card = {{"source", "MONAI bundle"}, {"bundle_version", metadata.value("version", "")},
              {"authors", metadata.value("authors", "")}, {"copyright", metadata.value("copyright", "")},
              {"intended_use", metadata.value("intended_use", "")}, {"references", metadata.value("references", json::array())}};
    if (!tr.notes().empty()) m.card["import_notes"] = tr.notes();
    m.sha256 = std::string(64, '0');
    Translation result;
    if (tr.problems().empty()) {
        try {
            ModelManifest::fromJson(m.toJson(), "translated manifest");  // the result must validate as a manifest
            result.manifest = m;
        } catch (const ModelError& e) {
            tr.problem(e.what());
        }
    }
    result.problems = tr.problems();
    result.notes = tr.notes();
    return result;
}

ModelManifest MonaiBundleImporter::translate(const fs::path& bundle) {
    if (!fs::is_regular_file(bundle / "models/model.ts"))
        throw ModelError((bundle / "models/model.ts").string() + ": missing (the bundle's TorchScript network)");
    const Translation t = check(bundle);
    if (!t.problems.empty()) {
        std::string message = bundle.string() + ": cannot import this MONAI bundle; " + std::to_string(t.problems.size()) +
                              (t.problems.size() == 1 ? " step" : " steps") + " could not be translated:";
        for (const auto& p : t.problems) message += "\n  - " + p;
        throw ModelError(message);
    }
    return *t.manifest;
}

ModelManifest MonaiBundleImporter::import(const fs::path& bundle, const fs::path& out) {
    ModelManifest m = translate(bundle);
    m.provenance.command = "lumen-ai import-monai " + bundle.string();
    return ModelPackage::create(out, bundle / "models/model.ts", m).manifest();
}

}  // namespace lumen::ai
