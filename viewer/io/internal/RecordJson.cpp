#include "io/internal/RecordJson.h"

namespace nlohmann {
// std::optional ↔ null, so absent DICOM attributes stay absent after a round trip.
template <typename T>
struct adl_serializer<std::optional<T>> {
    static void to_json(json& j, const std::optional<T>& v) { j = v ? json(*v) : json(nullptr); }
    static void from_json(const json& j, std::optional<T>& v) {
        if (j.is_null()) v.reset();
        else v = j.get<T>();
    }
};
}  // namespace nlohmann

namespace lumen::core {

namespace {
void to_json(nlohmann::json& j, const Vector3& v) { j = {v.x, v.y, v.z}; }
void from_json(const nlohmann::json& j, Vector3& v) { v = {j.at(0), j.at(1), j.at(2)}; }
}  // namespace

void to_json(nlohmann::json& j, const FrameRecord& f) {
    j = {{"position", f.position ? nlohmann::json({f.position->x, f.position->y, f.position->z}) : nlohmann::json(nullptr)},
         {"orientation", f.orientation}, {"pixelSpacing", f.pixelSpacing}, {"slope", f.rescaleSlope},
         {"intercept", f.rescaleIntercept}, {"temporal", f.temporalPositionIndex}, {"stack", f.stackId},
         {"inStack", f.inStackPosition}, {"dimensions", f.dimensionIndexValues}};
}

void from_json(const nlohmann::json& j, FrameRecord& f) {
    if (!j.at("position").is_null()) f.position = Vector3{j["position"][0], j["position"][1], j["position"][2]};
    j.at("orientation").get_to(f.orientation);
    j.at("pixelSpacing").get_to(f.pixelSpacing);
    j.at("slope").get_to(f.rescaleSlope);
    j.at("intercept").get_to(f.rescaleIntercept);
    j.at("temporal").get_to(f.temporalPositionIndex);
    j.at("stack").get_to(f.stackId);
    j.at("inStack").get_to(f.inStackPosition);
    j.at("dimensions").get_to(f.dimensionIndexValues);
}

// The field list in one place: writing and reading walk the same table.
#define LUMEN_INSTANCE_FIELDS(X)                                                                                       \
    X(filePath) X(fileSize) X(sopClassUid) X(sopInstanceUid) X(transferSyntaxUid) X(instanceNumber)                     \
    X(acquisitionNumber) X(imageType) X(hasPixelData) X(rows) X(columns) X(numberOfFrames) X(samplesPerPixel)           \
    X(bitsAllocated) X(bitsStored) X(highBit) X(pixelRepresentation) X(planarConfiguration)                             \
    X(photometricInterpretation) X(floatPixelData) X(pixelDataOffset) X(pixelDataLength) X(encapsulated) X(bigEndian)   \
    X(pixelDataVr) X(orientation) X(pixelSpacing) X(sliceThickness) X(spacingBetweenSlices) X(gantryTilt)              \
    X(gridFrameOffsets) X(frames) X(rescaleSlope) X(rescaleIntercept) X(rescaleType) X(windowCenter) X(windowWidth)    \
    X(temporalPositionIdentifier) X(triggerTime) X(echoNumber) X(acquisitionTime) X(contentTime)

void to_json(nlohmann::json& j, const InstanceRecord& r) {
    j = nlohmann::json::object();
#define LUMEN_WRITE(field) j[#field] = r.field;
    LUMEN_INSTANCE_FIELDS(LUMEN_WRITE)
#undef LUMEN_WRITE
    if (r.position) to_json(j["position"], *r.position);
    else j["position"] = nullptr;
}

void from_json(const nlohmann::json& j, InstanceRecord& r) {
#define LUMEN_READ(field) j.at(#field).get_to(r.field);
    LUMEN_INSTANCE_FIELDS(LUMEN_READ)
#undef LUMEN_READ
    if (!j.at("position").is_null()) {
        Vector3 p;
        from_json(j["position"], p);
        r.position = p;
    }
}

}  // namespace lumen::core
