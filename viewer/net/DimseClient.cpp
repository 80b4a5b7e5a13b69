#include "net/DimseClient.h"

#include "io/IoError.h"
#include "io/internal/DicomFileLoad.h"
#include "net/PacsError.h"
#include "net/RetrieveScope.h"
#include "net/internal/DimseAssociation.h"
#include "net/internal/StorageReceiver.h"
#include "net/internal/TlsLayer.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/scu.h>
#include <dcmtk/dcmtls/tlslayer.h>
#include <dcmtk/oflog/oflog.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <tuple>

namespace lumen::net {

namespace fs = std::filesystem;

namespace {

OFList<OFString> uncompressed() {
    OFList<OFString> syntaxes;
    syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
    syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
    return syntaxes;
}

// DcmSCU configured for the peer. A failed negotiation is explained by a second, plain
// association attempt (DcmSCU keeps the A-ASSOCIATE-RJ reason to itself).
// DcmSCU with its TLS hook in reach (protected in DCMTK 3.6.7, whose DcmTLSSCU adds key-file
// handling that internal/TlsLayer already does).
class Scu : public DcmSCU {
public:
    using DcmSCU::useSecureConnection;
};

// `tls`: the peer's TLS layer (null without TLS), declared before the SCU so that it outlives it.
template <typename Scu>
void connect(Scu& scu, const DimsePeer& peer, DcmTLSTransportLayer* tls) {
    scu.setAETitle(peer.callingAet.c_str());
    scu.setPeerAETitle(peer.calledAet.c_str());
    scu.setPeerHostName(peer.host.c_str());
    scu.setPeerPort(Uint16(peer.port));
    scu.setConnectionTimeout(peer.timeoutSeconds);
    scu.setACSETimeout(Uint32(peer.timeoutSeconds));
    scu.setDIMSETimeout(Uint32(peer.timeoutSeconds));
    scu.setDIMSEBlockingMode(DIMSE_NONBLOCKING);  // so that the DIMSE timeout applies: a PACS that hangs is an error, not a hang
    scu.setMaxReceivePDULength(131072);
    if (scu.initNetwork().bad()) throw PacsError("cannot set up the network for DICOM");
    if (tls && scu.useSecureConnection(tls).bad()) throw PacsError("cannot set up DICOM TLS");
    if (scu.negotiateAssociation().bad()) {
        internal::throwAssociationProblem(peer);
        throw PacsError(peer.text() + " did not accept the association");
    }
}

std::string statusText(Uint16 status) {
    switch (status) {
        case 0xA700: return "out of resources";
        case 0xA900: return "the identifier does not match the SOP class";
        case 0xC000: return "unable to process";
        case 0xFE00: return "canceled";
        case 0x0122: return "SOP class not supported";
        default: break;
    }
    char hex[8];
    std::snprintf(hex, sizeof hex, "%04X", status);
    return std::string("status 0x") + hex;
}

void put(DcmDataset& d, const DcmTagKey& tag, const std::string& value) { d.putAndInsertString(tag, value.c_str()); }

PacsRecord recordOf(DcmDataset& d) {
    PacsRecord r;
    for (unsigned long i = 0; i < d.card(); ++i) {
        DcmElement* e = d.getElement(i);
        DcmTag tag = e->getTag();
        if (tag == DCM_SpecificCharacterSet || tag == DCM_QueryRetrieveLevel) continue;
        OFString value;
        e->getOFStringArray(value);
        r[tag.getTagName()] = value.c_str();
    }
    return r;
}

// The accepted presentation context of a query/retrieve model, or why there is none.
T_ASC_PresentationContextID contextFor(DcmSCU& scu, const char* model, const DimsePeer& peer, const char* service) {
    const T_ASC_PresentationContextID id = scu.findPresentationContextID(model, "");
    if (id == 0) throw PacsError(peer.text() + " does not offer study-root " + service);
    return id;
}

// What both retrieves (C-GET, C-MOVE) share: the folder, the request's keys, the final answer.
void prepareFolder(const RetrieveScope& scope, const std::string& folder) {
    if (scope.studyUid.empty()) throw PacsError("a retrieve needs the study's StudyInstanceUID");
    if (!scope.instanceUids.empty() && scope.seriesUid.empty()) throw PacsError("a retrieve of instances needs their SeriesInstanceUID");
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw PacsError("cannot create " + folder + ": " + ec.message());
}

// Instances are asked for as one multi-valued SOPInstanceUID (a UI value holds at most 64 KiB).
void putRetrieveKeys(DcmDataset& request, const RetrieveScope& scope) {
    const bool instances = !scope.instanceUids.empty();
    put(request, DCM_QueryRetrieveLevel, instances ? "IMAGE" : scope.seriesUid.empty() ? "STUDY" : "SERIES");
    put(request, DCM_StudyInstanceUID, scope.studyUid);
    if (!scope.seriesUid.empty()) put(request, DCM_SeriesInstanceUID, scope.seriesUid);
    if (instances) {
        std::string list;
        for (const std::string& uid : scope.instanceUids) list += (list.empty() ? "" : "\\") + uid;
        if (list.size() > 65000) throw PacsError("too many instances for one request: ask for them in parts");
        put(request, DCM_SOPInstanceUID, list);
    }
}

// The last (non-pending) response's status and its count of failed sub-operations; frees the list.
std::pair<Uint16, int> finalAnswer(OFList<RetrieveResponse*>& responses) {
    std::pair<Uint16, int> answer{STATUS_Success, 0};
    for (RetrieveResponse* r : responses) {
        if (!DICOM_PENDING_STATUS(r->m_status)) answer = {r->m_status, r->m_numberOfFailedSubops};
        delete r;
    }
    return answer;
}

// A retrieve that broke off: the connection or the PACS went away (worth a retry). What came is on disk.
PacsError interrupted(const DimsePeer& peer, const RetrieveResult& result, const OFCondition& cond) {
    return PacsError(peer.text() + ": the retrieve broke off after " + std::to_string(result.files.size()) + " instance(s): " + cond.text(), true);
}

// C-GET with the instances arriving on the same association: stored by DcmSCU, counted here.
class GetScu : public Scu {
public:
    GetScu(RetrieveResult& result, const InstanceCallback& onInstance)
        : result_(result), onInstance_(onInstance), start_(std::chrono::steady_clock::now()) {}
    bool canceled() const { return canceled_; }

protected:
    void notifyInstanceStored(const OFString& filename, const OFString&, const OFString& sopInstanceUID) const override {
        auto* self = const_cast<GetScu*>(this);
        std::error_code ec;
        self->result_.files.emplace_back(filename.c_str());
        self->result_.bytes += fs::file_size(filename.c_str(), ec);
        if (self->result_.firstInstanceMs < 0)
            self->result_.firstInstanceMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
        if (onInstance_ && !onInstance_(filename.c_str(), sopInstanceUID.c_str())) self->canceled_ = true;
    }
    OFCondition handleSTORERequest(const T_ASC_PresentationContextID presID, DcmDataset* incoming, OFBool& go, Uint16& status) override {
        const OFCondition cond = DcmSCU::handleSTORERequest(presID, incoming, go, status);
        if (canceled_) go = OFFalse;  // the association is aborted right after
        return cond;
    }

private:
    RetrieveResult& result_;
    const InstanceCallback& onInstance_;
    std::chrono::steady_clock::time_point start_;
    bool canceled_ = false;
};

}  // namespace

DimseClient::DimseClient(DimsePeer peer) : peer_(std::move(peer)) { internal::prepareDcmtk(); }

void DimseClient::echo() const { internal::echo(peer_); }

std::vector<PacsRecord> DimseClient::find(const PacsQuery& q) const {
    const bool series = q.level == PacsQuery::Level::Series, instance = q.level == PacsQuery::Level::Instance;
    if ((series || instance) && q.studyInstanceUid.empty()) throw PacsError("a series or instance query needs the study's StudyInstanceUID");
    if (instance && q.seriesInstanceUid.empty()) throw PacsError("an instance query needs the SeriesInstanceUID");
    const auto tls = internal::tlsLayerFor(peer_, internal::TlsRole::Requestor);
    Scu scu;
    scu.addPresentationContext(UID_FINDStudyRootQueryRetrieveInformationModel, uncompressed());
    connect(scu, peer_, tls.get());
    DcmDataset request;
    put(request, DCM_QueryRetrieveLevel, instance ? "IMAGE" : series ? "SERIES" : "STUDY");
    put(request, DCM_StudyInstanceUID, q.studyInstanceUid);
    if (instance) {
        put(request, DCM_SeriesInstanceUID, q.seriesInstanceUid);
        // No SOPClassUID: Orthanc reads every file of the series to answer it (0.1 s for 400 images).
        for (const DcmTagKey& k : {DCM_SOPInstanceUID, DCM_InstanceNumber, DCM_ImagePositionPatient,
                                   DCM_ImageOrientationPatient, DCM_NumberOfFrames})
            put(request, k, "");
    } else if (series) {
        for (const DcmTagKey& k : {DCM_SeriesInstanceUID, DCM_SeriesNumber, DCM_SeriesDescription, DCM_NumberOfSeriesRelatedInstances, DCM_BodyPartExamined})
            put(request, k, "");
        put(request, DCM_Modality, q.modality);
    } else {
        put(request, DCM_PatientID, q.patientId);
        put(request, DCM_PatientName, q.patientName);
        put(request, DCM_AccessionNumber, q.accessionNumber);
        put(request, DCM_StudyDescription, q.studyDescription);
        put(request, DCM_ModalitiesInStudy, q.modality);
        put(request, DCM_StudyDate, q.studyDateFrom.empty() && q.studyDateTo.empty() ? "" : q.studyDateFrom + "-" + q.studyDateTo);
        for (const DcmTagKey& k : {DCM_StudyTime, DCM_PatientBirthDate, DCM_PatientSex, DCM_NumberOfStudyRelatedSeries, DCM_NumberOfStudyRelatedInstances})
            put(request, k, "");
    }
    const T_ASC_PresentationContextID id = contextFor(scu, UID_FINDStudyRootQueryRetrieveInformationModel, peer_, "C-FIND");
    OFList<QRResponse*> responses;
    const OFCondition cond = scu.sendFINDRequest(id, &request, &responses);
    std::vector<PacsRecord> records;
    Uint16 final = 0;
    for (QRResponse* r : responses) {
        if (r->m_dataset && DICOM_PENDING_STATUS(r->m_status)) records.push_back(recordOf(*r->m_dataset));
        if (!DICOM_PENDING_STATUS(r->m_status)) final = r->m_status;
        delete r;
    }
    scu.releaseAssociation();
    if (cond.bad()) throw PacsError(peer_.text() + ": the query failed: " + cond.text());
    if (final != STATUS_Success) throw PacsError(peer_.text() + " answered the query with " + statusText(final));
    return records;
}

RetrieveResult DimseClient::get(const RetrieveScope& scope, const std::string& folder, const InstanceCallback& onInstance) const {
    prepareFolder(scope, folder);
    const auto start = std::chrono::steady_clock::now();
    RetrieveResult result;
    const auto tls = internal::tlsLayerFor(peer_, internal::TlsRole::Requestor);
    GetScu scu(result, onInstance);
    scu.setStorageDir(folder.c_str());
    scu.addPresentationContext(UID_GETStudyRootQueryRetrieveInformationModel, uncompressed());
    // The instances come back as C-STOREs on this association: Lumen takes the SCP role for
    // each storage SOP class (128 presentation contexts at most, one already used).
    for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs && i < 120; ++i)
        scu.addPresentationContext(dcmLongSCUStorageSOPClassUIDs[i], uncompressed(), ASC_SC_ROLE_SCP);
    connect(scu, peer_, tls.get());
    DcmDataset request;
    putRetrieveKeys(request, scope);
    const T_ASC_PresentationContextID id = contextFor(scu, UID_GETStudyRootQueryRetrieveInformationModel, peer_, "C-GET");
    OFList<RetrieveResponse*> responses;
    const OFCondition cond = scu.sendCGETRequest(id, &request, &responses);
    Uint16 final;
    std::tie(final, result.failed) = finalAnswer(responses);
    result.canceled = scu.canceled();
    if (result.canceled) scu.abortAssociation();
    else scu.releaseAssociation();
    result.totalMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (result.canceled) return result;
    if (cond.bad()) throw interrupted(peer_, result, cond);
    if (final != STATUS_Success && final != STATUS_GET_Warning_SubOperationsCompleteOneOrMoreFailures)
        throw PacsError(peer_.text() + " answered the retrieve with " + statusText(final));
    return result;
}

