#pragma once
#include "net/DimsePeer.h"

#include <string>

namespace lumen::net {

// One PACS as the user configured it (Preferences → PACS, or the CLI's server file): its DIMSE
// side and how Lumen retrieves from it. Secrets are never part of it.
struct PacsServer {
    enum class Method { CGet, CMove };
    std::string name;
    std::string calledAet, host;
    int port = 104;
    std::string callingAet = "LUMEN";  // Lumen's own AE title, as the PACS knows it
    int listenPort = 11112;            // where Lumen receives a C-MOVE
    Method method = Method::CGet;
    int timeoutSeconds = 10;

    DimsePeer peer() const { return {calledAet, host, port, callingAet, timeoutSeconds}; }
    // What is wrong with it in words ("the port must be 1–65535"), or empty.
    std::string problem() const;
};

}  // namespace lumen::net
