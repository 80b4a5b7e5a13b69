#include "ai/ModelManifest.h"

#include "ai/ModelError.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace lumen::ai {

using nlohmann::json;

namespace {

// Reads one JSON object, collecting every problem instead of stopping at the first: a user fixing
// a manifest by hand should see them all at once. Unknown keys are errors (they are usually typos).
class FieldReader {
public:
    FieldReader(const json& object, std::string where, std::vector<std::string>& errors)
        : object_(object), where_(std::move(where)), errors_(errors) {
        if (!object_.is_object()) error("", "must be an object");
    }
    ~FieldReader() {
        if (!object_.is_object()) return;
        for (const auto& item : object_.items())
            if (!known_.count(item.key())) error(item.key(), "is not a known field");
    }

    const json* find(const std::string& key) {
        known_.insert(key);
        if (!object_.is_object()) return nullptr;
        auto it = object_.find(key);
        return it == object_.end() || it->is_null() ? nullptr : &*it;
    }
    bool has(const std::string& key) { return find(key) != nullptr; }

    template <typename T>
    T get(const std::string& key, T fallback, bool required = false) {
        const json* v = find(key);
        if (!v) {
            if (required) error(key, "is required");
            return fallback;
        }
        try {
            return v->get<T>();
        } catch (const json::exception&) {
            error(key, "has the wrong type (" + std::string(v->type_name()) + ")");
            return fallback;
        }
    }
    double number(const std::string& key, double fallback, double min, double max, bool required = false) {
        const json* v = find(key);
        if (v && !v->is_number()) {
            error(key, "must be a number");
            return fallback;
        }
        const double x = get<double>(key, fallback, required);
        if (v && (x < min || x > max)) {
            std::ostringstream s;
            s << "must be within [" << min << ", " << max << "], is " << x;
            error(key, s.str());
        }
        return x;
    }
    std::string choice(const std::string& key, const std::string& fallback, const std::vector<std::string>& allowed,
                       bool required = false) {
        const std::string v = get<std::string>(key, fallback, required);
        if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
            error(key, "must be one of " + list + " (is \"" + v + "\")");
        }
        return v;
    }
    std::string path(const std::string& key) const { return where_.empty() ? key : where_ + "." + key; }
    void error(const std::string& key, const std::string& message) {
        errors_.push_back((key.empty() ? where_ : path(key)) + " " + message);
    }

private:
    const json& object_;
    std::string where_;
    std::vector<std::string>& errors_;
    std::set<std::string> known_;
};

core::Rgba parseColor(const json& v, const std::string& where, std::vector<std::string>& errors) {
    core::Rgba c;
    if (!v.is_array() || v.size() < 3 || v.size() > 4) {
        errors.push_back(where + " must be [r, g, b] or [r, g, b, a] with values 0..255");
        return c;
    }
    std::array<std::uint8_t, 4> rgba{0, 0, 0, 255};
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_number_integer() || v[i].get<int>() < 0 || v[i].get<int>() > 255) {
            errors.push_back(where + " must be [r, g, b] or [r, g, b, a] with values 0..255");
            return c;
        }
        rgba[i] = static_cast<std::uint8_t>(v[i].get<int>());
    }
    return {rgba[0], rgba[1], rgba[2], rgba[3]};
}

core::LabelTable parseLabels(const json& root, std::vector<std::string>& errors) {
    core::LabelTable table;
    auto it = root.find("labels");
    if (it == root.end() || !it->is_array() || it->empty()) {
        errors.push_back("labels must be a non-empty array of {value, name, color}");
        return table;
    }
    for (std::size_t n = 0; n < it->size(); ++n) {
        FieldReader r((*it)[n], "labels[" + std::to_string(n) + "]", errors);
        core::Label label;
        label.value = static_cast<std::uint16_t>(r.number("value", 1, 1, 65535, true));
        label.name = r.get<std::string>("name", "", true);
        label.color = core::LabelTable::defaultColor(label.value);
        if (const json* c = r.find("color")) label.color = parseColor(*c, r.path("color"), errors);
        if (table.find(label.value)) r.error("value", "repeats label " + std::to_string(label.value));
        if (label.value != 0) table.set(label);  // 0 (background, or a value out of range): already an error
    }
    return table;
}

