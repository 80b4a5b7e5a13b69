#include "io/DicomDeidentifier.h"

#include "io/AtomicFile.h"
#include "io/IoError.h"
#include "io/internal/ConfidentialityProfile.h"
#include "io/internal/DcmtkSupport.h"
#include "io/internal/DicomFileLoad.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <sstream>

namespace lumen::io {

namespace fs = std::filesystem;
using internal::DeidAction;

namespace {

std::vector<std::string> split(const std::string& s, char by) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string part; std::getline(in, part, by);) out.push_back(part);
    return out;
}

std::string join(const std::vector<std::string>& parts, char by) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(1, by) : std::string()) + parts[i];
    return out;
}

// UIDs that name definitions, not this patient's objects: kept wherever they appear.
bool definitionUid(const DcmTagKey& tag, const std::string& uid) {
    return uid.rfind("1.2.840.10008.", 0) == 0 || tag == DCM_CodingSchemeUID || tag == DCM_ContextUID || tag == DCM_MappingResourceUID ||
           tag == DCM_SOPClassUID || tag == DCM_ReferencedSOPClassUID || tag == DCM_TransferSyntaxUID;
}

// YYYYMMDD moved by `days`, through the C library's calendar (so month lengths and leap years hold).
std::string shiftDate(const std::string& date, int days) {
    if (date.size() < 8 || !std::all_of(date.begin(), date.begin() + 8, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) return {};
    std::tm t{};
    t.tm_year = std::stoi(date.substr(0, 4)) - 1900, t.tm_mon = std::stoi(date.substr(4, 2)) - 1, t.tm_mday = std::stoi(date.substr(6, 2)) + days;
    t.tm_hour = 12;
    if (timegm(&t) == -1) return {};
    char out[48];
    std::snprintf(out, sizeof out, "%04d%02d%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday);
    return out + date.substr(8);  // a DT keeps its time and offset
}

// Everything that would tell who the patient is in free text: the name's parts, the IDs, the birth date.
std::vector<std::string> identityStrings(DcmItem& data) {
    std::vector<std::string> found;
    const auto add = [&](const std::string& s) {
        if (s.size() >= 2) found.push_back(s);
    };
    for (const DcmTagKey& name : {DCM_PatientName, DCM_PatientBirthName, DCM_PatientMotherBirthName, DCM_OtherPatientNames})
        for (const std::string& component : split(internal::getString(data, name), '^'))
            for (const std::string& word : split(component, ' ')) add(word);
    for (const DcmTagKey& id : {DCM_PatientID, DCM_AccessionNumber, DCM_PatientBirthDate, DCM_RETIRED_OtherPatientIDs})
        for (const std::string& value : split(internal::getString(data, id), '\\')) add(value);
    if (const std::string birth = internal::getString(data, DCM_PatientBirthDate); birth.size() == 8)
        add(birth.substr(0, 4) + "-" + birth.substr(4, 2) + "-" + birth.substr(6, 2)), add(birth.substr(6, 2) + "." + birth.substr(4, 2) + "." + birth.substr(0, 4));
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return found;
}

std::string scrub(std::string text, const std::vector<std::string>& identity) {
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    for (std::string word : identity) {
        std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        for (std::size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
            text.replace(at, word.size(), std::string(word.size(), '*'));
            lower.replace(at, word.size(), std::string(word.size(), '*'));
        }
    }
    return text;
}

// A value of the element's VR that means nothing (action D).
const char* dummyFor(DcmEVR vr) {
    switch (vr) {
    case EVR_PN: return "Anonymized";
    case EVR_DA: return "19000101";
    case EVR_DT: return "19000101000000";
    case EVR_TM: return "000000";
    case EVR_AS: return "000Y";
    case EVR_DS: case EVR_IS: case EVR_US: case EVR_SS: case EVR_UL: case EVR_SL: case EVR_FL: case EVR_FD: return "0";
    case EVR_AE: return "ANONYMOUS";
    case EVR_CS: return "ANONYMIZED";
    case EVR_LO: case EVR_SH: case EVR_ST: case EVR_LT: case EVR_UT: case EVR_UC: return "Anonymized";
    default: return nullptr;  // binary: emptied
    }
}

// One file's walk through the profile.
struct Walk {
    const internal::ConfidentialityProfile& profile = internal::ConfidentialityProfile::standard();
    internal::DeidOptions options;
    IdentityMap& map;
    std::vector<std::string> identity;
    int shiftDays = 0;

    void item(DcmItem& item, bool top) {
        for (long i = long(item.card()) - 1; i >= 0; --i) {
            DcmElement* e = item.getElement(static_cast<unsigned long>(i));
            const DcmTagKey tag = e->getTag();
            // Private (creators included: Retain Safe Private is not offered), or a command
            // attribute, which has no place in a stored dataset.
            if (tag.getGroup() & 1 || tag.getGroup() == 0) {
                delete item.remove(e);
                continue;
            }
            if (top && (tag == DCM_PatientName || tag == DCM_PatientID)) continue;  // replaced afterwards
            const auto action = profile.action(tag.getGroup(), tag.getElement(), options);
            if (!action) {
                if (e->ident() == EVR_SQ) sequence(*static_cast<DcmSequenceOfItems*>(e));
                else if (e->ident() == EVR_UI) newUids(*e);
                continue;
            }
            apply(item, *e, *action);
        }
    }
    void sequence(DcmSequenceOfItems& s) {
        for (unsigned long k = 0; k < s.card(); ++k) item(*s.getItem(k), false);
    }
    void newUids(DcmElement& e) {
        OFString value;
        if (e.getOFStringArray(value).bad()) return;
        std::vector<std::string> uids = split(value.c_str(), '\\');
        for (std::string& uid : uids) {
            uid.erase(uid.find_last_not_of(std::string(" \0", 2)) + 1);
            if (!uid.empty() && !definitionUid(e.getTag(), uid)) uid = map.uid(uid);
        }
        e.putString(join(uids, '\\').c_str());
    }
    void apply(DcmItem& parent, DcmElement& e, DeidAction action) {
        const bool isSequence = e.ident() == EVR_SQ;
        switch (action) {
        case DeidAction::Remove:
            delete parent.remove(&e);
            return;
        case DeidAction::Empty:
            if (isSequence) static_cast<DcmSequenceOfItems&>(e).clear();
            else e.clear();
            return;
        case DeidAction::Dummy:
            if (isSequence) return sequence(static_cast<DcmSequenceOfItems&>(e));  // its contents, item by item
            if (e.ident() == EVR_UI) return newUids(e);
            if (const char* dummy = dummyFor(e.ident())) e.putString(dummy);
            else e.clear();
            return;
        case DeidAction::NewUid:
            if (isSequence) return sequence(static_cast<DcmSequenceOfItems&>(e));
            if (e.ident() == EVR_UI) newUids(e);
            else e.clear();
            return;
        case DeidAction::KeepItems:
        case DeidAction::Keep:
            if (isSequence) sequence(static_cast<DcmSequenceOfItems&>(e));
            else if (e.ident() == EVR_UI) newUids(e);  // K on a UID is Retain UIDs, which is not offered
            return;
        case DeidAction::Clean:
            return clean(e);
        }
    }
    void clean(DcmElement& e) {
        if (e.ident() == EVR_SQ) return sequence(static_cast<DcmSequenceOfItems&>(e));
        OFString value;
        if (e.getOFStringArray(value).bad()) {
            e.clear();
            return;
        }
        if (e.ident() == EVR_DA || e.ident() == EVR_DT) {
            std::vector<std::string> dates = split(value.c_str(), '\\');
            for (std::string& d : dates) d = shiftDate(d, shiftDays);
            e.putString(join(dates, '\\').c_str());
        } else if (e.ident() != EVR_TM) {
            e.putString(scrub(value.c_str(), identity).c_str());
        }
    }
};

void putCode(DcmItem& item, const char* value, const char* meaning) {
    item.putAndInsertString(DCM_CodeValue, value);
    item.putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
    item.putAndInsertString(DCM_CodeMeaning, meaning);
}

// Kinds of image that usually carry text in their pixels (PS3.15 E.1.1's "burned in"); for
// these only an explicit Burned In Annotation "NO" lets the image through.
bool usuallyBurnedIn(DcmItem& data) {
    const std::string modality = internal::getString(data, DCM_Modality), sopClass = internal::getString(data, DCM_SOPClassUID);
    for (const char* m : {"US", "IVUS", "ES", "XC", "GM", "OT", "DOC"})
        if (modality == m) return true;
    return sopClass.rfind("1.2.840.10008.5.1.4.1.1.7", 0) == 0;  // secondary capture, of any kind
}

}  // namespace

DicomDeidentifier::DicomDeidentifier(DeidentificationOptions options, IdentityMap& map) : options_(std::move(options)), map_(map) {
    internal::ensureDcmtkReady();
}

std::string DicomDeidentifier::methodDescription() const {
    std::string m = "Lumen: PS3.15 E.1 Basic Profile";
    if (options_.modifiedDates) m += "\\Retain Longitudinal With Modified Dates";
    if (options_.cleanDescriptors) m += "\\Clean Descriptors";
    if (options_.retainDeviceIdentity) m += "\\Retain Device Identity";
    return m;
}

std::string DicomDeidentifier::outputName(const std::string& outDir, const std::string& studyUid, const std::string& seriesUid,
                                          const std::string& sopUid) {
    // New UIDs only: digits and dots, so the names cannot climb out of outDir.
    return (fs::path(outDir) / map_.uid(studyUid) / map_.uid(seriesUid) / (map_.uid(sopUid) + ".dcm")).string();
}

void DicomDeidentifier::file(const std::string& in, const std::string& out) {
    DcmFileFormat ff;
    internal::check(internal::loadDicomFile(ff, in), in, "cannot read it as DICOM");
    DcmDataset& data = *ff.getDataset();
    if (internal::getString(data, DCM_SOPInstanceUID).empty()) throw IoError(in, "not a DICOM instance (no SOP Instance UID)");
    const std::string burned = internal::getString(data, DCM_BurnedInAnnotation);
    if (!options_.allowBurnedIn && data.tagExists(DCM_PixelData)) {
        if (burned == "YES") throw IoError(in, "flagged as having burned-in annotation (text in the pixels, which de-identification does not touch)");
        if (burned != "NO" && usuallyBurnedIn(data))
            throw IoError(in, "an image of a kind that usually has burned-in text, not flagged \"NO\": check its pixels, then allow it");
    }
    const IdentityMap::Patient& patient = map_.patient(internal::getString(data, DCM_PatientID), options_.patientId);
    Walk walk{internal::ConfidentialityProfile::standard(), {options_.modifiedDates, options_.cleanDescriptors, options_.retainDeviceIdentity},
              map_, identityStrings(data), patient.dateShiftDays};
    walk.item(data, true);

    data.putAndInsertString(DCM_PatientName, patient.newId.c_str());
    data.putAndInsertString(DCM_PatientID, patient.newId.c_str());
    data.putAndInsertString(DCM_PatientIdentityRemoved, "YES");
    data.putAndInsertString(DCM_DeidentificationMethod, methodDescription().c_str());
    data.putAndInsertString(DCM_LongitudinalTemporalInformationModified, options_.modifiedDates ? "MODIFIED" : "REMOVED");
    data.findAndDeleteElement(DCM_DeidentificationMethodCodeSequence);
    DcmItem* code = nullptr;
    const auto addCode = [&](const char* value, const char* meaning) {
        if (data.findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, code, -2).good()) putCode(*code, value, meaning);
    };
    addCode("113100", "Basic Application Confidentiality Profile");
    if (options_.cleanDescriptors) addCode("113105", "Clean Descriptors Option");
    if (options_.modifiedDates) addCode("113107", "Retain Longitudinal Temporal Information Modified Dates Option");
    if (options_.retainDeviceIdentity) addCode("113109", "Retain Device Identity Option");

    DcmMetaInfo& meta = *ff.getMetaInfo();
    for (const DcmTagKey& t : {DCM_SourceApplicationEntityTitle, DCM_SendingApplicationEntityTitle, DCM_ReceivingApplicationEntityTitle,
                               DCM_PrivateInformationCreatorUID, DCM_PrivateInformation})
        meta.findAndDeleteElement(t);
    meta.putAndInsertString(DCM_MediaStorageSOPInstanceUID, internal::getString(data, DCM_SOPInstanceUID).c_str());

    fs::create_directories(fs::path(out).parent_path());
    const std::string temporary = temporarySibling(out);
    const OFCondition saved = ff.saveFile(temporary.c_str(), EXS_Unknown, EET_ExplicitLength, EGL_recalcGL, EPD_noChange, 0, 0, EWM_updateMeta);
    if (saved.bad()) {
        std::remove(temporary.c_str());
        throw IoError(out, std::string("cannot write the de-identified file: ") + saved.text());
    }
    commitFile(temporary, out);
}

