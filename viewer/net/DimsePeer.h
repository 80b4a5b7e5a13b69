#pragma once
#include <string>

namespace lumen::net {

// A DIMSE peer and how Lumen calls it: the PACS's AE title, host and port, Lumen's own AE title,
// the time to wait (connection, association and each message), and TLS.
struct DimsePeer {
    std::string calledAet, host;
    int port = 104;
    std::string callingAet = "LUMEN";
    int timeoutSeconds = 10;
    // DICOM TLS (BCP 195): the CA that signed the PACS's certificate, and Lumen's own certificate
    // and key (PEM) for a PACS that asks for one, and to receive a C-MOVE.
    bool tls = false;
    std::string caFile, certificateFile, keyFile;

    // "AET@HOST:PORT" (the CLI's form); throws PacsError on anything else.
    static DimsePeer parse(const std::string& spec);
    std::string text() const;  // "AET@HOST:PORT"
};

}  // namespace lumen::net
