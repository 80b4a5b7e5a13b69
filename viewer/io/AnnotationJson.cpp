#include "io/AnnotationJson.h"

#include "io/internal/AnnotationJsonParts.h"

#include <nlohmann/json.hpp>

#include <ctime>
#include <fstream>
#include <limits>
#include <sstream>
#include <type_traits>

namespace lumen::io {

using nlohmann::json;

namespace {

// An integer of type T, or an error: a colour of 300 or a label of 70000 would otherwise wrap
// silently into another colour or label.
template <class T>
T integer(const json& j, const char* what) {
    static_assert(std::is_unsigned_v<T>);
    // The parser keeps every non-negative whole number as unsigned: anything else is refused.
    if (j.is_number_unsigned() && j.get<std::uint64_t>() <= std::numeric_limits<T>::max()) return T(j.get<std::uint64_t>());
    throw AnnotationFormatError(std::string(what) + " must be a whole number from 0 to " + std::to_string(std::numeric_limits<T>::max()) + ", not " + j.dump());
}

}  // namespace

namespace internal {

json provenanceJson(const core::Provenance& p) {
    json j = {{"source", p.source}, {"model_version", p.modelVersion}, {"author", p.author}, {"created", p.created},
              {"modified", p.modified}, {"edited_by_user", p.editedByUser}, {"voxels_added", p.voxelsAdded},
              {"voxels_removed", p.voxelsRemoved}, {"edit_seconds", p.editSeconds}};
    if (!p.caution.empty()) j["caution"] = p.caution;
    if (p.prompts) j["prompts"] = p.prompts;
    return j;
}

core::Provenance provenanceFromJson(const json& j) {
    core::Provenance p;
    p.source = j.value("source", "user");
    p.modelVersion = j.value("model_version", "");
    p.author = j.value("author", "");
    p.created = j.value("created", "");
    p.modified = j.value("modified", "");
    p.editedByUser = j.value("edited_by_user", false);
    p.voxelsAdded = j.contains("voxels_added") ? integer<std::uint64_t>(j["voxels_added"], "voxels_added") : 0;
    p.voxelsRemoved = j.contains("voxels_removed") ? integer<std::uint64_t>(j["voxels_removed"], "voxels_removed") : 0;
    p.editSeconds = j.value("edit_seconds", 0.0);
    p.prompts = j.contains("prompts") ? integer<std::uint64_t>(j["prompts"], "prompts") : 0;
    p.caution = j.value("caution", "");
    return p;
}

core::Finding::Status findingStatusFromName(const std::string& s) {
    for (auto st : {core::Finding::Status::Proposed, core::Finding::Status::Accepted, core::Finding::Status::Rejected,
                    core::Finding::Status::Edited})
        if (s == core::findingStatusName(st)) return st;
    throw AnnotationFormatError("unknown finding status \"" + s + "\"");
}

core::Measurement::Kind measurementKindFromName(const std::string& s) {
    for (auto k : {core::Measurement::Kind::Length, core::Measurement::Kind::Angle, core::Measurement::Kind::Ellipse,
                   core::Measurement::Kind::Rectangle})
        if (s == core::measurementKindName(k)) return k;
    throw AnnotationFormatError("unknown measurement kind \"" + s + "\"");
}

}  // namespace internal

using namespace internal;

namespace {

constexpr const char* kFormat = "lumen-annotations";
constexpr int kVersion = 1;

json point(const core::Point3& p) { return json::array({p.x, p.y, p.z}); }
core::Point3 point(const json& j) { return {j.at(0).get<double>(), j.at(1).get<double>(), j.at(2).get<double>()}; }

json labelsJson(const core::AnnotationSet& set) {
    json labels = json::array();
    for (const auto& l : set.labels.labels().labels()) {
        json entry = {{"value", l.value}, {"name", l.name}, {"color", {l.color.r, l.color.g, l.color.b, l.color.a}}};
        if (const auto* s = set.segment(l.value)) {
            if (!s->codeValue.empty()) entry["code"] = {{"scheme", s->codingScheme}, {"value", s->codeValue}, {"meaning", s->codeMeaning}};
            entry["provenance"] = provenanceJson(s->provenance);
            if (s->proposed) entry["proposed"] = true;
        }
        labels.push_back(entry);
    }
    return labels;
}

// Fills the label table and segment infos of `set` from a "labels" array.
void readLabels(const json& labels, core::AnnotationSet& set) {
    for (const auto& l : labels) {
        const auto& c = l.at("color");
        set.labels.labels().set({integer<std::uint16_t>(l.at("value"), "a label's value"), l.at("name").get<std::string>(),
                                 {integer<std::uint8_t>(c.at(0), "a colour component"), integer<std::uint8_t>(c.at(1), "a colour component"),
                                  integer<std::uint8_t>(c.at(2), "a colour component"),
                                  c.size() > 3 ? integer<std::uint8_t>(c.at(3), "a colour component") : std::uint8_t(255)}});
        if (!l.contains("provenance") && !l.contains("code")) continue;
        core::SegmentInfo s;
        s.value = integer<std::uint16_t>(l.at("value"), "a label's value");
        if (l.contains("code"))
            s.codingScheme = l["code"].at("scheme"), s.codeValue = l["code"].at("value"), s.codeMeaning = l["code"].at("meaning");
        if (l.contains("provenance")) s.provenance = provenanceFromJson(l["provenance"]);
        s.proposed = l.value("proposed", false);
        set.segments.push_back(s);
    }
}

}  // namespace

std::string readAnnotationText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    if (!(in && text << in.rdbuf())) throw AnnotationFormatError(file.string() + " cannot be read");
    return text.str();
}

