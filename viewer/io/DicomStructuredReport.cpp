#include "io/DicomStructuredReport.h"

#include "io/AtomicFile.h"
#include "io/IoError.h"
#include "io/internal/AnnotationJsonParts.h"
#include "io/internal/DcmtkSupport.h"
#include "io/internal/DicomFileLoad.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmsr/codes/dcm.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <cstdio>
#include <map>
#include <optional>

namespace lumen::io {

namespace {

using nlohmann::json;
using Code = DSRBasicCodedEntry;
using Points = std::vector<core::Point3>;

const Code kLength("410668003", "SCT", "Length"), kArea("42798000", "SCT", "Area"), kMean("373098007", "SCT", "Mean"),
    kDeviation("386136009", "SCT", "Standard Deviation"), kMinimum("255605001", "SCT", "Minimum"),
    kMaximum("56851009", "SCT", "Maximum");
// What DICOM has no concept for: private codes ("99" schemes are for local use).
const Code kDetails("ITEM-DETAILS", "99LUMEN", "Lumen item details"), kStatus("REVIEW-STATUS", "99LUMEN", "Review status");
constexpr const char* kClassScheme = "99LUMEN";

bool is(const DSRCodedEntryValue& c, const Code& k) {
    return c.getCodeValue() == k.CodeValue && c.getCodingSchemeDesignator() == k.CodingSchemeDesignator;
}

DSRCodedEntryValue unitCode(const std::string& units) {
    if (units == "HU") return DSRCodedEntryValue("[hnsf'U]", "UCUM", "Hounsfield unit");
    if (units == "mm") return DSRCodedEntryValue("mm", "UCUM", "millimeter");
    if (units == "mm2") return DSRCodedEntryValue("mm2", "UCUM", "square millimeter");
    if (units == "deg") return DSRCodedEntryValue("deg", "UCUM", "degree");
    if (units.empty()) return DSRCodedEntryValue("1", "UCUM", "no units");
    return DSRCodedEntryValue(units.c_str(), "UCUM", units.c_str());
}

std::string unitsOf(const DSRCodedEntryValue& c) {
    if (c.getCodeValue() == "[hnsf'U]") return "HU";
    if (c.getCodeValue() == "1") return "";
    return c.getCodeValue().c_str();
}

// A class name as a code: itself when it is a short token, else a hash (SH holds 16 characters);
// the meaning carries the name either way.
DSRCodedEntryValue classCode(const std::string& name) {
    bool token = !name.empty() && name.size() <= 16;
    for (char c : name) token = token && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.');
    std::string value = name;
    if (!token) {
        std::uint64_t h = 1469598103934665603ull;
        for (unsigned char c : name) h = (h ^ c) * 1099511628211ull;
        char buffer[24];
        std::snprintf(buffer, sizeof buffer, "C%015llx", static_cast<unsigned long long>(h >> 4));
        value = buffer;
    }
    return DSRCodedEntryValue(value.c_str(), kClassScheme, name.substr(0, 64).c_str());
}

DSRCodedEntryValue statusCode(core::Finding::Status s) {
    std::string value = core::findingStatusName(s);
    for (auto& c : value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return DSRCodedEntryValue(value.c_str(), "99LUMEN", core::findingStatusName(s));
}

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.9g", v);  // DS: at most 16 characters
    return buffer;
}

// Adds content items below a parent, failing with IoError instead of returning codes.
class TreeWriter {
public:
    TreeWriter(DSRDocumentTree& tree, std::string path) : tree_(tree), path_(std::move(path)) {}

