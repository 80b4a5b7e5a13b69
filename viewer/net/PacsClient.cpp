#include "net/PacsClient.h"

#include "net/DicomWebClient.h"
#include "net/DimseClient.h"
#include "net/PacsError.h"
#include "net/PacsServer.h"

namespace lumen::net {

namespace {

// A DIMSE server: C-GET, or C-MOVE to Lumen's receiver on the server's listen port.
class DimseServerClient : public PacsClient {
public:
    explicit DimseServerClient(const PacsServer& s) : client_(s.peer()), move_(s.method == PacsServer::Method::CMove), listenPort_(s.listenPort) {}
    void echo() const override { client_.echo(); }
    std::vector<PacsRecord> find(const PacsQuery& q) const override { return client_.find(q); }
    RetrieveResult retrieve(const RetrieveScope& scope, const std::string& folder, const InstanceCallback& onInstance) const override {
        return move_ ? client_.move(scope, folder, listenPort_, onInstance) : client_.get(scope, folder, onInstance);
    }
    StoreResult store(const std::vector<std::string>& files) const override { return client_.store(files); }

private:
    DimseClient client_;
    bool move_;
    int listenPort_;
};

}  // namespace

std::unique_ptr<PacsClient> PacsClient::forServer(const PacsServer& server, const std::string& secret) {
    if (const std::string why = server.problem(); !why.empty()) throw PacsError(server.name + ": " + why);
    if (server.usesDicomWeb()) return std::make_unique<DicomWebClient>(server.dicomweb(secret));
    return std::make_unique<DimseServerClient>(server);
}

}  // namespace lumen::net
