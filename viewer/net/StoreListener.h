#pragma once
#include "net/DimsePeer.h"
#include "net/PacsClient.h"

#include <memory>
#include <string>

namespace lumen::net {

namespace internal { class StorageReceiver; }

// Lumen's always-on C-STORE receiver (off unless started): what a PACS or a modality pushes to
// Lumen's AE title lands as files in a folder, each reported to `onInstance` on the receiver's
// thread. `self` names Lumen's AE title and, for DICOM TLS, its CA, certificate and key.
class StoreListener {
public:
    StoreListener(DimsePeer self, int port, std::string folder, InstanceCallback onInstance);
    ~StoreListener();
    void start();  // throws PacsError: the port is in use, a TLS file cannot be read
    void stop();

private:
    std::unique_ptr<internal::StorageReceiver> receiver_;
};

}  // namespace lumen::net
