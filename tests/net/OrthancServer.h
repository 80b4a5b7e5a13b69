#pragma once
// A real PACS for the tests: Debian's Orthanc on free loopback ports, its configuration and
// storage in a temporary folder, stopped (and its folder removed) by the destructor. Never the
// system service's ports.
#include "TestSupport.h"

#include <string>
#include <vector>

namespace lumen::test {

class OrthancServer {
public:
    static constexpr const char* kAet = "ORTHANC";
    OrthancServer();
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
    std::string error_;
};

int freeLoopbackPort();

}  // namespace lumen::test