Normalization parseNormalization(const json* v, const std::string& where, std::vector<std::string>& errors) {
    Normalization n;
    if (!v) return n;
    FieldReader r(*v, where, errors);
    const std::string kind = r.choice("kind", "none", {"none", "window", "zscore", "percentile", "minmax"}, true);
    if (kind == "window") {
        n.kind = Normalization::Kind::Window;
        n.low = r.number("min", 0, -1e9, 1e9, true);
        n.high = r.number("max", 1, -1e9, 1e9, true);
    } else if (kind == "percentile") {
        n.kind = Normalization::Kind::Percentile;
        n.low = r.number("lower", 0.5, 0, 100, true);
        n.high = r.number("upper", 99.5, 0, 100, true);
    } else if (kind == "zscore") {
        n.kind = Normalization::Kind::ZScore;
        n.nonzero = r.get<bool>("nonzero", false);
    } else if (kind == "minmax") {
        n.kind = Normalization::Kind::MinMax;
    }
    n.channelWise = r.get<bool>("channel_wise", true);
    if (n.kind == Normalization::Kind::Window || n.kind == Normalization::Kind::Percentile || n.kind == Normalization::Kind::MinMax) {
        n.outLow = r.number("b_min", 0, -1e9, 1e9);
        n.outHigh = r.number("b_max", 1, -1e9, 1e9);
    }
    if (n.kind == Normalization::Kind::Window || n.kind == Normalization::Kind::Percentile) {
        n.clip = r.get<bool>("clip", true);
        if (n.high <= n.low) r.error("", "needs max > min (upper > lower)");
    }
    return n;
}

// One step (an object) or a chain (an array of steps, applied in order).
void parseNormalizations(const json* v, InputSpec& in, std::vector<std::string>& errors) {
    if (!v || !v->is_array()) {
        in.normalization = parseNormalization(v, "input.normalization", errors);
        return;
    }
    for (std::size_t n = 0; n < v->size(); ++n) {
        const Normalization step = parseNormalization(&(*v)[n], "input.normalization[" + std::to_string(n) + "]", errors);
        if (n == 0) in.normalization = step;
        else in.normalizationAfter.push_back(step);
    }
}

std::array<int, 3> parseTriple(FieldReader& r, const char* key, int fallback, int lo, int hi) {
    const json* p = r.find(key);
    if (!p) return {fallback, fallback, fallback};
    if (!p->is_array() || p->size() != 3 ||
        !std::all_of(p->begin(), p->end(), [&](const json& x) { return x.is_number_integer() && x.get<int>() >= lo && x.get<int>() <= hi; })) {
        r.error(key, "must be three integers in " + std::to_string(lo) + ".." + std::to_string(hi));
        return {fallback, fallback, fallback};
    }
    return {(*p)[0].get<int>(), (*p)[1].get<int>(), (*p)[2].get<int>()};
}

json normalizationJson(const Normalization& n) {
    json j;
    switch (n.kind) {
        case Normalization::Kind::None: j = {{"kind", "none"}}; break;
        case Normalization::Kind::ZScore: j = {{"kind", "zscore"}, {"nonzero", n.nonzero}}; break;
        case Normalization::Kind::Window:
            j = {{"kind", "window"}, {"min", n.low}, {"max", n.high}, {"b_min", n.outLow}, {"b_max", n.outHigh}, {"clip", n.clip}};
            break;
        case Normalization::Kind::Percentile:
            j = {{"kind", "percentile"}, {"lower", n.low}, {"upper", n.high}, {"b_min", n.outLow}, {"b_max", n.outHigh}, {"clip", n.clip}};
            break;
        case Normalization::Kind::MinMax: j = {{"kind", "minmax"}, {"b_min", n.outLow}, {"b_max", n.outHigh}}; break;
    }
    if (!n.channelWise) j["channel_wise"] = false;
    return j;
}

