#include "net/internal/DimseAssociation.h"

#include "net/PacsError.h"
#include "net/internal/TlsLayer.h"

#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/oflog/oflog.h>

#include <cstdlib>
#include <mutex>

#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dimse.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/dul.h>
#include <dcmtk/dcmtls/tlslayer.h>

#include <memory>
#include <string>

namespace lumen::net::internal {

namespace {

std::string rejectReason(const T_ASC_RejectParameters& r) {
    switch (r.reason) {
        case ASC_REASON_SU_CALLEDAETITLENOTRECOGNIZED: return "the called AE title is not recognized";
        case ASC_REASON_SU_CALLINGAETITLENOTRECOGNIZED: return "the calling AE title (Lumen's) is not recognized";
        case ASC_REASON_SU_APPCONTEXTNAMENOTSUPPORTED: return "the application context is not supported";
        case ASC_REASON_SP_PRES_TEMPORARYCONGESTION: return "the PACS is congested (temporary)";
        case ASC_REASON_SP_PRES_LOCALLIMITEXCEEDED: return "the PACS's connection limit is reached";
        case ASC_REASON_SU_NOREASON:
        case ASC_REASON_SP_ACSE_NOREASON: return "no reason given";
        default: return "reason " + std::to_string(int(r.reason));
    }
}

// One association for Verification, closed again by its destructor.
class Association {
public:
    explicit Association(const DimsePeer& peer) : peer_(peer) {}
    // Throws with everything acquired so far still released by the destructor.
    void open() {
        const DimsePeer& peer = peer_;
        dcmConnectionTimeout.set(Sint32(peer.timeoutSeconds));
        if (ASC_initializeNetwork(NET_REQUESTOR, 0, peer.timeoutSeconds, &net_).bad()) throw PacsError("cannot set up the network for DICOM");
        tls_ = tlsLayerFor(peer, TlsRole::Requestor);
        if (tls_ && ASC_setTransportLayer(net_, tls_.get(), 0).bad()) throw PacsError("cannot set up DICOM TLS");
        ASC_createAssociationParameters(&params_, 131072);
        if (tls_) ASC_setTransportLayerType(params_, OFTrue);
        ASC_setAPTitles(params_, peer.callingAet.c_str(), peer.calledAet.c_str(), nullptr);
        const std::string address = peer.host + ":" + std::to_string(peer.port);
        ASC_setPresentationAddresses(params_, "localhost", address.c_str());
        const char* syntaxes[] = {UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax};
        ASC_addPresentationContext(params_, 1, UID_VerificationSOPClass, syntaxes, 2);
        const OFCondition cond = ASC_requestAssociation(net_, params_, &assoc_);
        established_ = cond.good();
        if (cond == DUL_ASSOCIATIONREJECTED) {
            T_ASC_RejectParameters rejection;
            ASC_getRejectParameters(params_, &rejection);
            throw PacsError(peer.text() + " refused the association: " + rejectReason(rejection));
        }
        if (cond.bad() && peer.tls && cond != DUL_ASSOCIATIONREJECTED && std::string(cond.text()).find("TCP Initialization Error") == std::string::npos)
            throw PacsError(tlsProblem(peer, cond.text()));
        if (cond.bad())
            throw PacsError("cannot reach " + peer.host + ":" + std::to_string(peer.port) + " (" + cond.text() +
                            "): is the host right, is the PACS running, does a firewall block the port" +
                                (peer.tls ? std::string("?") : ", or does the PACS expect DICOM TLS?"),
                            true);
        if (ASC_countAcceptedPresentationContexts(params_) == 0)
            throw PacsError(peer.text() + " accepted the association but not Verification (C-ECHO)");
    }
    ~Association() {
        if (assoc_) {  // owns the parameters
            if (established_ && released_) ASC_releaseAssociation(assoc_);
            else if (established_) ASC_abortAssociation(assoc_);
            ASC_destroyAssociation(&assoc_);
        } else if (params_) {
            ASC_destroyAssociationParameters(&params_);
        }
        if (net_) ASC_dropNetwork(&net_);  // before the TLS layer it uses
    }
    void echo() {
        DIC_US status = 0;
        DcmDataset* detail = nullptr;
        const OFCondition cond = DIMSE_echoUser(assoc_, assoc_->nextMsgID++, DIMSE_BLOCKING, peer_.timeoutSeconds, &status, &detail);
        delete detail;
        if (cond.bad()) throw PacsError(peer_.text() + ": C-ECHO failed: " + cond.text());
        if (status != STATUS_Success) throw PacsError(peer_.text() + " answered C-ECHO with status " + std::to_string(status));
        released_ = true;
    }

private:
    const DimsePeer& peer_;
    std::shared_ptr<DcmTLSTransportLayer> tls_;
    T_ASC_Network* net_ = nullptr;
    T_ASC_Parameters* params_ = nullptr;
    T_ASC_Association* assoc_ = nullptr;
    bool established_ = false, released_ = false;
};

}  // namespace

void echo(const DimsePeer& peer) {
    Association a(peer);
    a.open();
    a.echo();
}

void throwAssociationProblem(const DimsePeer& peer) {
    Association probe(peer);
    probe.open();
}

void prepareDcmtk() {
    static std::once_flag once;
    std::call_once(once, [] {
        OFLog::configure(OFLogger::OFF_LOG_LEVEL);
        // The private dictionary is ~10 ms more text to parse per process, for no keyword we use.
        const std::string defaults = DCM_DICT_DEFAULT_PATH;
        if (!std::getenv("DCMDICTPATH")) setenv("DCMDICTPATH", defaults.substr(0, defaults.find(':')).c_str(), 0);
    });
}

}  // namespace lumen::net::internal
