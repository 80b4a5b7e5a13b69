#include "net/internal/StorageReceiver.h"

#include "net/PacsError.h"
#include "net/internal/TlsLayer.h"

#include <dcmtk/dcmtls/tlslayer.h>

#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/dstorscp.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

namespace lumen::net::internal {

namespace fs = std::filesystem;

class StorageReceiver::Scp : public DcmStorageSCP {
public:
    Scp(StorageReceiver& owner, InstanceCallback onInstance) : owner_(owner), onInstance_(std::move(onInstance)) {}
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();

protected:
    void notifyInstanceStored(const OFString& filename, const OFString&, const OFString& sopInstanceUID, DcmDataset*) const override {
        std::error_code ec;
        const auto bytes = fs::file_size(filename.c_str(), ec);
        if (owner_.record_) {
            std::lock_guard<std::mutex> lock(owner_.mutex_);
            owner_.received_.files.emplace_back(filename.c_str());
            owner_.received_.bytes += bytes;
            if (owner_.received_.firstInstanceMs < 0)
                owner_.received_.firstInstanceMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        }
        if (onInstance_ && !onInstance_(filename.c_str(), sopInstanceUID.c_str())) owner_.canceled_ = true;
    }
    // Non-blocking listen: every second (or after each association) ask whether to stop.
    OFBool stopAfterConnectionTimeout() override { return owner_.stop_.load(); }
    OFBool stopAfterCurrentAssociation() override { return owner_.stop_.load(); }

private:
    StorageReceiver& owner_;
    InstanceCallback onInstance_;
};

StorageReceiver::StorageReceiver(const DimsePeer& peer, int port, const std::string& folder, InstanceCallback onInstance, bool record)
    : tls_(tlsLayerFor(peer, TlsRole::Acceptor)), scp_(std::make_unique<Scp>(*this, std::move(onInstance))), port_(port), record_(record) {
    scp_->setAETitle(peer.callingAet.c_str());
    if (tls_) scp_->getConfig().setTransportLayer(tls_.get());
    scp_->setPort(Uint16(port));
    scp_->setConnectionBlockingMode(DUL_NOBLOCK);
    scp_->setConnectionTimeout(1);
    scp_->setMaxReceivePDULength(131072);
    scp_->setHostLookupEnabled(OFFalse);
    if (scp_->setOutputDirectory(folder.c_str()).bad()) throw PacsError("cannot write into " + folder);
    // What arrives goes to its file as it came, unparsed: DCMTK parses a data set recursively, so
    // one nested a hundred thousand sequences deep would overflow this thread's stack and end the
    // viewer. Lumen's readers check the nesting before DCMTK parses the file (io::internal::checkNesting).
    scp_->setDatasetStorageMode(DcmStorageSCP::DGM_StoreBitPreserving);
    OFList<OFString> syntaxes;
    syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
    syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
    // DcmStorageSCP answers Verification itself: adding it again makes the profile invalid
    // (one abstract syntax twice).
    for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs; ++i) scp_->addPresentationContext(dcmLongSCUStorageSOPClassUIDs[i], syntaxes);
}

StorageReceiver::~StorageReceiver() { stop(); }

void StorageReceiver::start() {
    scp_->start = std::chrono::steady_clock::now();
    // The port is bound here, so that a port in use is an error now, not on the thread.
    const OFCondition bound = scp_->openListenPort();
    if (bound.bad()) throw PacsError("cannot receive on port " + std::to_string(port_) + ": " + bound.text());
    thread_ = std::thread([this] { scp_->acceptAssociations(); });
}

void StorageReceiver::stop() {
    stop_ = true;
    if (!thread_.joinable()) return;
    // listen() polls for the flag once a second; a connection that closes at once makes it look now.
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(std::uint16_t(port_));
    if (s >= 0) {
        ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
        ::close(s);
    }
    thread_.join();
}

RetrieveResult StorageReceiver::snapshot() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_;
}

}  // namespace lumen::net::internal