bool validOrientation(const std::string& code) {
    if (code.size() != 3) return false;
    std::set<int> axes;
    for (char c : code) {
        const std::string letters = "LRPAIS";
        const auto p = letters.find(c);
        if (p == std::string::npos) return false;
        axes.insert(static_cast<int>(p / 2));
    }
    return axes.size() == 3;
}

InputSpec parseInput(const json* v, Task task, std::vector<std::string>& errors) {
    InputSpec in;
    if (!v) {
        errors.push_back("input is required");
        return in;
    }
    FieldReader r(*v, "input", errors);
    in.modality = r.get<std::string>("modality", "");
    in.channels = static_cast<int>(r.number("channels", 1, 1, 16));
    if (const json* s = r.find("spacing")) {
        if (!s->is_array() || s->size() != 3 || !std::all_of(s->begin(), s->end(), [](const json& x) { return x.is_number() && x.get<double>() > 0; }))
            r.error("spacing", "must be three positive numbers (mm)");
        else
            in.spacing = core::Vector3{(*s)[0].get<double>(), (*s)[1].get<double>(), (*s)[2].get<double>()};
    }
    in.orientation = r.get<std::string>("orientation", "");
    if (!in.orientation.empty() && !validOrientation(in.orientation))
        r.error("orientation", "must be a three-letter code such as RAS or LPS (is \"" + in.orientation + "\")");
    parseNormalizations(r.find("normalization"), in, errors);
    const json* p = r.find("patch_size");
    if (!p || !p->is_array() || p->size() != 3 ||
        !std::all_of(p->begin(), p->end(), [](const json& x) { return x.is_number_integer() && x.get<int>() >= 1 && x.get<int>() <= 1024; }))
        r.error("patch_size", "must be three integers in 1..1024 (voxels along i, j, k)");
    else
        in.patchSize = {(*p)[0].get<int>(), (*p)[1].get<int>(), (*p)[2].get<int>()};
    in.resizeToPatch = r.get<bool>("resize_to_patch", task == Task::Classification);
    in.wholeImage = r.get<bool>("whole_image", false);
    in.padMultiple = parseTriple(r, "pad_to_multiple", 1, 1, 1024);
    in.padMinimum = parseTriple(r, "pad_to_size", 0, 0, 4096);
    in.padding = r.choice("padding", "constant", {"constant", "replicate"}) == "replicate" ? InputSpec::Padding::Replicate
                                                                                          : InputSpec::Padding::Constant;
    if (const json* crop = r.find("crop_foreground")) {
        FieldReader c(*crop, "input.crop_foreground", errors);
        in.cropForeground = true;
        in.cropThreshold = c.number("threshold", 0, -1e9, 1e9);
        in.cropMargin = static_cast<int>(c.number("margin", 0, 0, 1000));
    }
    in.overlap = r.number("overlap", 0.25, 0, 0.95);
    in.blending = r.choice("blending", "gaussian", {"gaussian", "constant"}) == "constant" ? InputSpec::Blending::Constant
                                                                                           : InputSpec::Blending::Gaussian;
    in.batchSize = static_cast<int>(r.number("batch_size", 4, 1, 256));
    in.allowHalfPrecision = r.get<bool>("fp16", false);
    return in;
}

