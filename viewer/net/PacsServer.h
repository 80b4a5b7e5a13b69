#pragma once
#include "net/DicomWebPeer.h"
#include "net/DimsePeer.h"

#include <string>

namespace lumen::net {

// One PACS as the user configured it (Preferences → PACS, or the CLI's server file): its DIMSE
// side, its DICOMweb side, and how Lumen retrieves from it. Secrets are never part of it.
struct PacsServer {
    // C-GET and C-MOVE query by C-FIND; WADO-RS queries by QIDO-RS and sends by STOW-RS.
    enum class Method { CGet, CMove, Wado };
    std::string name;
    std::string calledAet, host;
    int port = 104;
    std::string callingAet = "LUMEN";  // Lumen's own AE title, as the PACS knows it
    int listenPort = 11112;            // where Lumen receives a C-MOVE
    Method method = Method::CGet;
    int timeoutSeconds = 10;
    std::string dicomwebUrl;  // ".../dicom-web"
    DicomWebPeer::Auth auth = DicomWebPeer::Auth::None;
    std::string user;
    std::string caFile;                   // HTTPS and DICOM TLS: the CA to trust (empty: the system's, for HTTPS)
    bool tls = false;                     // DICOM TLS
    std::string certificateFile, keyFile;  // DICOM TLS: Lumen's own, if the PACS asks for one
    bool deidentify = false;  // a PACS outside the hospital: what Lumen sends it is de-identified first (PS3.15)

    bool usesDicomWeb() const { return method == Method::Wado; }
    DimsePeer peer() const { return {calledAet, host, port, callingAet, timeoutSeconds, tls, caFile, certificateFile, keyFile}; }
    DicomWebPeer dicomweb(const std::string& secret = {}) const { return {dicomwebUrl, auth, user, secret, caFile, timeoutSeconds}; }
    // What is wrong with it in words ("the port must be 1–65535"), or empty.
    std::string problem() const;
};

}  // namespace lumen::net
