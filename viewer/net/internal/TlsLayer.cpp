#include "net/internal/TlsLayer.h"

#include "net/PacsError.h"

#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmtls/tlslayer.h>

#include <filesystem>

namespace lumen::net::internal {

std::shared_ptr<DcmTLSTransportLayer> tlsLayerFor(const DimsePeer& peer, TlsRole role) {
    if (!peer.tls) return nullptr;
    const auto readable = [](const std::string& file, const char* what) {
        if (!std::filesystem::is_regular_file(file)) throw PacsError(std::string("DICOM TLS: the ") + what + " '" + file + "' cannot be read");
    };
    if (peer.caFile.empty()) throw PacsError("DICOM TLS needs the CA file that signed the PACS's certificate");
    readable(peer.caFile, "CA file");
    auto layer = std::make_shared<DcmTLSTransportLayer>(role == TlsRole::Requestor ? NET_REQUESTOR : NET_ACCEPTOR, nullptr, OFFalse);
    if (layer->setTLSProfile(TSP_Profile_BCP195).bad() || layer->activateCipherSuites().bad())
        throw PacsError("DICOM TLS: the BCP 195 profile is not available in this OpenSSL");
    if (layer->addTrustedCertificateFile(peer.caFile.c_str(), DCF_Filetype_PEM).bad())
        throw PacsError("DICOM TLS: '" + peer.caFile + "' holds no PEM certificate");
    if (!peer.certificateFile.empty() || role == TlsRole::Acceptor) {
        if (peer.certificateFile.empty() || peer.keyFile.empty())
            throw PacsError("DICOM TLS: receiving a C-MOVE needs Lumen's own certificate and key");
        readable(peer.certificateFile, "certificate");
        readable(peer.keyFile, "private key");
        if (layer->setPrivateKeyFile(peer.keyFile.c_str(), DCF_Filetype_PEM).bad() ||
            layer->setCertificateFile(peer.certificateFile.c_str(), DCF_Filetype_PEM).bad() || !layer->checkPrivateKeyMatchesCertificate())
            throw PacsError("DICOM TLS: the key '" + peer.keyFile + "' does not match the certificate '" + peer.certificateFile + "'");
    }
    // The PACS must prove who it is; a PACS calling back for a C-MOVE may come without a certificate.
    layer->setCertificateVerification(role == TlsRole::Requestor ? DCV_requireCertificate : DCV_checkCertificate);
    return layer;
}

std::string tlsProblem(const DimsePeer& peer, const std::string& detail) {
    return "DICOM TLS with " + peer.host + ":" + std::to_string(peer.port) + " failed (" + detail +
           "): does the PACS use TLS on this port, and does the CA file match its certificate?";
}

}  // namespace lumen::net::internal
