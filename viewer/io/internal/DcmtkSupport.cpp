#include "io/internal/DcmtkSupport.h"
#include "io/internal/DicomFileLoad.h"

#include "io/IoError.h"

#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <cstdlib>
#include <mutex>
#include <string>

namespace lumen::io::internal {

void ensureDcmtkReady() {
    static std::once_flag once;
    std::call_once(once, [] {
        // The standard dictionary is all Lumen reads; skipping the private one saves ~10 ms of
        // text parsing per process. A DCMDICTPATH the user set is respected.
        const std::string defaults = DCM_DICT_DEFAULT_PATH;
        if (!std::getenv("DCMDICTPATH")) setenv("DCMDICTPATH", defaults.substr(0, defaults.find(':')).c_str(), 0);
        OFLog::configure(OFLogger::OFF_LOG_LEVEL);
        // Some writers encode the dataset implicit VR while the meta header names an explicit
        // transfer syntax; read what is there, as pydicom does.
        dcmAcceptUnexpectedImplicitEncoding.set(OFTrue);
        // Colour stays as stored (YBR is converted by Lumen with the formula pydicom uses, so
        // both agree to the bit) and colour-by-pixel, whatever the SOP class.
        DJDecoderRegistration::registerCodecs(EDC_never, EUC_never, EPC_colorByPixel);
        DJLSDecoderRegistration::registerCodecs(EJLSUC_never, EJLSPC_colorByPixel);
        DcmRLEDecoderRegistration::registerCodecs();
    });
}

std::string getString(DcmItem& item, const DcmTagKey& tag) {
    DcmElement* element = nullptr;
    if (item.findAndGetElement(tag, element).bad() || !element) return {};
    std::string s;
    if (element->ident() == EVR_UN) {
        // A text attribute stored with VR UN (re-encoded by a tool that did not know it): its bytes
        // are the text. DCMTK would print them as hex ("4c\61\73…").
        Uint8* bytes = nullptr;
        if (element->getUint8Array(bytes).good() && bytes) s.assign(reinterpret_cast<const char*>(bytes), element->getLength());
        s = s.substr(0, s.find('\0'));
    } else {
        OFString value;
        if (element->getOFStringArray(value).bad()) return {};
        s = value.c_str();
    }
    // Trim the space/NUL padding DICOM adds to even length.
    const auto end = s.find_last_not_of(" \0", std::string::npos, 2);
    s.erase(end == std::string::npos ? 0 : end + 1);
    const auto begin = s.find_first_not_of(' ');
    return begin == std::string::npos ? std::string() : s.substr(begin);
}

std::vector<double> getDoubles(DcmItem& item, const DcmTagKey& tag) {
    DcmElement* element = nullptr;
    if (item.findAndGetElement(tag, element).bad() || !element) return {};
    std::vector<double> values;
    const unsigned long n = element->getVM();
    for (unsigned long i = 0; i < n; ++i) {
        Float64 f = 0;
        if (element->getFloat64(f, i).good()) {
            values.push_back(f);
            continue;
        }
        // FL, IS and the integer binary VRs answer only their own getter.
        Float32 f32 = 0;
        Sint32 s32 = 0;
        Uint32 u32 = 0;
        Sint16 s16 = 0;
        Uint16 u16 = 0;
        if (element->getFloat32(f32, i).good()) { values.push_back(f32); continue; }
        if (element->getSint32(s32, i).good()) { values.push_back(s32); continue; }
        if (element->getUint32(u32, i).good()) { values.push_back(u32); continue; }
        if (element->getSint16(s16, i).good()) { values.push_back(s16); continue; }
        if (element->getUint16(u16, i).good()) { values.push_back(u16); continue; }
        break;
    }
    return values;
}

std::optional<double> getDouble(DcmItem& item, const DcmTagKey& tag, unsigned long pos) {
    const auto v = getDoubles(item, tag);
    if (v.size() <= pos) return std::nullopt;
    return v[pos];
}

std::optional<int> getInt(DcmItem& item, const DcmTagKey& tag) {
    const auto v = getDouble(item, tag);
    if (!v) return std::nullopt;
    return int(*v);
}

std::optional<unsigned> getUInt16(DcmItem& item, const DcmTagKey& tag) {
    Uint16 v = 0;
    if (item.findAndGetUint16(tag, v).bad()) return std::nullopt;
    return v;
}

DcmItem* firstItem(DcmItem& item, const DcmTagKey& sequenceTag) {
    DcmItem* sub = nullptr;
    if (item.findAndGetSequenceItem(sequenceTag, sub, 0).bad()) return nullptr;
    return sub;
}

std::string decimalString(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    std::string s = buf;
    return s.size() > 16 ? std::to_string(v).substr(0, 16) : s;  // DS holds 16 characters
}

void check(const OFCondition& c, const std::string& file, const std::string& what) {
    if (c.bad()) throw IoError(file, what + ": " + c.text());
}

std::string frameOfReferenceUid(const std::string& file) {
    DcmFileFormat f;
    if (loadDicomFile(f, file).bad()) return {};
    return getString(*f.getDataset(), DCM_FrameOfReferenceUID);
}

}  // namespace lumen::io::internal
