#pragma once
#include "net/PacsQuery.h"
#include "net/RetrieveScope.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lumen::net {

struct PacsServer;

// What a retrieve brought: the files written (one per instance), how many bytes, and when the
// first instance landed (a series can be opened from then on).
struct RetrieveResult {
    std::vector<std::string> files;
    std::uint64_t bytes = 0;
    double firstInstanceMs = -1, totalMs = 0;
    int failed = 0;         // sub-operations the PACS reported as failed
    bool canceled = false;  // stopped by the caller; `files` holds what had arrived
};

// What a send did: each file stored (with its SOP instance UID) or refused, and why.
struct StoreResult {
    struct Stored { std::string file, sopInstanceUid; };
    struct Refused { std::string file, reason; };
    std::vector<Stored> stored;
    std::vector<Refused> refused;
};

// One instance that has just been stored; return false to cancel the retrieve. It may be called
// from another thread than the caller's (C-MOVE's receiver, WADO-RS's parallel series).
using InstanceCallback = std::function<bool(const std::string& file, const std::string& sopInstanceUid)>;

// A PACS as logic's jobs and the CLI use it, whichever protocol the server is configured with:
// DIMSE (C-GET or C-MOVE) or DICOMweb (QIDO-RS, WADO-RS, STOW-RS). Blocking; every failure is a
// PacsError in words.
class PacsClient {
public:
    virtual ~PacsClient() = default;
    virtual void echo() const = 0;
    virtual std::vector<PacsRecord> find(const PacsQuery& query) const = 0;
    virtual RetrieveResult retrieve(const RetrieveScope& scope, const std::string& folder, const InstanceCallback& onInstance = {}) const = 0;
    virtual StoreResult store(const std::vector<std::string>& files) const = 0;

    // `secret`: the DICOMweb password or token for this session (never part of the settings).
    static std::unique_ptr<PacsClient> forServer(const PacsServer& server, const std::string& secret = {});
};

}  // namespace lumen::net