OutputSpec parseOutput(const json* v, Task task, std::vector<std::string>& errors) {
    OutputSpec out;
    if (!v) {
        errors.push_back("output is required");
        return out;
    }
    FieldReader r(*v, "output", errors);
    const std::string act = r.choice("activation", task == Task::Segmentation || task == Task::Classification || task == Task::Interactive ? "softmax" : "sigmoid",
                                     {"none", "softmax", "sigmoid"});
    out.activation = act == "none" ? OutputSpec::Activation::None
                     : act == "sigmoid" ? OutputSpec::Activation::Sigmoid : OutputSpec::Activation::Softmax;
    if (task == Task::Segmentation) {
        out.decision = r.choice("decision", out.activation == OutputSpec::Activation::Sigmoid ? "threshold" : "argmax",
                                {"argmax", "threshold"}) == "threshold" ? OutputSpec::Decision::Threshold : OutputSpec::Decision::Argmax;
        out.threshold = r.number("threshold", 0.5, 0, 1);
        out.thresholdOrder = r.get<std::vector<int>>("threshold_order", {});
        out.decideOnModelGrid = r.get<bool>("decide_on_model_grid", false);
        out.keepLargestComponent = r.get<bool>("keep_largest_component", false);
        out.keepLargestLabels = r.get<std::vector<std::uint16_t>>("keep_largest_labels", {});
        out.minComponentMm3 = r.number("min_component_mm3", 0, 0, 1e9);
    } else if (task == Task::Detection) {
        out.boxEncoding = r.choice("box_encoding", "centre_heatmap", {"centre_heatmap"});
        out.scoreThreshold = r.number("score_threshold", 0.5, 0, 1);
        out.nmsIou = r.number("nms_iou", 0.3, 0, 1);
        out.maxDetections = static_cast<int>(r.number("max_detections", 50, 1, 10000));
        out.temperature = r.number("temperature", 1.0, 1e-3, 1e3);  // of the centre heatmaps' logits
        if (out.activation == OutputSpec::Activation::Softmax) r.error("activation", "must be sigmoid or none for detection heatmaps");
    } else {
        out.temperature = r.number("temperature", 1.0, 1e-3, 1e3);
        if (out.activation == OutputSpec::Activation::None) r.error("activation", "must be softmax or sigmoid for classification");
    }
    return out;
}

Provenance parseProvenance(const json* v, std::vector<std::string>& errors) {
    Provenance p;
    if (!v) return p;
    FieldReader r(*v, "provenance", errors);
    p.parentVersion = r.get<std::string>("parent_version", "");
    p.command = r.get<std::string>("command", "");
    p.created = r.get<std::string>("created", "");
    if (const json* m = r.find("metrics")) {
        if (m->is_object()) p.metrics = *m;
        else r.error("metrics", "must be an object");
    }
    if (const json* cases = r.find("training_cases")) {
        if (!cases->is_array()) r.error("training_cases", "must be an array");
        else
            for (std::size_t n = 0; n < cases->size(); ++n) {
                FieldReader c((*cases)[n], "provenance.training_cases[" + std::to_string(n) + "]", errors);
                TrainingCase t;
                t.image = c.get<std::string>("image", "", true);
                t.label = c.get<std::string>("label", "");
                t.imageSha256 = c.get<std::string>("image_sha256", "");
                t.labelSha256 = c.get<std::string>("label_sha256", "");
                p.trainingCases.push_back(t);
            }
    }
    return p;
}

bool isHex64(const std::string& s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) && !std::isupper(static_cast<unsigned char>(c)); });
}

}  // namespace

std::string taskName(Task task) {
    switch (task) {
        case Task::Segmentation: return "segmentation";
        case Task::Detection: return "detection";
        case Task::Classification: return "classification";
        case Task::Interactive: return "interactive_segmentation";
    }
    return "?";
}

bool isValidVersionName(const std::string& text) {
    if (text.empty() || text == "." || text == ".." || text.size() > 64) return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
    });
}

