#pragma once
#include "net/DicomWebPeer.h"
#include "net/PacsClient.h"

namespace lumen::net {

// A DICOMweb client (PS3.18) of one server, over libcurl: QIDO-RS queries at study, series and
// instance level (answers in the same DICOM keywords as C-FIND), WADO-RS retrieves read as a
// stream of multipart/related parts (each instance written once whole; a study's series fetched
// in parallel), STOW-RS sends. A response that is not DICOM, or is cut off, is an error that says
// so; what arrived whole before it stays on disk.
class DicomWebClient : public PacsClient {
public:
    explicit DicomWebClient(DicomWebPeer peer);
    void echo() const override;  // a one-study QIDO query: the URL, the password, TLS
    std::vector<PacsRecord> find(const PacsQuery& query) const override;
    RetrieveResult retrieve(const RetrieveScope& scope, const std::string& folder, const InstanceCallback& onInstance = {}) const override;
    StoreResult store(const std::vector<std::string>& files) const override;

private:
    DicomWebPeer peer_;
};

}  // namespace lumen::net
