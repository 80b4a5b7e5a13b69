#include "ai/MonaiBundleImporter.h"

#include "ai/JsonFile.h"
#include "ai/ModelError.h"
#include "ai/ModelPackage.h"

#include <algorithm>
#include <fstream>
#include <set>

namespace lumen::ai {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json readJson(const fs::path& file) {
    fs::path yaml = file;
    yaml.replace_extension(".yaml");
    if (!fs::exists(file) && fs::exists(yaml))
        throw ModelError(yaml.string() + ": YAML bundle configs are not read; convert it to " + file.filename().string());
    return readJsonFile(file, "missing (not a MONAI bundle?)");
}

// MONAI transform names with or without the dictionary suffix "d" and a "monai.transforms." path.
std::string baseName(std::string target) {
    if (const auto dot = target.rfind('.'); dot != std::string::npos) target = target.substr(dot + 1);
    static const std::set<std::string> names = {
        "LoadImage", "EnsureChannelFirst", "AddChannel", "Orientation", "Spacing", "ScaleIntensityRange",
        "ScaleIntensityRangePercentiles", "NormalizeIntensity", "CropForeground", "Activations", "AsDiscrete",
        "KeepLargestConnectedComponent", "EnsureType", "ToTensor", "CastToType", "Invert", "SaveImage", "CopyItems",
        "Compose", "SlidingWindowInferer", "SimpleInferer"};
    if (!names.count(target) && target.size() > 1 && target.back() == 'd' && names.count(target.substr(0, target.size() - 1)))
        target.pop_back();
    return target;
}

class Translator {
public:
    explicit Translator(const json& config) : config_(config) {}

    // Resolves "@key" (also "@a#b" paths) against the config; "$" expressions are refused.
    json value(const json& v, const std::string& where) {
        if (v.is_string()) {
            const std::string s = v.get<std::string>();
            if (!s.empty() && s[0] == '@') {
                json node = config_;
                std::string path = s.substr(1);
                for (std::size_t start = 0;;) {
                    const auto hash = path.find('#', start);
                    const std::string key = path.substr(start, hash - start);
                    if (node.is_object() && node.contains(key)) node = node[key];
                    else if (node.is_array() && !key.empty() && std::all_of(key.begin(), key.end(), ::isdigit) &&
                             std::stoul(key) < node.size()) node = node[std::stoul(key)];
                    else {
                        problem(where + ": reference " + s + " does not resolve");
                        return json();
                    }
                    if (hash == std::string::npos) break;
                    start = hash + 1;
                }
                return value(node, where);
            }
            if (!s.empty() && s[0] == '$') {
                problem(where + ": Python expression " + s + " cannot be evaluated");
                return json();
            }
        }
        return v;
    }
    json arg(const json& t, const std::string& key, const std::string& where, const json& fallback = json()) {
        return t.contains(key) ? value(t[key], where + "." + key) : fallback;
    }
    void problem(const std::string& p) { problems_.push_back(p); }
    const std::vector<std::string>& problems() const { return problems_; }