ModelManifest ModelManifest::fromJson(const json& root, const std::string& origin) {
    std::vector<std::string> errors;
    ModelManifest m;
    {
        FieldReader r(root, "", errors);
        m.name = r.get<std::string>("name", "", true);
        m.version = r.get<std::string>("version", "", true);
        m.description = r.get<std::string>("description", "");
        if (r.has("name") && !isValidVersionName(m.name)) r.error("name", "may hold only letters, digits, '.', '_' and '-'");
        if (r.has("version") && !isValidVersionName(m.version)) r.error("version", "may hold only letters, digits, '.', '_' and '-'");
        const std::string task =
            r.choice("task", "segmentation", {"segmentation", "detection", "classification", "interactive_segmentation"}, true);
        m.task = task == "detection"                  ? Task::Detection
                 : task == "classification"           ? Task::Classification
                 : task == "interactive_segmentation" ? Task::Interactive
                                                      : Task::Segmentation;
        r.find("labels");
        if (root.is_object()) m.labels = parseLabels(root, errors);
        m.input = parseInput(r.find("input"), m.task, errors);
        m.output = parseOutput(r.find("output"), m.task, errors);
        m.sha256 = r.get<std::string>("sha256", "", true);
        if (r.has("sha256") && !isHex64(m.sha256)) r.error("sha256", "must be 64 lower-case hex digits (sha256 of model.pt)");
        m.provenance = parseProvenance(r.find("provenance"), errors);
        if (const json* card = r.find("card")) {
            if (card->is_object()) m.card = *card;
            else r.error("card", "must be an object");
        }
        if (const json* a = r.find("applicability")) m.applicability = ModelApplicability::fromJson(*a, "applicability", errors);
        if (const json* o = r.find("ood")) m.ood = OodSpec::fromJson(*o, "ood", errors);
        r.find("schema");
    }
    const auto ownLabels = [&](const auto& perLabel, const char* key) {
        for (const auto& entry : perLabel)
            if (!m.labels.find(entry.first))
                errors.push_back(std::string("applicability.") + key + ": " + std::to_string(entry.first) + " is not one of the model's labels");
    };
    ownLabels(m.applicability.labelVolumeMl, "label_volume_ml");
    ownLabels(m.applicability.labelComponents, "label_components");
    ownLabels(m.applicability.labelOffsetMm, "label_offset_mm");
    for (int c : m.output.thresholdOrder)
        if (c < 0 || static_cast<std::size_t>(c) >= m.labels.size() || m.output.decision != OutputSpec::Decision::Threshold) {
            errors.push_back("output.threshold_order: channel " + std::to_string(c) + " is not one of the labels' channels (0.." +
                             std::to_string(int(m.labels.size()) - 1) + "), or the decision is not threshold");
            break;
        }
    if (m.task == Task::Interactive && (m.input.channels != 6 || m.labels.size() != 1 || !m.input.spacing))
        errors.push_back("an interactive_segmentation model takes 6 input channels (image, mask, positive and negative clicks, boxes, "
                         "image on the prompted tissue's scale), "
                         "has one label (the object) and an input spacing (its region of interest's)");
    if (m.task == Task::Classification && m.labels.size() < 2 && m.output.activation == OutputSpec::Activation::Softmax)
        errors.push_back("labels: a softmax classifier needs at least 2 classes");
    if (!errors.empty()) {
        std::string message = origin + ": " + std::to_string(errors.size()) + (errors.size() == 1 ? " problem" : " problems");
        for (const auto& e : errors) message += "\n  - " + (e.front() == ' ' ? e.substr(1) : e);
        throw ModelError(message);
    }
    return m;
}

