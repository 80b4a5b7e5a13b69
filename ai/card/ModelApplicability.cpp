#include "ai/card/ModelApplicability.h"

#include "core/LabelComponents.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace lumen::ai {

using nlohmann::json;

namespace {

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string number(double v, int decimals) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << v;
    return out.str();
}

std::string joined(const std::vector<std::string>& items, const char* separator = " or ") {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : separator) + s;
    return out;
}

Range rangeFrom(const json& j, const std::string& where, std::vector<std::string>& problems) {
    Range r;
    if (!j.is_array() || j.size() != 2) {
        problems.push_back(where + ": a range is [min, max] (either may be null)");
        return r;
    }
    for (int e = 0; e < 2; ++e) {
        if (j[e].is_null()) continue;
        if (!j[e].is_number()) {
            problems.push_back(where + ": a range's ends are numbers or null");
            return {};
        }
        (e == 0 ? r.min : r.max) = j[e].get<double>();
    }
    if (r.min && r.max && *r.min > *r.max) problems.push_back(where + ": min is above max");
    return r;
}

json rangeJson(const Range& r) { return json::array({r.min ? json(*r.min) : json(), r.max ? json(*r.max) : json()}); }

std::array<Range, 3> axesFrom(const json& j, const std::string& where, std::vector<std::string>& problems) {
    std::array<Range, 3> axes;
    if (!j.is_array() || j.size() != 3) {
        problems.push_back(where + ": three ranges, finest (or smallest) axis first");
        return axes;
    }
    for (int a = 0; a < 3; ++a) axes[a] = rangeFrom(j[a], where + "[" + std::to_string(a) + "]", problems);
    return axes;
}

std::vector<std::string> upperList(const json& j, const std::string& where, std::vector<std::string>& problems) {
    std::vector<std::string> out;
    if (!j.is_array()) {
        problems.push_back(where + ": a list of strings");
        return out;
    }
    for (const auto& s : j)
        if (s.is_string() && !s.get<std::string>().empty()) out.push_back(upper(s.get<std::string>()));
        else problems.push_back(where + ": a list of non-empty strings");
    return out;
}

std::array<double, 3> sorted(std::array<double, 3> v) {
    std::sort(v.begin(), v.end());
    return v;
}

// The 1st and 99th percentiles of the real values, from a strided sample (a 200 M-voxel CT in
// well under a second): enough to tell air from tissue, not a statistic to publish.
std::pair<double, double> percentiles1And99(const core::Volume& image) {
    const std::size_t n = image.voxelsPerFrame();
    const std::size_t stride = std::max<std::size_t>(1, n / 2000000);
    std::vector<float> sample;
    sample.reserve(n / stride + 1);
    for (std::size_t v = 0; v < n; v += stride) sample.push_back(static_cast<float>(image.realValue(v)));
    if (sample.empty()) return {0, 0};
    auto at = [&](double q) {
        auto it = sample.begin() + static_cast<std::ptrdiff_t>(q * double(sample.size() - 1));
        std::nth_element(sample.begin(), it, sample.end());
        return double(*it);
    };
    return {at(0.01), at(0.99)};
}

const char* kAxisNames[3] = {"finest", "middle", "coarsest"};

// {"<label value>": <value>} read by `read` per label; keys that are no label value are problems.
template <typename T, typename Read>
std::map<std::uint16_t, T> perLabel(const json& j, const std::string& where, std::vector<std::string>& problems, Read read) {
    std::map<std::uint16_t, T> out;
    if (!j.is_object()) {
        problems.push_back(where + ": {\"<label value>\": ...}");
        return out;
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
        char* end = nullptr;
        const long value = std::strtol(it.key().c_str(), &end, 10);
        if (end == it.key().c_str() || *end || value < 1 || value > 65535)
            problems.push_back(where + ": \"" + it.key() + "\" is not a label value");
        else
            out[static_cast<std::uint16_t>(value)] = read(it.value(), where + "." + it.key());
    }
    return out;
}

template <typename T, typename Write>
json perLabelJson(const std::map<std::uint16_t, T>& m, Write write) {
    json out = json::object();
    for (const auto& [label, v] : m) out[std::to_string(label)] = write(v);
    return out;
}

