#pragma once
#include <string>

namespace lumen::net {

// A DIMSE peer and how Lumen calls it: the PACS's AE title, host and port, Lumen's own AE title
// and the time to wait (connection, association and each message).
struct DimsePeer {
    std::string calledAet, host;
    int port = 104;
    std::string callingAet = "LUMEN";
    int timeoutSeconds = 10;

    // "AET@HOST:PORT" (the CLI's form); throws PacsError on anything else.
    static DimsePeer parse(const std::string& spec);
    std::string text() const;  // "AET@HOST:PORT"
};

}  // namespace lumen::net
