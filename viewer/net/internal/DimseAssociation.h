#pragma once
// A plain association through DCMTK's ASC layer, for what DcmSCU does not say: why a PACS
// refused (A-ASSOCIATE-RJ's source and reason), or that the host could not be reached.
#include "net/DimsePeer.h"

namespace lumen::net::internal {

// C-ECHO; PacsError says what failed.
void echo(const DimsePeer& peer);
// Tries an association for Verification and throws the PacsError that explains why it fails;
// returns if it succeeds (the problem was elsewhere).
void throwAssociationProblem(const DimsePeer& peer);

}  // namespace lumen::net::internal
