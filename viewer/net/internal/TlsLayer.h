#pragma once
// DICOM TLS (DCMTK's dcmtls) for a peer that asks for it: the BCP 195 profile, the CA file to
// trust, and Lumen's own certificate and key when the PACS wants one (or when Lumen is the
// receiving side of a C-MOVE). Null when the peer does not use TLS.
#include "net/DimsePeer.h"

#include <memory>

class DcmTLSTransportLayer;

namespace lumen::net::internal {

enum class TlsRole { Requestor, Acceptor };

// Throws PacsError when a file is missing or unreadable.
std::shared_ptr<DcmTLSTransportLayer> tlsLayerFor(const DimsePeer& peer, TlsRole role);

// A failed association or transfer over TLS, in words: which side, and what to check.
std::string tlsProblem(const DimsePeer& peer, const std::string& detail);

}  // namespace lumen::net::internal
