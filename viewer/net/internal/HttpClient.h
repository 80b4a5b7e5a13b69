#pragma once
#include "net/DicomWebPeer.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lumen::net::internal {

struct HttpResponse {
    long status = 0;
    std::string contentType;
    std::string body;  // what was not streamed to the caller (and an error's text)
};

// HTTP(S) for DICOMweb through libcurl, blocking like the DIMSE client (run it on a worker):
// authentication, the CA file, timeouts (connect, and a transfer that stalls), and failures in
// words: unreachable host, TLS, wrong password, not found. Transient failures (the connection,
// a timeout, a 5xx) are PacsError::transient().
class HttpClient {
public:
    explicit HttpClient(DicomWebPeer peer);
    // GET; the body streams to `onData` once the status is 200 (return false to stop: canceled).
    HttpResponse get(const std::string& url, const std::string& accept,
                     const std::function<bool(const HttpResponse& head, std::string_view data)>& onData = {}) const;
    HttpResponse post(const std::string& url, const std::string& contentType, const std::string& body, const std::string& accept) const;
    const DicomWebPeer& peer() const { return peer_; }
    static std::string escape(const std::string& value);  // for a query parameter
    // A 2xx answer, or the PacsError that says what the status means.
    static void check(const HttpResponse& r, const std::string& url);

private:
    HttpResponse transfer(const std::string& url, const std::vector<std::string>& headers, const std::string* postBody,
                          const std::function<bool(const HttpResponse&, std::string_view)>& onData) const;
    DicomWebPeer peer_;
};

}  // namespace lumen::net::internal