json ModelManifest::toJson() const {
    json labelsJson = json::array();
    for (const auto& l : labels.labels())
        labelsJson.push_back({{"value", l.value}, {"name", l.name}, {"color", {l.color.r, l.color.g, l.color.b}}});
    json in = {{"modality", input.modality},
               {"channels", input.channels},
               {"normalization", normalizationJson(input.normalization)},
               {"patch_size", input.patchSize},
               {"overlap", input.overlap},
               {"blending", input.blending == InputSpec::Blending::Gaussian ? "gaussian" : "constant"},
               {"batch_size", input.batchSize},
               {"fp16", input.allowHalfPrecision}};
    if (input.spacing) in["spacing"] = {input.spacing->x, input.spacing->y, input.spacing->z};
    if (!input.orientation.empty()) in["orientation"] = input.orientation;
    if (task == Task::Classification || input.resizeToPatch) in["resize_to_patch"] = input.resizeToPatch;
    if (!input.normalizationAfter.empty()) {
        json chain = json::array({normalizationJson(input.normalization)});
        for (const auto& n : input.normalizationAfter) chain.push_back(normalizationJson(n));
        in["normalization"] = chain;
    }
    if (input.wholeImage) in["whole_image"] = true;
    if (input.padMultiple != std::array<int, 3>{1, 1, 1}) in["pad_to_multiple"] = input.padMultiple;
    if (input.padMinimum != std::array<int, 3>{0, 0, 0}) in["pad_to_size"] = input.padMinimum;
    if (input.padding == InputSpec::Padding::Replicate) in["padding"] = "replicate";
    if (input.cropForeground) in["crop_foreground"] = {{"threshold", input.cropThreshold}, {"margin", input.cropMargin}};

    const char* act = output.activation == OutputSpec::Activation::None      ? "none"
                      : output.activation == OutputSpec::Activation::Sigmoid ? "sigmoid" : "softmax";
    json out = {{"activation", act}};
    if (task == Task::Segmentation) {
        out["decision"] = output.decision == OutputSpec::Decision::Argmax ? "argmax" : "threshold";
        out["threshold"] = output.threshold;
        if (!output.thresholdOrder.empty()) out["threshold_order"] = output.thresholdOrder;
        if (output.decideOnModelGrid) out["decide_on_model_grid"] = true;
        out["keep_largest_component"] = output.keepLargestComponent;
        if (!output.keepLargestLabels.empty()) out["keep_largest_labels"] = output.keepLargestLabels;
        out["min_component_mm3"] = output.minComponentMm3;
    } else if (task == Task::Detection) {
        out["box_encoding"] = output.boxEncoding;
        out["score_threshold"] = output.scoreThreshold;
        out["nms_iou"] = output.nmsIou;
        out["max_detections"] = output.maxDetections;
        if (output.temperature != 1.0) out["temperature"] = output.temperature;  // a package written before stays as it was
    } else {
        out["temperature"] = output.temperature;
    }
    json cases = json::array();
    for (const auto& c : provenance.trainingCases)
        cases.push_back({{"image", c.image}, {"label", c.label}, {"image_sha256", c.imageSha256}, {"label_sha256", c.labelSha256}});
    json prov = {{"parent_version", provenance.parentVersion}, {"training_cases", cases},
                 {"metrics", provenance.metrics}, {"command", provenance.command}, {"created", provenance.created}};
    json j = {{"schema", "lumen-model/1"}, {"name", name}, {"version", version}, {"description", description},
              {"task", taskName(task)}, {"labels", labelsJson}, {"input", in}, {"output", out},
              {"sha256", sha256}, {"provenance", prov}, {"card", card}};
    if (!applicability.empty()) j["applicability"] = applicability.toJson();
    if (!ood.empty()) j["ood"] = ood.toJson();
    return j;
}

int ModelManifest::outputChannels() const {
    const int classes = static_cast<int>(labels.size());
    switch (task) {
        case Task::Segmentation:
            return output.decision == OutputSpec::Decision::Argmax ? classes + 1 : classes;
        case Task::Detection: return classes + 3;
        case Task::Classification: return output.activation == OutputSpec::Activation::Sigmoid && classes == 2 ? 1 : classes;
        case Task::Interactive: return output.activation == OutputSpec::Activation::Sigmoid ? 1 : 2;
    }
    return classes;
}

}  // namespace lumen::ai