RetrieveResult DimseClient::move(const RetrieveScope& scope, const std::string& folder, int listenPort,
                                 const InstanceCallback& onInstance) const {
    prepareFolder(scope, folder);
    const auto start = std::chrono::steady_clock::now();
    internal::StorageReceiver receiver(peer_, listenPort, folder, onInstance);
    receiver.start();
    const auto tls = internal::tlsLayerFor(peer_, internal::TlsRole::Requestor);
    Scu scu;
    scu.addPresentationContext(UID_MOVEStudyRootQueryRetrieveInformationModel, uncompressed());
    connect(scu, peer_, tls.get());
    DcmDataset request;
    putRetrieveKeys(request, scope);
    const T_ASC_PresentationContextID id = contextFor(scu, UID_MOVEStudyRootQueryRetrieveInformationModel, peer_, "C-MOVE");
    OFList<RetrieveResponse*> responses;
    const OFCondition cond = scu.sendMOVERequest(id, peer_.callingAet.c_str(), &request, &responses);
    const auto [final, failed] = finalAnswer(responses);
    if (receiver.canceled()) scu.abortAssociation();
    else scu.releaseAssociation();
    receiver.stop();
    RetrieveResult result = receiver.snapshot();
    result.failed = failed;
    result.canceled = receiver.canceled();
    result.totalMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (result.canceled) return result;
    if (cond.bad()) throw interrupted(peer_, result, cond);
    if (final == STATUS_MOVE_Refused_MoveDestinationUnknown)
        throw PacsError(peer_.text() + " does not know the move destination " + peer_.callingAet +
                        ": register Lumen (AE title, host, port " + std::to_string(listenPort) + ") in the PACS");
    if (final != STATUS_Success && final != STATUS_MOVE_Warning_SubOperationsCompleteOneOrMoreFailures)  // Orthanc: "unable to process"
        throw PacsError(peer_.text() + " answered the retrieve with " + statusText(final) +
                        (result.files.empty() ? "; does the PACS know Lumen as the move destination " + peer_.callingAet + " (port " +
                                                    std::to_string(listenPort) + ")?"
                                              : std::string()));
    return result;
}

