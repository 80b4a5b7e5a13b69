#pragma once
// Lumen's own C-STORE SCP on a thread (DCMTK's DcmStorageSCP): where a C-MOVE sends the
// instances. Files go to one folder; each stored instance is counted and reported.
#include "net/DimseClient.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

class DcmTLSTransportLayer;

namespace lumen::net::internal {

class StorageReceiver {
public:
    // Listens on `port` as the peer's calling AE title (with TLS if the peer uses it);
    // `onInstance` runs on the receiver's thread. `record`: keep the list of files (a retrieve's
    // result); an always-on listener does not, or its memory would grow with every instance.
    StorageReceiver(const DimsePeer& peer, int port, const std::string& folder, InstanceCallback onInstance, bool record = true);
    ~StorageReceiver();  // stops listening
    // Throws PacsError when the port cannot be listened on.
    void start();
    void stop();
    // The files stored so far, their bytes, when the first one landed (ms after start()).
    RetrieveResult snapshot() const;
    bool canceled() const { return canceled_; }

private:
    class Scp;
    std::shared_ptr<DcmTLSTransportLayer> tls_;  // outlives the SCP that uses it
    std::unique_ptr<Scp> scp_;
    std::thread thread_;
    std::atomic<bool> stop_{false}, canceled_{false};
    mutable std::mutex mutex_;
    RetrieveResult received_;
    int port_ = 0;
    bool record_ = true;
    friend class Scp;
};

}  // namespace lumen::net::internal