    std::size_t add(std::size_t parent, DSRTypes::E_RelationshipType relation, DSRTypes::E_ValueType type, const DSRCodedEntryValue& concept) {
        if (parent != 0 && tree_.gotoNode(parent) != parent) fail("lost its place in the content tree");
        const std::size_t id = tree_.addContentItem(relation, type, parent ? DSRTypes::AM_belowCurrent : DSRTypes::AM_afterCurrent);
        if (id == 0) fail(std::string("cannot add the content item \"") + concept.getCodeMeaning().c_str() + "\"");
        if (!concept.getCodeValue().empty()) check(item().setConceptName(concept), concept);
        return id;
    }
    std::size_t string(std::size_t parent, DSRTypes::E_RelationshipType relation, DSRTypes::E_ValueType type, const DSRCodedEntryValue& concept,
                       const std::string& value) {
        const std::size_t id = add(parent, relation, type, concept);
        check(item().setStringValue(value.c_str()), concept);
        return id;
    }
    std::size_t code(std::size_t parent, DSRTypes::E_RelationshipType relation, const DSRCodedEntryValue& concept, const DSRCodedEntryValue& value) {
        const std::size_t id = add(parent, relation, DSRTypes::VT_Code, concept);
        check(item().setCodeValue(value), concept);
        return id;
    }
    std::size_t num(std::size_t parent, const DSRCodedEntryValue& concept, double value, const DSRCodedEntryValue& unit) {
        const std::size_t id = add(parent, DSRTypes::RT_contains, DSRTypes::VT_Num, concept);
        check(item().setNumericValue(DSRNumericMeasurementValue(number(value).c_str(), unit)), concept);
        return id;
    }
    void region(std::size_t parent, DSRTypes::E_GraphicType3D type, const Points& points, const std::string& frameOfReference) {
        add(parent, DSRTypes::RT_contains, DSRTypes::VT_SCoord3D, CODE_DCM_ImageRegion);
        DSRSpatialCoordinates3DValue value(type);
        for (const auto& p : points) value.getGraphicDataList().addItem(Float32(p.x), Float32(p.y), Float32(p.z));
        check(value.setFrameOfReferenceUID(frameOfReference.c_str()), CODE_DCM_ImageRegion);
        check(item().setSpatialCoordinates3D(value), CODE_DCM_ImageRegion);
    }
    DSRContentItem& item() { return tree_.getCurrentContentItem(); }
    [[noreturn]] void fail(const std::string& what) const { throw IoError(path_, "writing the report: " + what); }
    void check(const OFCondition& c, const DSRCodedEntryValue& concept) const {
        if (c.bad()) fail(std::string(concept.getCodeMeaning().c_str()) + ": " + c.text());
    }

private:
    DSRDocumentTree& tree_;
    std::string path_;
};

std::string newUid() {
    char buffer[65];
    return dcmGenerateUniqueIdentifier(buffer, SITE_INSTANCE_UID_ROOT);
}

// TID 1501 rows shared by every group: tracking identifier and UID, the observers.
class GroupWriter {
public:
    GroupWriter(TreeWriter& t, std::size_t parent) : t_(t), parent_(parent) {}