std::string annotationsToJson(const core::AnnotationSet& set, const std::string& labelFile, std::uint64_t checksum) {
    const json labels = labelsJson(set);
    json findings = json::array();
    for (const auto& f : set.findings)
        findings.push_back({{"id", f.id}, {"class", f.className}, {"score", f.score}, {"box_min_mm", point(f.boxMin)},
                            {"box_max_mm", point(f.boxMax)}, {"status", core::findingStatusName(f.status)},
                            {"provenance", provenanceJson(f.provenance)}});
    json classifications = json::array();
    for (const auto& c : set.classifications) {
        json probabilities = json::array();
        for (const auto& [name, p] : c.probabilities) probabilities.push_back({{"class", name}, {"probability", p}});
        json item = {{"level", c.level}, {"class", c.className}, {"probabilities", probabilities},
                     {"provenance", provenanceJson(c.provenance)}};
        if (c.reviewed) item["reviewed"] = true;  // absent: a model's class nobody confirmed yet
        classifications.push_back(item);
    }
    json measurements = json::array();
    for (const auto& m : set.measurements) {
        json points = json::array();
        for (const auto& p : m.points) points.push_back(point(p));
        json entry = {{"id", m.id}, {"kind", core::measurementKindName(m.kind)}, {"points_mm", points},
                      {"plane_normal", point(m.planeNormal)}, {"plane_right", point(m.planeRight)}, {"value", m.value},
                      {"units", m.units}, {"label", m.label}};
        if (m.statistics)
            entry["statistics"] = {{"mean", m.statistics->mean}, {"sd", m.statistics->standardDeviation},
                                   {"min", m.statistics->minimum}, {"max", m.statistics->maximum},
                                   {"area_mm2", m.statistics->areaMm2}, {"samples", m.statistics->samples}};
        measurements.push_back(entry);
    }
    const json out = {{"format", kFormat}, {"version", kVersion}, {"series_instance_uid", set.seriesInstanceUid},
                      {"label_map", labelFile.empty() ? json() : json{{"file", labelFile}, {"checksum", std::to_string(checksum)}}},
                      {"labels", labels}, {"findings", findings}, {"classifications", classifications},
                      {"measurements", measurements}};
    return out.dump(1) + "\n";
}