// Each label's centre (patient mm) and the centre of every labelled voxel.
struct Centres {
    std::map<std::uint16_t, core::Point3> label;
    core::Point3 all;
};

Centres centres(const core::LabelMap& labels) {
    const auto& d = labels.geometry().dims();
    std::map<std::uint16_t, std::array<double, 4>> sums;  // i, j, k, count
    std::size_t n = 0;
    for (std::size_t k = 0; k < d[2]; ++k)
        for (std::size_t j = 0; j < d[1]; ++j)
            for (std::size_t i = 0; i < d[0]; ++i, ++n)
                if (const std::uint16_t v = labels.at(n)) {
                    auto& s = sums[v];
                    s[0] += double(i), s[1] += double(j), s[2] += double(k), s[3] += 1;
                }
    Centres c;
    std::array<double, 4> total{};
    for (const auto& [value, s] : sums) {
        c.label[value] = labels.geometry().indexToWorld({s[0] / s[3], s[1] / s[3], s[2] / s[3]});
        for (int a = 0; a < 4; ++a) total[std::size_t(a)] += s[std::size_t(a)];
    }
    if (total[3] > 0) c.all = labels.geometry().indexToWorld({total[0] / total[3], total[1] / total[3], total[2] / total[3]});
    return c;
}

// "12 mm posterior", "3 mm right": a signed LPS offset along `axis` in words.
std::string offsetText(double mm, int axis) {
    static const char* const positive[3] = {"left", "posterior", "superior"}, *const negative[3] = {"right", "anterior", "inferior"};
    return number(std::abs(mm), 0) + " mm " + (mm >= 0 ? positive[axis] : negative[axis]);
}

}  // namespace

std::string Range::text(int decimals) const {
    if (min && max) return number(*min, decimals) + "–" + number(*max, decimals);
    if (min) return "≥ " + number(*min, decimals);
    if (max) return "≤ " + number(*max, decimals);
    return "any";
}

bool ModelApplicability::empty() const {
    auto none = [](const std::array<Range, 3>& a) { return std::none_of(a.begin(), a.end(), [](const Range& r) { return r.bounded(); }); };
    return modalities.empty() && bodyParts.empty() && none(spacingMm) && none(fieldOfViewMm) && !intensityP1.bounded() &&
           !intensityP99.bounded() && labelVolumeMl.empty() && labelComponents.empty() && labelOffsetMm.empty();
}

ModelApplicability ModelApplicability::fromJson(const json& j, const std::string& where, std::vector<std::string>& problems) {
    ModelApplicability a;
    if (!j.is_object()) {
        problems.push_back(where + ": an object");
        return a;
    }
    static const std::vector<std::string> known = {"modalities", "body_parts", "spacing_mm", "field_of_view_mm",
                                                   "intensity_percentiles", "label_volume_ml", "label_components", "label_offset_mm", "source"};
    for (auto it = j.begin(); it != j.end(); ++it)
        if (std::find(known.begin(), known.end(), it.key()) == known.end())
            problems.push_back(where + "." + it.key() + ": unknown (a misspelt check would never warn)");
    if (j.contains("source")) {
        if (j["source"].is_string()) a.source = j["source"].get<std::string>();
        else problems.push_back(where + ".source: text");
    }
    if (j.contains("modalities")) a.modalities = upperList(j["modalities"], where + ".modalities", problems);
    if (j.contains("body_parts")) a.bodyParts = upperList(j["body_parts"], where + ".body_parts", problems);
    if (j.contains("spacing_mm")) a.spacingMm = axesFrom(j["spacing_mm"], where + ".spacing_mm", problems);
    if (j.contains("field_of_view_mm")) a.fieldOfViewMm = axesFrom(j["field_of_view_mm"], where + ".field_of_view_mm", problems);
    if (j.contains("intensity_percentiles")) {
        const json& p = j["intensity_percentiles"];
        if (!p.is_object()) problems.push_back(where + ".intensity_percentiles: {\"p1\": [min, max], \"p99\": [min, max]}");
        else {
            if (p.contains("p1")) a.intensityP1 = rangeFrom(p["p1"], where + ".intensity_percentiles.p1", problems);
            if (p.contains("p99")) a.intensityP99 = rangeFrom(p["p99"], where + ".intensity_percentiles.p99", problems);
        }
    }
    const auto range = [&](const json& v, const std::string& w) { return rangeFrom(v, w, problems); };
    if (j.contains("label_volume_ml")) a.labelVolumeMl = perLabel<Range>(j["label_volume_ml"], where + ".label_volume_ml", problems, range);
    if (j.contains("label_components")) a.labelComponents = perLabel<Range>(j["label_components"], where + ".label_components", problems, range);
    if (j.contains("label_offset_mm"))
        a.labelOffsetMm = perLabel<std::array<Range, 3>>(j["label_offset_mm"], where + ".label_offset_mm", problems,
                                                        [&](const json& v, const std::string& w) { return axesFrom(v, w, problems); });
    return a;
}

