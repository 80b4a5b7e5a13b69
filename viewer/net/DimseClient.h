#pragma once
#include "net/DimsePeer.h"
#include "net/PacsClient.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lumen::net {

// A DIMSE client of one PACS (DCMTK's dcmnet behind a plain interface): C-ECHO, C-FIND at study and
// series level, C-GET or C-MOVE into a folder, C-STORE of files. Each call opens its own association; every failure is a
// PacsError that says what went wrong (unreachable host, refused association and why, a status
// the PACS returned). Blocking: run it on a worker thread.
class DimseClient {
public:
    explicit DimseClient(DimsePeer peer);

    void echo() const;
    std::vector<PacsRecord> find(const PacsQuery& query) const;
    // The study, a series or chosen instances, as files under `folder` (created if missing).
    RetrieveResult get(const RetrieveScope& scope, const std::string& folder, const InstanceCallback& onInstance = {}) const;

    // The same by C-MOVE: the PACS sends the instances to Lumen's own C-STORE receiver, which
    // listens on `listenPort` as the peer's calling AE title (the PACS must know it by that name,
    // host and port). `onInstance` runs on the receiver's thread.
    RetrieveResult move(const RetrieveScope& scope, const std::string& folder, int listenPort,
                        const InstanceCallback& onInstance = {}) const;
    // C-STORE of DICOM files (SEG, SR, images) on one association. A file that is not DICOM, that
    // the PACS does not accept or answers with a failure status is listed as refused, with why.
    StoreResult store(const std::vector<std::string>& files) const;

private:
    DimsePeer peer_;
};

}  // namespace lumen::net
