#pragma once
// A real PACS for the tests: Debian's Orthanc on free loopback ports, its configuration and
// storage in a temporary folder, stopped (and its folder removed) by the destructor. Never the
// system service's ports.
#include "TestSupport.h"

#include <filesystem>
#include <string>
#include <vector>

namespace lumen::test {

class OrthancServer {
public:
    static constexpr const char* kAet = "ORTHANC";
    // `tls`: a folder made by makeTestCertificates(): DICOM TLS (client certificates required),
    // and Lumen's C-MOVE destination reached over TLS. (Orthanc's own HTTPS crashes on Debian 12:
    // tests put tls_proxy.py in front of its HTTP, as nginx would be.)
    explicit OrthancServer(const std::string& tls = {});
    ~OrthancServer();
    OrthancServer(const OrthancServer&) = delete;
    OrthancServer& operator=(const OrthancServer&) = delete;

    bool running() const { return pid_ > 0; }
    const std::string& error() const { return error_; }
    int dicomPort() const { return dicomPort_; }
    int httpPort() const { return httpPort_; }
    // Where Orthanc sends a C-MOVE for "LUMEN" (registered in its DicomModalities).
    int lumenPort() const { return lumenPort_; }
    std::string dimse() const;     // "ORTHANC@127.0.0.1:PORT"
    std::string dicomweb() const;  // "http://127.0.0.1:PORT/dicom-web" (user lumen, password secret)
    // Uploads files through Orthanc's REST API (Debian's Python, an independent client); false and error() on failure.
    bool store(const std::vector<std::string>& files);
    void kill();   // SIGKILL now, as a crashed PACS
    bool start();  // again after kill(): the same ports, configuration and stored studies

private:
    TempDir dir_{"orthanc"};
    int pid_ = -1, dicomPort_ = 0, httpPort_ = 0, lumenPort_ = 0;
    bool tls_ = false;
    std::string error_;
};

int freeLoopbackPort();
// With openssl, into `dir`: ca.crt, server.crt/.key/.pem (for 127.0.0.1), client.crt/.key (Lumen's),
// and other-ca.crt (a CA that signed none of them). False if openssl failed.
bool makeTestCertificates(const std::filesystem::path& dir);

}  // namespace lumen::test