    std::size_t begin(const std::string& trackingId, const core::Provenance* provenance) {
        const std::size_t g = t_.add(parent_, DSRTypes::RT_contains, DSRTypes::VT_Container, CODE_DCM_MeasurementGroup);
        t_.string(g, DSRTypes::RT_hasObsContext, DSRTypes::VT_Text, CODE_DCM_TrackingIdentifier, trackingId.substr(0, 64));
        t_.string(g, DSRTypes::RT_hasObsContext, DSRTypes::VT_UIDRef, CODE_DCM_TrackingUniqueIdentifier, newUid());
        if (!provenance) return g;
        if (provenance->fromModel()) {  // TID 1002/1004 device observer, TID 4019 algorithm
            auto& uid = deviceUids_[provenance->source];
            if (uid.empty()) uid = newUid();
            t_.code(g, DSRTypes::RT_hasObsContext, CODE_DCM_ObserverType, CODE_DCM_Device);
            t_.string(g, DSRTypes::RT_hasObsContext, DSRTypes::VT_UIDRef, CODE_DCM_DeviceObserverUID, uid);
            t_.string(g, DSRTypes::RT_hasObsContext, DSRTypes::VT_Text, CODE_DCM_DeviceObserverName, provenance->source);
            t_.string(g, DSRTypes::RT_hasConceptMod, DSRTypes::VT_Text, CODE_DCM_AlgorithmName, provenance->source);
            if (!provenance->modelVersion.empty())
                t_.string(g, DSRTypes::RT_hasConceptMod, DSRTypes::VT_Text, CODE_DCM_AlgorithmVersion, provenance->modelVersion);
        }
        if (!provenance->author.empty()) {  // the person who made or reviewed it
            t_.code(g, DSRTypes::RT_hasObsContext, CODE_DCM_ObserverType, CODE_DCM_Person);
            t_.string(g, DSRTypes::RT_hasObsContext, DSRTypes::VT_PName, CODE_DCM_PersonObserverName, provenance->author);
        }
        return g;
    }
    void details(std::size_t g, const json& j) { t_.string(g, DSRTypes::RT_contains, DSRTypes::VT_Text, kDetails, j.dump()); }

private:
    TreeWriter& t_;
    std::size_t parent_;
    std::map<std::string, std::string> deviceUids_;
};

void writeFinding(TreeWriter& t, GroupWriter& groups, const core::Finding& f, const std::string& frameOfReference) {
    const std::size_t g = groups.begin("Finding " + std::to_string(f.id), &f.provenance);
    t.code(g, DSRTypes::RT_contains, CODE_DCM_Finding, classCode(f.className));
    if (f.isPoint()) t.region(g, DSRTypes::GT3_Point, {f.boxMin}, frameOfReference);
    else t.region(g, DSRTypes::GT3_Multipoint, {f.boxMin, f.boxMax}, frameOfReference);  // opposite corners of the box
    t.num(g, CODE_DCM_Probability, f.score, unitCode(""));
    t.code(g, DSRTypes::RT_contains, kStatus, statusCode(f.status));
    groups.details(g, {{"item", "finding"}, {"id", f.id}, {"provenance", internal::provenanceJson(f.provenance)}});
}

// The plane frame a region was drawn in: right, and up completing it.
std::pair<core::Vector3, core::Vector3> planeFrame(const core::Measurement& m) {
    const core::Vector3 right = m.planeRight.normalized();
    return {right, m.planeNormal.cross(right).normalized()};
}

void writeMeasurement(TreeWriter& t, GroupWriter& groups, const core::Measurement& m, const std::string& frameOfReference) {
    using K = core::Measurement::Kind;
    const std::string name = core::measurementKindName(m.kind);
    const std::size_t g = groups.begin(m.label.empty() ? name + " " + std::to_string(m.id) : m.label, nullptr);
    if (m.points.size() < (m.kind == K::Angle ? 3u : 2u)) t.fail("measurement " + std::to_string(m.id) + " has too few points");
    const auto& p = m.points;
    const auto [right, up] = planeFrame(m);
    const core::Vector3 d = p[1] - p[0];
    const core::Vector3 across = right * d.dot(right), along = up * d.dot(up);
    switch (m.kind) {
    case K::Length:
        t.region(g, DSRTypes::GT3_Polyline, {p[0], p[1]}, frameOfReference);
        t.num(g, kLength, m.value, unitCode("mm"));
        break;
    case K::Angle:
        t.region(g, DSRTypes::GT3_Polyline, {p[0], p[1], p[2]}, frameOfReference);
        t.num(g, CODE_DCM_Angle, m.value, unitCode("deg"));
        break;
    case K::Rectangle:
        t.region(g, DSRTypes::GT3_Polygon, {p[0], p[0] + across, p[1], p[0] + along, p[0]}, frameOfReference);
        t.num(g, kArea, m.value, unitCode("mm2"));
        break;
    case K::Ellipse: {  // ELLIPSE: the major axis' end points, then the minor axis'
        const core::Point3 c = (p[0] + p[1]) * 0.5;
        Points axes{c - across * 0.5, c + across * 0.5, c - along * 0.5, c + along * 0.5};
        if (across.norm() < along.norm()) std::swap(axes[0], axes[2]), std::swap(axes[1], axes[3]);
        t.region(g, DSRTypes::GT3_Ellipse, axes, frameOfReference);
        t.num(g, kArea, m.value, unitCode("mm2"));
        break;
    }
    }
    json details = {{"item", "measurement"}, {"id", m.id}, {"kind", name}, {"label", m.label},
                    {"plane_normal", {m.planeNormal.x, m.planeNormal.y, m.planeNormal.z}},
                    {"plane_right", {m.planeRight.x, m.planeRight.y, m.planeRight.z}}};
    if (const auto& s = m.statistics) {
        const auto unit = unitCode(m.units);
        t.num(g, kMean, s->mean, unit);
        t.num(g, kDeviation, s->standardDeviation, unit);
        t.num(g, kMinimum, s->minimum, unit);
        t.num(g, kMaximum, s->maximum, unit);
        details["statistics"] = {{"area_mm2", s->areaMm2}, {"samples", s->samples}};
    }
    groups.details(g, details);
}

void writeClassification(TreeWriter& t, GroupWriter& groups, const core::Classification& c, std::size_t n) {
    const std::size_t g = groups.begin("Classification " + std::to_string(n), &c.provenance);
    t.code(g, DSRTypes::RT_contains, CODE_DCM_Finding, classCode(c.className));
    for (const auto& [name, probability] : c.probabilities) {
        const std::size_t num = t.num(g, CODE_DCM_Probability, probability, unitCode(""));
        t.code(num, DSRTypes::RT_hasConceptMod, CODE_DCM_Finding, classCode(name));  // probability of this class
    }
    groups.details(g, {{"item", "classification"}, {"level", c.level}, {"reviewed", c.reviewed},
                       {"provenance", internal::provenanceJson(c.provenance)}});
}


// The children of one content item, read once so that lookups by concept are simple.
class GroupReader {
public:
    GroupReader(DSRDocumentTree& tree, std::size_t parent) : tree_(tree) {
        if (tree_.gotoNode(parent) != parent || !tree_.goDown()) return;
        do children_.push_back(tree_.getNodeID());
        while (tree_.gotoNext());
    }
    // Every child with this concept (and value type), in order.
    std::vector<std::size_t> all(const Code& concept, DSRTypes::E_ValueType type) const {
        std::vector<std::size_t> out;
        for (std::size_t id : children_)
            if (at(id).getValueType() == type && is(at(id).getConceptName(), concept)) out.push_back(id);
        return out;
    }
    std::optional<std::size_t> first(const Code& concept, DSRTypes::E_ValueType type) const {
        const auto ids = all(concept, type);
        return ids.empty() ? std::nullopt : std::optional<std::size_t>(ids.front());
    }
    std::string text(const Code& concept) const {
        const auto id = first(concept, DSRTypes::VT_Text);
        return id ? at(*id).getStringValue().c_str() : "";
    }
    std::optional<DSRCodedEntryValue> code(const Code& concept) const {
        const auto id = first(concept, DSRTypes::VT_Code);
        return id ? std::optional<DSRCodedEntryValue>(at(*id).getCodeValue()) : std::nullopt;
    }
    std::optional<double> num(const Code& concept, std::string* units = nullptr) const {
        const auto id = first(concept, DSRTypes::VT_Num);
        return id ? std::optional<double>(numberAt(*id, units)) : std::nullopt;
    }
    double numberAt(std::size_t id, std::string* units = nullptr) const {
        const auto& value = at(id).getNumericValue();
        if (units) *units = unitsOf(value.getMeasurementUnit());
        return std::stod(value.getNumericValue().c_str());
    }
    // The region's graphic type and points (world mm).
    std::optional<std::pair<DSRTypes::E_GraphicType3D, Points>> region() const {
        const auto id = first(CODE_DCM_ImageRegion, DSRTypes::VT_SCoord3D);
        if (!id) return std::nullopt;
        DSRSpatialCoordinates3DValue value = at(*id).getSpatialCoordinates3D();
        Points points;
        const auto& list = value.getGraphicDataList();
        for (std::size_t i = 1; i <= list.getNumberOfItems(); ++i) {
            Float32 x = 0, y = 0, z = 0;
            list.getItem(i, x, y, z);
            points.push_back({x, y, z});
        }
        return std::make_pair(value.getGraphicType(), points);
    }
    GroupReader below(std::size_t id) const { return GroupReader(tree_, id); }
    DSRContentItem& at(std::size_t id) const {
        tree_.gotoNode(id);
        return tree_.getCurrentContentItem();
    }

private:
    DSRDocumentTree& tree_;
    std::vector<std::size_t> children_;
};

core::Vector3 vector(const json& j, const core::Vector3& fallback) {
    return j.is_array() && j.size() == 3 ? core::Vector3{j[0].get<double>(), j[1].get<double>(), j[2].get<double>()} : fallback;
}

// The provenance of an item: Lumen's own when present, else what the observer context says.
core::Provenance readProvenance(const GroupReader& g, const json& details) {
    if (details.contains("provenance")) return internal::provenanceFromJson(details["provenance"]);
    core::Provenance p;
    if (const auto algorithm = g.text(CODE_DCM_AlgorithmName); !algorithm.empty()) p.source = algorithm;
    p.modelVersion = g.text(CODE_DCM_AlgorithmVersion);
    if (const auto person = g.first(CODE_DCM_PersonObserverName, DSRTypes::VT_PName)) p.author = g.at(*person).getStringValue().c_str();
    return p;
}

std::optional<core::Finding> readFinding(const GroupReader& g, const json& details) {
    const auto finding = g.code(CODE_DCM_Finding);
    const auto region = g.region();
    if (!finding || !region || region->second.empty()) return std::nullopt;
    core::Finding f;
    f.id = details.value("id", std::uint64_t(0));
    f.className = finding->getCodeMeaning().c_str();
    f.boxMin = f.boxMax = region->second[0];
    if (region->first == DSRTypes::GT3_Multipoint && region->second.size() == 2) f.boxMax = region->second[1];
    f.score = g.num(CODE_DCM_Probability).value_or(1.0);
    if (const auto status = g.code(kStatus)) f.status = internal::findingStatusFromName(status->getCodeMeaning().c_str());
    f.provenance = readProvenance(g, details);
    return f;
}

std::optional<core::Measurement> readMeasurement(const GroupReader& g, const json& details) {
    using K = core::Measurement::Kind;
    const auto region = g.region();
    if (!region) return std::nullopt;
    const auto& [type, points] = *region;
    core::Measurement m;
    m.id = details.value("id", std::uint64_t(0));
    m.label = details.value("label", g.text(CODE_DCM_TrackingIdentifier));
    std::optional<double> value;
    if ((value = g.num(kLength)) && type == DSRTypes::GT3_Polyline && points.size() == 2) {
        m.kind = K::Length, m.points = points;
    } else if ((value = g.num(CODE_DCM_Angle)) && type == DSRTypes::GT3_Polyline && points.size() == 3) {
        m.kind = K::Angle, m.points = points;
        m.planeNormal = (points[0] - points[1]).cross(points[2] - points[1]).normalized();
    } else if ((value = g.num(kArea)) && type == DSRTypes::GT3_Polygon && points.size() >= 4) {
        m.kind = K::Rectangle, m.points = {points[0], points[2]};
        m.planeRight = (points[1] - points[0]).normalized();
        m.planeNormal = (points[1] - points[0]).cross(points[3] - points[0]).normalized();
    } else if ((value = g.num(kArea)) && type == DSRTypes::GT3_Ellipse && points.size() == 4) {
        m.kind = K::Ellipse;
        const core::Point3 c = (points[0] + points[1]) * 0.5;
        core::Vector3 a = (points[1] - points[0]) * 0.5, b = (points[3] - points[2]) * 0.5;
        m.planeNormal = vector(details.value("plane_normal", json()), a.cross(b).normalized());
        m.planeRight = vector(details.value("plane_right", json()), a.normalized());
        const auto [right, up] = planeFrame(m);
        if (std::abs(a.dot(right)) < std::abs(b.dot(right))) std::swap(a, b);
        if (a.dot(right) < 0) a = a * -1.0;
        if (b.dot(up) < 0) b = b * -1.0;
        m.points = {c - a - b, c + a + b};
    } else {
        return std::nullopt;
    }
    m.value = *value;
    m.planeNormal = vector(details.value("plane_normal", json()), m.planeNormal);
    m.planeRight = vector(details.value("plane_right", json()), m.planeRight);
    if (const auto mean = g.num(kMean, &m.units)) {
        core::RegionStatistics s;
        s.mean = *mean;
        s.standardDeviation = g.num(kDeviation).value_or(0);
        s.minimum = g.num(kMinimum).value_or(0);
        s.maximum = g.num(kMaximum).value_or(0);
        const json stats = details.value("statistics", json::object());
        s.areaMm2 = stats.value("area_mm2", m.value);
        s.samples = stats.value("samples", std::size_t(0));
        m.statistics = s;
    }
    return m;
}

std::optional<core::Classification> readClassification(const GroupReader& g, const json& details) {
    const auto finding = g.code(CODE_DCM_Finding);
    const auto probabilities = g.all(CODE_DCM_Probability, DSRTypes::VT_Num);
    if (!finding || probabilities.empty() || g.region()) return std::nullopt;
    core::Classification c;
    c.className = finding->getCodeMeaning().c_str();
    c.level = details.value("level", "series");
    for (std::size_t id : probabilities) {
        const double p = g.numberAt(id);
        const auto of = g.below(id).code(CODE_DCM_Finding);
        c.probabilities.emplace_back(of ? of->getCodeMeaning().c_str() : c.className, p);
    }
    c.provenance = readProvenance(g, details);
    c.reviewed = details.value("reviewed", false);
    return c;
}

}  // namespace

void DicomStructuredReport::write(const core::AnnotationSet& set, const ImageStack& source, const std::string& path) {
    internal::ensureDcmtkReady();
    if (source.instances.empty()) throw IoError(path, "the source series has no images to reference");
    DcmFileFormat first;
    if (internal::loadDicomFile(first, source.instances.front().filePath).bad())
        throw IoError(source.instances.front().filePath, "cannot read the source image's patient and study");
    DcmDataset& sourceData = *first.getDataset();
    const std::string frameOfReference = internal::getString(sourceData, DCM_FrameOfReferenceUID);
    if (frameOfReference.empty()) throw IoError(path, "the source series has no frame of reference: world coordinates cannot be reported");

    DSRDocument doc(DSRTypes::DT_Comprehensive3DSR);
    if (doc.readStudyData(sourceData).bad()) throw IoError(path, "cannot take the source's patient and study");
    doc.createNewSeries();
    doc.setSeriesDescription("Lumen measurements and findings");
    doc.setManufacturer("Lumen");
    doc.setSeriesNumber("301");
    doc.setSpecificCharacterSetType(DSRTypes::CS_UTF8);
    auto& schemes = doc.getCodingSchemeIdentification();
    if (schemes.addItem(kClassScheme).good()) {
        schemes.setCodingSchemeName("Lumen local codes");
        schemes.setCodingSchemeResponsibleOrganization("Lumen");
    }
    const std::string studyUid = internal::getString(sourceData, DCM_StudyInstanceUID);
    for (const auto& instance : source.instances)
        doc.getCurrentRequestedProcedureEvidence().addItem(studyUid.c_str(), source.seriesUid.c_str(), instance.sopClassUid.c_str(),
                                                           instance.sopInstanceUid.c_str());

    TreeWriter t(doc.getTree(), path);
    const std::size_t root = t.add(0, DSRTypes::RT_isRoot, DSRTypes::VT_Container, CODE_DCM_ImagingMeasurementReport);
    t.item().setTemplateIdentification("1500", "DCMR");
    t.code(root, DSRTypes::RT_hasConceptMod, CODE_DCM_LanguageOfContentItemAndDescendants,
           DSRCodedEntryValue("en-US", "RFC5646", "English (United States)"));
    t.code(root, DSRTypes::RT_hasObsContext, CODE_DCM_ObserverType, CODE_DCM_Device);
    t.string(root, DSRTypes::RT_hasObsContext, DSRTypes::VT_UIDRef, CODE_DCM_DeviceObserverUID, newUid());
    t.string(root, DSRTypes::RT_hasObsContext, DSRTypes::VT_Text, CODE_DCM_DeviceObserverName, "Lumen");
    t.code(root, DSRTypes::RT_hasConceptMod, CODE_DCM_ProcedureReported, DSRCodedEntryValue("363679005", "SCT", "Imaging procedure"));

    // TID 1600 Image Library: every image of the source series.
    const std::size_t library = t.add(root, DSRTypes::RT_contains, DSRTypes::VT_Container, CODE_DCM_ImageLibrary);
    const std::size_t group = t.add(library, DSRTypes::RT_contains, DSRTypes::VT_Container, CODE_DCM_ImageLibraryGroup);
    for (const auto& instance : source.instances) {
        t.add(group, DSRTypes::RT_contains, DSRTypes::VT_Image, DSRCodedEntryValue());
        if (t.item().setImageReference(DSRImageReferenceValue(instance.sopClassUid.c_str(), instance.sopInstanceUid.c_str())).bad())
            throw IoError(path, "the source image " + instance.filePath + " has no usable SOP identity");
    }

    const std::size_t measurements = t.add(root, DSRTypes::RT_contains, DSRTypes::VT_Container, CODE_DCM_ImagingMeasurements);
    GroupWriter groups(t, measurements);
    for (const auto& f : set.findings) writeFinding(t, groups, f, frameOfReference);
    for (const auto& m : set.measurements) writeMeasurement(t, groups, m, frameOfReference);
    for (std::size_t n = 0; n < set.classifications.size(); ++n) writeClassification(t, groups, set.classifications[n], n + 1);

    DcmFileFormat out;
    const OFCondition written = doc.write(*out.getDataset());
    if (written.bad()) throw IoError(path, std::string("the report is not valid: ") + written.text());
    const std::string temporary = temporarySibling(path);
    const OFCondition saved = out.saveFile(temporary.c_str(), EXS_LittleEndianExplicit);
    if (saved.bad()) {
        std::remove(temporary.c_str());
        throw IoError(path, std::string("writing the report failed: ") + saved.text());
    }
    commitFile(temporary, path);
}

core::AnnotationSet DicomStructuredReport::read(const std::string& path, std::size_t* skipped) {
    internal::ensureDcmtkReady();
    DcmFileFormat file;
    const OFCondition loaded = internal::loadDicomFile(file, path);
    if (loaded.bad()) throw IoError(path, std::string("cannot read the file: ") + loaded.text());
    DSRDocument doc;
    const OFCondition parsed = doc.read(*file.getDataset());
    if (parsed.bad()) throw IoError(path, std::string("not a readable DICOM structured report: ") + parsed.text());
    DSRDocumentTree& tree = doc.getTree();
    const std::size_t root = tree.gotoRoot();
    if (root == 0 || !is(tree.getCurrentContentItem().getConceptName(), CODE_DCM_ImagingMeasurementReport))
        throw IoError(path, "not an Imaging Measurement Report (TID 1500)");

    core::AnnotationSet set;
    auto& evidence = doc.getCurrentRequestedProcedureEvidence();
    OFString series;
    if (evidence.gotoFirstItem().good()) set.seriesInstanceUid = evidence.getSeriesInstanceUID(series).c_str();
    std::size_t unknown = 0, index = 0;
    for (std::size_t container : GroupReader(tree, root).all(CODE_DCM_ImagingMeasurements, DSRTypes::VT_Container)) {
        for (std::size_t id : GroupReader(tree, container).all(CODE_DCM_MeasurementGroup, DSRTypes::VT_Container)) {
            ++index;
            const GroupReader g(tree, id);
            try {
                const std::string detailText = g.text(kDetails);
                const json details = detailText.empty() ? json::object() : json::parse(detailText);
                std::string item = details.value("item", "");
                if (item.empty()) {  // another system's report: tell the kinds apart by their content
                    const auto region = g.region();
                    const bool located = region && (region->first == DSRTypes::GT3_Point || region->first == DSRTypes::GT3_Multipoint);
                    item = !region ? "classification" : located ? "finding" : "measurement";
                }
                bool understood = false;
                if (item == "finding") {
                    if (auto f = readFinding(g, details)) set.findings.push_back(*f), understood = true;
                } else if (item == "measurement") {
                    if (auto m = readMeasurement(g, details)) set.measurements.push_back(*m), understood = true;
                } else if (item == "classification") {
                    if (auto c = readClassification(g, details)) set.classifications.push_back(*c), understood = true;
                }
                if (!understood) ++unknown;
            } catch (const std::exception& e) {  // malformed numbers, details or status
                throw IoError(path, "measurement group " + std::to_string(index) + " is malformed: " + e.what());
            }
        }
    }
    if (skipped) *skipped = unknown;
    return set;
}

}  // namespace lumen::io