json ModelApplicability::toJson() const {
    json j = json::object();
    if (!modalities.empty()) j["modalities"] = modalities;
    if (!bodyParts.empty()) j["body_parts"] = bodyParts;
    auto axes = [](const std::array<Range, 3>& a) { return json::array({rangeJson(a[0]), rangeJson(a[1]), rangeJson(a[2])}); };
    if (std::any_of(spacingMm.begin(), spacingMm.end(), [](const Range& r) { return r.bounded(); })) j["spacing_mm"] = axes(spacingMm);
    if (std::any_of(fieldOfViewMm.begin(), fieldOfViewMm.end(), [](const Range& r) { return r.bounded(); }))
        j["field_of_view_mm"] = axes(fieldOfViewMm);
    if (intensityP1.bounded() || intensityP99.bounded()) {
        json p = json::object();
        if (intensityP1.bounded()) p["p1"] = rangeJson(intensityP1);
        if (intensityP99.bounded()) p["p99"] = rangeJson(intensityP99);
        j["intensity_percentiles"] = p;
    }
    if (!labelVolumeMl.empty()) j["label_volume_ml"] = perLabelJson(labelVolumeMl, rangeJson);
    if (!labelComponents.empty()) j["label_components"] = perLabelJson(labelComponents, rangeJson);
    if (!labelOffsetMm.empty()) j["label_offset_mm"] = perLabelJson(labelOffsetMm, axes);
    if (!source.empty() && !j.empty()) j["source"] = source;
    return j;
}

std::vector<ApplicabilityWarning> checkImage(const ModelApplicability& card, const core::Volume& image, const ImageFacts& facts) {
    std::vector<ApplicabilityWarning> out;
    const std::string modality = upper(facts.modality), part = upper(facts.bodyPart);
    if (!card.modalities.empty() && !modality.empty() &&
        std::find(card.modalities.begin(), card.modalities.end(), modality) == card.modalities.end())
        out.push_back({"modality", "the image is " + modality + "; the model is for " + joined(card.modalities)});
    if (!card.bodyParts.empty() && !part.empty() && std::find(card.bodyParts.begin(), card.bodyParts.end(), part) == card.bodyParts.end())
        out.push_back({"body_part", "the image shows " + part + "; the model is for " + joined(card.bodyParts)});
    const auto& g = image.geometry();
    const auto spacing = sorted({g.spacing().x, g.spacing().y, g.spacing().z});
    const auto fov = sorted({g.spacing().x * double(g.dims()[0]), g.spacing().y * double(g.dims()[1]), g.spacing().z * double(g.dims()[2])});
    for (int a = 0; a < 3; ++a)
        if (!card.spacingMm[a].contains(spacing[a]))
            out.push_back({"spacing", std::string("the ") + kAxisNames[a] + " voxel spacing is " + number(spacing[a], 2) +
                                          " mm; the model was made for " + card.spacingMm[a].text(2) + " mm"});
    for (int a = 0; a < 3; ++a)
        if (!card.fieldOfViewMm[a].contains(fov[a])) {  // said once, for all three extents
            out.push_back({"field_of_view", "the image spans " + number(fov[0], 0) + " × " + number(fov[1], 0) + " × " +
                                                number(fov[2], 0) + " mm; the model's span " + card.fieldOfViewMm[0].text() + " × " +
                                                card.fieldOfViewMm[1].text() + " × " + card.fieldOfViewMm[2].text() + " mm"});
            break;
        }
    if (card.intensityP1.bounded() || card.intensityP99.bounded()) {
        const auto [p1, p99] = percentiles1And99(image);
        if (!card.intensityP1.contains(p1))
            out.push_back({"intensity", "the image's 1st intensity percentile is " + number(p1, 0) + "; in training it was " +
                                            card.intensityP1.text()});
        if (!card.intensityP99.contains(p99))
            out.push_back({"intensity", "the image's 99th intensity percentile is " + number(p99, 0) + "; in training it was " +
                                            card.intensityP99.text()});
    }
    return out;
}

