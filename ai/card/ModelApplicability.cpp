#include "ai/card/ModelApplicability.h"

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
           !intensityP99.bounded() && labelVolumeMl.empty();
}

ModelApplicability ModelApplicability::fromJson(const json& j, const std::string& where, std::vector<std::string>& problems) {
    ModelApplicability a;
    if (!j.is_object()) {
        problems.push_back(where + ": an object");
        return a;
    }
    static const std::vector<std::string> known = {"modalities", "body_parts", "spacing_mm", "field_of_view_mm",
                                                   "intensity_percentiles", "label_volume_ml", "source"};
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
    if (j.contains("label_volume_ml")) {
        const json& v = j["label_volume_ml"];
        if (!v.is_object()) problems.push_back(where + ".label_volume_ml: {\"<label value>\": [min, max]}");
        else
            for (auto it = v.begin(); it != v.end(); ++it) {
                char* end = nullptr;
                const long value = std::strtol(it.key().c_str(), &end, 10);
                if (end == it.key().c_str() || *end || value < 1 || value > 65535)
                    problems.push_back(where + ".label_volume_ml: \"" + it.key() + "\" is not a label value");
                else
                    a.labelVolumeMl[static_cast<std::uint16_t>(value)] = rangeFrom(it.value(), where + ".label_volume_ml." + it.key(), problems);
            }
    }
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
    if (!labelVolumeMl.empty()) {
        json v = json::object();
        for (const auto& [label, r] : labelVolumeMl) v[std::to_string(label)] = rangeJson(r);
        j["label_volume_ml"] = v;
    }
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
    if (card.labelVolumeMl.empty() || labels.empty()) return out;
    const auto counts = labels.histogram();
    const double ml = labels.geometry().voxelVolumeMm3() / 1000.0;
    for (const auto& [value, range] : card.labelVolumeMl) {
        const auto it = counts.find(value);
        const double volume = it == counts.end() ? 0.0 : double(it->second) * ml;
        if (range.contains(volume)) continue;
        const auto* label = labels.labels().find(value);
        const std::string name = label ? label->name : "label " + std::to_string(value);
        out.push_back({"label_volume", name + " is " + number(volume, volume < 10 ? 1 : 0) + " mL; in the training data it was " +
                                           range.text(range.min && *range.min < 10 ? 1 : 0) + " mL",
                       value});
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
