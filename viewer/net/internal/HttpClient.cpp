#include "net/internal/HttpClient.h"

#include "net/PacsError.h"

#include <curl/curl.h>
#include <strings.h>

#include <memory>
#include <mutex>

namespace lumen::net::internal {

namespace {

struct Transfer {
    HttpResponse response;
    const std::function<bool(const HttpResponse&, std::string_view)>* onData = nullptr;
    bool canceled = false;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (t->response.status == 200 && t->onData && *t->onData) {
        if (!(*t->onData)(t->response, std::string_view(data, n))) {
            t->canceled = true;
            return 0;  // curl stops with CURLE_WRITE_ERROR
        }
    } else if (t->response.body.size() < (t->response.status == 200 ? std::size_t(1) << 30 : 4096)) {
        t->response.body.append(data, n);
    }
    return n;
}

std::string hostOf(const std::string& url) {
    const auto start = url.find("://");
    const std::string rest = start == std::string::npos ? url : url.substr(start + 3);
    return rest.substr(0, rest.find('/'));
}

}  // namespace

HttpClient::HttpClient(DicomWebPeer peer) : peer_(std::move(peer)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

HttpResponse HttpClient::get(const std::string& url, const std::string& accept,
                             const std::function<bool(const HttpResponse&, std::string_view)>& onData) const {
    return transfer(url, {"Accept: " + accept}, nullptr, onData);
}

HttpResponse HttpClient::post(const std::string& url, const std::string& contentType, const std::string& body, const std::string& accept) const {
    return transfer(url, {"Content-Type: " + contentType, "Accept: " + accept}, &body, {});
}

HttpResponse HttpClient::transfer(const std::string& url, const std::vector<std::string>& headers, const std::string* postBody,
                                  const std::function<bool(const HttpResponse&, std::string_view)>& onData) const {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) throw PacsError("cannot set up HTTP");
    CURL* c = curl.get();
    curl_slist* list = nullptr;
    for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
    if (peer_.auth == DicomWebPeer::Auth::Bearer) list = curl_slist_append(list, ("Authorization: Bearer " + peer_.secret).c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headerList(list, curl_slist_free_all);
    Transfer t;
    t.onData = &onData;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, long(peer_.timeoutSeconds));
    // A transfer is slow, not stuck, while bytes arrive: it fails after `timeout` seconds below 1 kB/s.
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1024L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, long(peer_.timeoutSeconds));
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    if (!peer_.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, peer_.caFile.c_str());
    if (peer_.auth == DicomWebPeer::Auth::Basic) {
        curl_easy_setopt(c, CURLOPT_HTTPAUTH, long(CURLAUTH_BASIC));
        curl_easy_setopt(c, CURLOPT_USERNAME, peer_.user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, peer_.secret.c_str());
    }
    if (postBody) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, postBody->data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(postBody->size()));
    }
    // The status and content type are known before the first byte of the body reaches onBody.
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, +[](char* data, std::size_t size, std::size_t count, void* user) {
        auto* t = static_cast<Transfer*>(user);
        const std::string line(data, size * count);
        if (line.rfind("HTTP/", 0) == 0) {
            const auto space = line.find(' ');
            t->response.status = space == std::string::npos ? 0 : std::atol(line.c_str() + space + 1);
            t->response.contentType.clear();
        } else if (line.size() > 13 && strncasecmp(line.c_str(), "content-type:", 13) == 0) {
            std::string v = line.substr(13);
            while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.erase(0, 1);
            while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' ')) v.pop_back();
            t->response.contentType = v;
        }
        return size * count;
    });
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    const CURLcode code = curl_easy_perform(c);
    if (t.canceled) {
        t.response.status = -1;  // the caller stopped it
        return t.response;
    }
    if (code != CURLE_OK) {
        const std::string what = curl_easy_strerror(code);
        switch (code) {
            case CURLE_COULDNT_RESOLVE_HOST:
            case CURLE_COULDNT_CONNECT:
                throw PacsError("cannot reach " + hostOf(url) + " (" + what + "): is the URL right, is the server running?", true);
            case CURLE_OPERATION_TIMEDOUT:
                throw PacsError(hostOf(url) + " did not answer within " + std::to_string(peer_.timeoutSeconds) + " s", true);
            case CURLE_SSL_CONNECT_ERROR:
            case CURLE_PEER_FAILED_VERIFICATION:
            case CURLE_SSL_CACERT_BADFILE:
            case CURLE_SSL_CERTPROBLEM:
                throw PacsError("TLS with " + hostOf(url) + " failed (" + what + "): does the CA file match the server's certificate?");
            case CURLE_UNSUPPORTED_PROTOCOL:
                throw PacsError("'" + url + "' is not an http:// or https:// URL");
            default:
                throw PacsError(hostOf(url) + ": " + what, code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR || code == CURLE_PARTIAL_FILE ||
                                                               code == CURLE_GOT_NOTHING);
        }
    }
    return t.response;
}

// Only what would break the URL is percent-encoded: Orthanc's DICOMweb plugin (1.10) matches
// query values as written, so "Smith%2A" would look for a literal "%2A" instead of a wildcard.
std::string HttpClient::escape(const std::string& value) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : value) {
        if (c > 0x20 && c < 0x7F && c != '&' && c != '#' && c != '+' && c != '%' && c != '=') {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

void HttpClient::check(const HttpResponse& r, const std::string& url) {
    if (r.status >= 200 && r.status < 300) return;
    const std::string host = hostOf(url), detail = r.body.substr(0, 200);
    switch (r.status) {
        case 401: throw PacsError(host + " refused the user name or password (HTTP 401)");
        case 403: throw PacsError(host + " does not let this user do that (HTTP 403)");
        case 404: throw PacsError(host + " has nothing at " + url + " (HTTP 404): is the DICOMweb base URL right?");
        default: break;
    }
    throw PacsError(host + " answered HTTP " + std::to_string(r.status) + (detail.empty() ? "" : ": " + detail), r.status >= 500);
}

}  // namespace lumen::net::internal