std::vector<ApplicabilityWarning> checkLabels(const ModelApplicability& card, const core::LabelMap& labels) {
    std::vector<ApplicabilityWarning> out;
    if (labels.empty()) return out;
    const auto counts = labels.histogram();
    const auto nameOf = [&](std::uint16_t value) {
        const auto* label = labels.labels().find(value);
        return label ? label->name : "label " + std::to_string(value);
    };
    const double ml = labels.geometry().voxelVolumeMm3() / 1000.0;
    for (const auto& [value, range] : card.labelVolumeMl) {
        const auto it = counts.find(value);
        const double volume = it == counts.end() ? 0.0 : double(it->second) * ml;
        if (range.contains(volume)) continue;
        out.push_back({"label_volume", nameOf(value) + " is " + number(volume, volume < 10 ? 1 : 0) + " mL; in the training data it was " +
                                           range.text(range.min && *range.min < 10 ? 1 : 0) + " mL",
                       value});
    }
    // Pieces and place only of labels that are there (an absent one is its volume's warning).
    if (!card.labelComponents.empty()) {
        const auto sizes = core::componentSizes(labels);
        for (const auto& [value, range] : card.labelComponents) {
            const auto it = sizes.find(value);
            if (it == sizes.end()) continue;
            const double main = kMainComponentFraction * double(counts.at(value));
            const auto pieces = std::count_if(it->second.begin(), it->second.end(), [&](std::size_t s) { return double(s) >= main; });
            if (range.contains(double(pieces))) continue;
            out.push_back({"label_components", nameOf(value) + " is in " + std::to_string(pieces) + " main pieces; in the training data " +
                                                   range.text() + " (pieces of at least " + number(100 * kMainComponentFraction, 0) + " % of it)",
                           value});
        }
    }
    if (!card.labelOffsetMm.empty()) {
        const Centres c = centres(labels);
        for (const auto& [value, axes] : card.labelOffsetMm) {
            const auto it = c.label.find(value);
            if (it == c.label.end()) continue;
            for (int a = 0; a < 3; ++a) {
                const double offset = it->second[a] - c.all[a];
                const Range& r = axes[std::size_t(a)];
                if (r.contains(offset)) continue;
                out.push_back({"label_location", nameOf(value) + "'s centre lies " + offsetText(offset, a) +
                                                     " of the segmentation's centre; in the training data " +
                                                     (r.min ? offsetText(*r.min, a) : std::string("any")) + " to " +
                                                     (r.max ? offsetText(*r.max, a) : std::string("any")),
                               value});
                break;  // one place warning per label
            }
        }
    }
    return out;
}

json toJson(const std::vector<ApplicabilityWarning>& warnings) {
    json out = json::array();
    for (const auto& w : warnings) {
        json j = {{"check", w.check}, {"message", w.message}};
        if (w.label) j["label"] = w.label;
        out.push_back(j);
    }
    return out;
}

std::vector<ApplicabilityWarning> warningsFromJson(const json& j) {
    std::vector<ApplicabilityWarning> out;
    if (!j.is_array()) return out;
    for (const auto& w : j)
        out.push_back({w.value("check", std::string()), w.value("message", std::string()), w.value("label", std::uint16_t(0))});
    return out;
}

}  // namespace lumen::ai