DeidentificationResult DicomDeidentifier::run(const std::vector<std::string>& inputs, const std::string& outDir) {
    DeidentificationResult result;
    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec) throw IoError(outDir, "cannot make the output folder: " + ec.message());
    std::vector<std::pair<fs::path, fs::path>> files;  // file, the input it came from
    for (const std::string& input : inputs) {
        if (fs::is_directory(input)) {
            for (const auto& entry : fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied))
                if (entry.is_regular_file()) files.emplace_back(entry.path(), input);
        } else if (fs::is_regular_file(input)) {
            files.emplace_back(input, fs::path(input).parent_path());
        } else {
            throw IoError(input, "no such file or folder");
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& [path, root] : files) {
        const std::string relative = path.lexically_relative(root).string();
        if (path.filename() == "DICOMDIR") {
            ++result.skipped;
            continue;
        }
        DcmFileFormat header;
        if (internal::loadDicomFile(header, path.string(), 4096).bad()) {
            ++result.skipped;
            continue;
        }
        DcmDataset& data = *header.getDataset();
        const std::string study = internal::getString(data, DCM_StudyInstanceUID), series = internal::getString(data, DCM_SeriesInstanceUID),
                          sop = internal::getString(data, DCM_SOPInstanceUID);
        if (study.empty() || series.empty() || sop.empty()) {
            result.refused.push_back(relative + ": no study, series or instance UID");
            continue;
        }
        const std::string out = outputName(outDir, study, series, sop);
        try {
            file(path.string(), out);
            result.files.push_back(out);
            ++result.written;
        } catch (const IoError& e) {
            result.refused.push_back(relative + ": " + e.reason());
        }
    }
    return result;
}

}  // namespace lumen::io
