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
// Once per process: DCMTK's logging off (errors reach the user as PacsError) and its standard
// dictionary only, which names every keyword a query returns (a DCMDICTPATH the user set wins).
void prepareDcmtk();

}  // namespace lumen::net::internal