    void transform(const json& t, ModelManifest& m, const std::string& where) {
        if (!t.is_object() || !t.contains("_target_")) {
            problem(where + ": not a transform");
            return;
        }
        const std::string name = baseName(value(t["_target_"], where).get<std::string>());
        if (name == "Compose") {
            const json list = arg(t, "transforms", where, json::array());
            for (std::size_t i = 0; i < list.size(); ++i) transform(value(list[i], where), m, where + "[" + std::to_string(i) + "]");
        } else if (name == "LoadImage" || name == "EnsureChannelFirst" || name == "AddChannel" || name == "EnsureType" ||
                   name == "ToTensor" || name == "CastToType" || name == "Invert" || name == "SaveImage" || name == "CopyItems") {
            // Lumen reads, channels, inverts onto the input grid and writes by itself.
        } else if (name == "Orientation") {
            const json codes = arg(t, "axcodes", where);
            if (codes.is_string()) m.input.orientation = codes.get<std::string>();
            else if (!t.contains("axcodes")) problem(where + " (Orientation): axcodes missing");
        } else if (name == "Spacing") {
            const json pixdim = arg(t, "pixdim", where);
            if (pixdim.is_array() && pixdim.size() == 3 && std::all_of(pixdim.begin(), pixdim.end(), [](const json& x) { return x.is_number() && x.get<double>() > 0; }))
                m.input.spacing = core::Vector3{pixdim[0].get<double>(), pixdim[1].get<double>(), pixdim[2].get<double>()};
            else if (!pixdim.is_null() || !t.contains("pixdim")) problem(where + " (Spacing): pixdim must be three positive numbers");
        } else if (name == "ScaleIntensityRange") {
            auto& n = m.input.normalization;
            n.kind = Normalization::Kind::Window;
            n.low = arg(t, "a_min", where, 0.0).get<double>();
            n.high = arg(t, "a_max", where, 1.0).get<double>();
            n.outLow = arg(t, "b_min", where, 0.0).get<double>();
            n.outHigh = arg(t, "b_max", where, 1.0).get<double>();
            n.clip = arg(t, "clip", where, false).get<bool>();
        } else if (name == "ScaleIntensityRangePercentiles") {
            auto& n = m.input.normalization;
            n.kind = Normalization::Kind::Percentile;
            n.low = arg(t, "lower", where, 0.0).get<double>();
            n.high = arg(t, "upper", where, 100.0).get<double>();
            n.outLow = arg(t, "b_min", where, 0.0).get<double>();
            n.outHigh = arg(t, "b_max", where, 1.0).get<double>();
            n.clip = arg(t, "clip", where, false).get<bool>();
            if (arg(t, "relative", where, false).get<bool>()) problem(where + " (ScaleIntensityRangePercentiles): relative=true is not supported");
        } else if (name == "NormalizeIntensity") {
            if (t.contains("subtrahend") || t.contains("divisor")) problem(where + " (NormalizeIntensity): fixed subtrahend/divisor are not supported");
            m.input.normalization.kind = Normalization::Kind::ZScore;
            m.input.normalization.nonzero = arg(t, "nonzero", where, false).get<bool>();
        } else if (name == "CropForeground") {
            if (t.contains("select_fn")) problem(where + " (CropForeground): a custom select_fn is not supported (default: > 0)");
            const json margin = arg(t, "margin", where, 0);
            m.input.cropForeground = true;
            m.input.cropThreshold = 0;
            m.input.cropMargin = margin.is_array() ? margin.at(0).get<int>() : margin.get<int>();
        } else if (name == "Activations") {
            if (arg(t, "softmax", where, false).get<bool>()) m.output.activation = OutputSpec::Activation::Softmax;
            else if (arg(t, "sigmoid", where, false).get<bool>()) m.output.activation = OutputSpec::Activation::Sigmoid;
        } else if (name == "AsDiscrete") {
            if (arg(t, "argmax", where, false).get<bool>()) m.output.decision = OutputSpec::Decision::Argmax;
            else if (t.contains("threshold") || t.contains("threshold_values")) {
                m.output.decision = OutputSpec::Decision::Threshold;
                const json th = arg(t, "threshold", where, 0.5);
                m.output.threshold = th.is_number() ? th.get<double>() : 0.5;
            }
        } else if (name == "KeepLargestConnectedComponent") {
            m.output.keepLargestComponent = true;
            const json labels = arg(t, "applied_labels", where, json::array());
            for (const json& l : labels.is_array() ? labels : json::array({labels})) m.output.keepLargestLabels.push_back(l.get<std::uint16_t>());
        } else if (name == "SlidingWindowInferer") {
            const json roi = arg(t, "roi_size", where);
            if (roi.is_array() && roi.size() == 3) m.input.patchSize = {roi[0].get<int>(), roi[1].get<int>(), roi[2].get<int>()};
            else if (!roi.is_null() || !t.contains("roi_size")) problem(where + " (SlidingWindowInferer): roi_size must have three entries");
            m.input.batchSize = arg(t, "sw_batch_size", where, 1).get<int>();
            m.input.overlap = arg(t, "overlap", where, 0.25).get<double>();
            const std::string mode = arg(t, "mode", where, "constant").get<std::string>();
            if (mode == "gaussian") m.input.blending = InputSpec::Blending::Gaussian;
            else if (mode == "constant") m.input.blending = InputSpec::Blending::Constant;
            else problem(where + " (SlidingWindowInferer): mode " + mode + " is not supported");
        } else if (name == "SimpleInferer") {
            problem(where + ": SimpleInferer (whole image in one pass) is not supported; Lumen needs a roi_size");
        } else {
            problem(where + ": " + t["_target_"].get<std::string>() + " cannot be translated");
        }
    }

private:
    const json& config_;
    std::vector<std::string> problems_;
};

std::string sanitized(std::string s) {
    for (char& c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') c = '-';
    return s.empty() ? "imported" : s.substr(0, 64);
}

}  // namespace

ModelManifest MonaiBundleImporter::translate(const fs::path& bundle) {
    const json metadata = readJson(bundle / "configs/metadata.json");
    const json inference = readJson(bundle / "configs/inference.json");
    if (!fs::is_regular_file(bundle / "models/model.ts"))
        throw ModelError((bundle / "models/model.ts").string() + ": missing (the bundle's TorchScript network)");
    Translator tr(inference);
    ModelManifest m;
    m.name = sanitized(metadata.value("name", bundle.filename().string()));
    m.version = sanitized(metadata.value("version", "1.0"));
    m.description = metadata.value("description", "");
    m.task = Task::Segmentation;
    m.input.batchSize = 1;
    m.output.activation = OutputSpec::Activation::None;

    const json format = metadata.value("network_data_format", json::object());
    const json inputs = format.value("inputs", json::object()), outputs = format.value("outputs", json::object());
    if (inputs.size() != 1 || outputs.size() != 1)
        tr.problem("metadata.json: network_data_format must have one input and one output (has " + std::to_string(inputs.size()) +
                   " and " + std::to_string(outputs.size()) + ")");
    else {
        const json in = inputs.begin().value(), out = outputs.begin().value();
        m.input.channels = in.value("num_channels", 1);
        if (in.value("modality", "") != "") m.input.modality = in.value("modality", "");
        if (out.value("format", "segmentation") != "segmentation")
            tr.problem("metadata.json: output format \"" + out.value("format", "") + "\": only segmentation bundles are imported");
        const json channels = out.value("channel_def", json::object());
        const int n = out.value("num_channels", static_cast<int>(channels.size()));
        for (int c = 1; c < n; ++c) {
            const std::string key = std::to_string(c);
            const std::string name = channels.contains(key) ? channels[key].get<std::string>() : "label " + key;
            m.labels.set({static_cast<std::uint16_t>(c), name, core::LabelTable::defaultColor(static_cast<std::uint16_t>(c))});
        }
        if (n < 2) tr.problem("metadata.json: a segmentation output needs at least 2 channels (background + 1)");
    }
    for (const char* section : {"preprocessing", "inferer", "postprocessing"}) {
        if (!inference.contains(section)) {
            if (std::string(section) != "postprocessing") tr.problem(std::string("inference.json: no \"") + section + "\"");
            continue;
        }
        tr.transform(tr.value(inference[section], section), m, section);
    }
    if (!tr.problems().empty()) {
        std::string message = bundle.string() + ": cannot import this MONAI bundle; " + std::to_string(tr.problems().size()) +
                               (tr.problems().size() == 1 ? " step" : " steps") + " could not be translated:";
        for (const auto& p : tr.problems()) message += "\n  - " + p;
        throw ModelError(message);
    }
    m.card = {{"source", "MONAI bundle"}, {"bundle_version", metadata.value("version", "")},
              {"authors", metadata.value("authors", "")}, {"copyright", metadata.value("copyright", "")},
              {"intended_use", metadata.value("intended_use", "")}, {"references", metadata.value("references", json::array())}};
    m.sha256 = std::string(64, '0');
    ModelManifest::fromJson(m.toJson(), "translated manifest");  // the result must validate as a manifest
    return m;
}

ModelManifest MonaiBundleImporter::import(const fs::path& bundle, const fs::path& out) {
    ModelManifest m = translate(bundle);
    m.provenance.command = "lumen-ai import-monai " + bundle.string();
    return ModelPackage::create(out, bundle / "models/model.ts", m).manifest();
}

}  // namespace lumen::ai