ParsedAnnotations annotationsFromJson(const std::string& text) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {
        throw AnnotationFormatError(std::string("annotations.json is not valid JSON (") + e.what() + ")");
    }
    // A "format" or "version" of another type made value() throw a json type_error (fuzzer).
    const auto format = j.is_object() ? j.find("format") : j.end();
    if (!j.is_object() || format == j.end() || !format->is_string() || format->get<std::string>() != kFormat)
        throw AnnotationFormatError("not a Lumen annotations file (\"format\" is not \"lumen-annotations\")");
    const auto version = j.find("version");
    if (version != j.end() && (!version->is_number_integer() || version->get<std::int64_t>() > kVersion))
        throw AnnotationFormatError("annotations.json version " + version->dump() + " is not one this Lumen reads");
    ParsedAnnotations out;
    try {
        auto& set = out.set;
        set.seriesInstanceUid = j.value("series_instance_uid", "");
        if (!j.at("label_map").is_null()) {
            out.labelFile = j["label_map"].at("file").get<std::string>();
            out.labelChecksum = std::stoull(j["label_map"].at("checksum").get<std::string>());
        }
        readLabels(j.at("labels"), set);
        for (const auto& f : j.at("findings")) {
            core::Finding x;
            x.id = integer<std::uint64_t>(f.at("id"), "a finding's id");
            x.className = f.at("class").get<std::string>();
            x.score = f.at("score").get<double>();
            x.boxMin = point(f.at("box_min_mm"));
            x.boxMax = point(f.at("box_max_mm"));
            x.status = findingStatusFromName(f.at("status").get<std::string>());
            x.provenance = provenanceFromJson(f.at("provenance"));
            set.findings.push_back(x);
        }
        for (const auto& c : j.at("classifications")) {
            core::Classification x;
            x.level = c.at("level").get<std::string>();
            x.className = c.at("class").get<std::string>();
            for (const auto& p : c.at("probabilities")) x.probabilities.emplace_back(p.at("class").get<std::string>(), p.at("probability").get<double>());
            x.provenance = provenanceFromJson(c.at("provenance"));
            x.reviewed = c.value("reviewed", false);
            set.classifications.push_back(x);
        }
        for (const auto& m : j.at("measurements")) {
            core::Measurement x;
            x.id = integer<std::uint64_t>(m.at("id"), "a measurement's id");
            x.kind = measurementKindFromName(m.at("kind").get<std::string>());
            for (const auto& p : m.at("points_mm")) x.points.push_back(point(p));
            x.planeNormal = point(m.at("plane_normal"));
            x.planeRight = point(m.at("plane_right"));
            x.value = m.at("value").get<double>();
            x.units = m.value("units", "");
            x.label = m.value("label", "");
            if (m.contains("statistics")) {
                const auto& s = m["statistics"];
                x.statistics = core::RegionStatistics{s.at("mean"), s.at("sd"), s.at("min"), s.at("max"), s.at("area_mm2"), s.at("samples")};
            }
            set.measurements.push_back(x);
        }
    } catch (const AnnotationFormatError&) {
        throw;
    } catch (const std::exception& e) {  // json type/out_of_range errors, bad numbers
        throw AnnotationFormatError(std::string("annotations.json is incomplete or malformed: ") + e.what());
    }
    return out;
}

std::string labelSidecarJson(const core::AnnotationSet& set) {
    return json{{"format", "lumen-labels"}, {"version", kVersion}, {"labels", labelsJson(set)}}.dump(1) + "\n";
}

std::string labelSidecarPath(const std::string& path) {
    for (const std::string ext : {".nii.gz", ".nii", ".nrrd", ".mha"})
        if (path.size() > ext.size() && path.compare(path.size() - ext.size(), std::string::npos, ext) == 0)
            return path.substr(0, path.size() - ext.size()) + ".json";
    return path + ".json";
}

void readLabelSidecar(const std::string& text, core::AnnotationSet& set) {
    try {
        const json j = json::parse(text);
        readLabels(j.is_array() ? j : j.at("labels"), set);
    } catch (const std::exception& e) {
        throw AnnotationFormatError(std::string("not a label table (a \"labels\" array of value, name, color): ") + e.what());
    }
}

std::uint64_t labelChecksum(const core::LabelMap& labels) {
    std::uint64_t h = 1469598103934665603ull;
    if (labels.empty()) return h;
    const auto* p = static_cast<const unsigned char*>(labels.voxels().data());
    for (std::size_t n = 0; n < labels.voxels().byteSize(); ++n) h = (h ^ p[n]) * 1099511628211ull;
    return h;
}

std::string isoTimeNow() {
    const std::time_t t = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

}  // namespace lumen::io