namespace {
// Empty when `file` was read into `dicom`, else why not.
std::string readOrWhyNot(DcmFileFormat& dicom, const std::string& file, Uint32 maxReadLength) {
    try {
        return io::internal::loadDicomFile(dicom, file, maxReadLength, ERM_fileOnly).good() ? "" : "not a DICOM file";
    } catch (const io::IoError& e) {
        return e.reason();
    }
}
}  // namespace

StoreResult DimseClient::store(const std::vector<std::string>& files) const {
    StoreResult result;
    struct Outgoing { std::string file, sopClass, sopInstance, syntax; };
    std::vector<Outgoing> outgoing;
    std::set<std::pair<std::string, std::string>> contexts;  // (SOP class, transfer syntax)
    for (const std::string& file : files) {
        // Through io's loader, as every whole file Lumen parses: nesting checked before DCMTK's
        // recursion, a deflated data set inflated within bounds.
        DcmFileFormat dicom;
        const std::string unreadable = readOrWhyNot(dicom, file, 4096);
        if (!unreadable.empty()) {
            result.refused.push_back({file, unreadable});
            continue;
        }
        OFString sopClass, sopInstance;
        dicom.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPClassUID, sopClass);
        dicom.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPInstanceUID, sopInstance);
        const std::string syntax = DcmXfer(dicom.getDataset()->getOriginalXfer()).getXferID();
        if (sopClass.empty() || sopInstance.empty()) {
            result.refused.push_back({file, "no SOP class or instance UID in its meta header"});
            continue;
        }
        outgoing.push_back({file, sopClass.c_str(), sopInstance.c_str(), syntax});
        contexts.insert({sopClass.c_str(), syntax});
    }
    if (outgoing.empty()) return result;
    if (contexts.size() > 127) throw PacsError("more than 127 kinds of object in one send: send them in parts");
    const auto tls = internal::tlsLayerFor(peer_, internal::TlsRole::Requestor);
    Scu scu;
    for (const auto& [sopClass, syntax] : contexts) {
        OFList<OFString> syntaxes;
        syntaxes.push_back(syntax.c_str());  // as stored: nothing re-encoded on the way
        if (syntax != UID_LittleEndianExplicitTransferSyntax) syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
        if (syntax != UID_LittleEndianImplicitTransferSyntax) syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
        scu.addPresentationContext(sopClass.c_str(), syntaxes);
    }
    scu.setDatasetConversionMode(OFTrue);  // to a syntax the PACS accepted, where DCMTK can
    connect(scu, peer_, tls.get());
    for (const Outgoing& o : outgoing) {
        T_ASC_PresentationContextID id = scu.findPresentationContextID(o.sopClass.c_str(), o.syntax.c_str());
        if (id == 0) id = scu.findAnyPresentationContextID(o.sopClass.c_str(), o.syntax.c_str());
        if (id == 0) {
            result.refused.push_back({o.file, "the PACS does not accept this kind of object (" + o.sopClass + ")"});
            continue;
        }
        DcmFileFormat whole;
        const std::string unreadable = readOrWhyNot(whole, o.file, DCM_MaxReadLength);
        if (!unreadable.empty()) {
            result.refused.push_back({o.file, unreadable});
            continue;
        }
        Uint16 status = 0;
        const OFCondition cond = scu.sendSTORERequest(id, "", whole.getDataset(), status);
        if (cond.bad()) result.refused.push_back({o.file, std::string("not sent: ") + cond.text()});
        else if (status != STATUS_Success && (status & 0xF000) != 0xB000) result.refused.push_back({o.file, "the PACS answered " + statusText(status)});
        else result.stored.push_back({o.file, o.sopInstance});
    }
    scu.releaseAssociation();
    return result;
}

}  // namespace lumen::net
