#include "OrthancServer.h"

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

namespace lumen::test {

int freeLoopbackPort() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof a;
    int port = 0;
    if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 && ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &length) == 0)
        port = ntohs(a.sin_port);
    ::close(s);
    return port;
}

namespace {
bool listening(int port) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(std::uint16_t(port));
    const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(s);
    return ok;
}
}  // namespace

bool makeTestCertificates(const std::filesystem::path& dir) {
    const std::string d = quote(dir.string());
    const std::string script = "set -e; cd " + d + "\n"
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj '/CN=Lumen test CA' 2>/dev/null\n"
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.crt -days 2 -subj '/CN=Another CA' 2>/dev/null\n"
        "for who in server client; do\n"
        "  openssl req -newkey rsa:2048 -nodes -keyout $who.key -out $who.csr -subj \"/CN=$who\" 2>/dev/null\n"
        "  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost' > $who.ext\n"
        "  openssl x509 -req -in $who.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out $who.crt -days 2 -extfile $who.ext 2>/dev/null\n"
        "done\n"
        "cat server.crt server.key > server.pem\n";
    return run("sh -c " + quote(script)).exitCode == 0;
}

OrthancServer::OrthancServer(const std::string& tls) : tls_(!tls.empty()) {
    dicomPort_ = freeLoopbackPort();
    httpPort_ = freeLoopbackPort();
    lumenPort_ = freeLoopbackPort();
    const auto config = dir_ / "orthanc.json";
    std::ofstream(config) << R"({
  "Name": "LumenTest", "StorageDirectory": ")" << (dir_ / "storage").string() << R"(",
  "IndexDirectory": ")" << (dir_ / "index").string() << R"(",
  "HttpPort": )" << httpPort_ << R"(, "DicomPort": )" << dicomPort_ << R"(, "DicomAet": "ORTHANC",
  "RemoteAccessAllowed": false, "AuthenticationEnabled": true, "RegisteredUsers": {"lumen": "secret"},
  "DicomCheckCalledAet": true, "DicomAlwaysAllowEcho": true, "DicomAlwaysAllowFind": true,
  "DicomAlwaysAllowGet": true, "DicomAlwaysAllowMove": true, "DicomAlwaysAllowStore": true,
  "DicomModalities": {"lumen": {"AET": "LUMEN", "Host": "127.0.0.1", "Port": )" << lumenPort_ << R"(, "UseDicomTls": )" << (tls_ ? "true" : "false") << R"(}}, "MaximumPduLength": 131072, "StorageCompression": false, "SyncStorageArea": false,
  "Plugins": ["/usr/share/orthanc/plugins/libOrthancDicomWeb.so"], "DicomWeb": {"Enable": true, "Root": "/dicom-web/"})";
    if (tls_)
        std::ofstream(config, std::ios::app) << R"(,
  "DicomTlsEnabled": true, "DicomTlsCertificate": ")" << tls << R"(/server.crt", "DicomTlsPrivateKey": ")" << tls << R"(/server.key",
  "DicomTlsTrustedCertificates": ")" << tls << R"(/ca.crt", "DicomTlsRemoteCertificateRequired": true)";
    std::ofstream(config, std::ios::app) << R"(
})";
    start();
}

bool OrthancServer::start() {
    if (pid_ > 0) return true;
    error_.clear();
    const auto config = dir_ / "orthanc.json";
    const std::string log = (dir_ / "orthanc.log").string();
    pid_ = ::fork();
    if (pid_ == 0) {
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, 1), ::dup2(fd, 2);
        ::execl("/usr/sbin/Orthanc", "Orthanc", config.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    for (int i = 0; i < 300; ++i) {  // 15 s
        if (listening(dicomPort_) && listening(httpPort_)) return true;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    error_ = "Orthanc did not start (is the orthanc package installed? installer/setup.sh): " + readText(log);
    kill();
    return false;
}

OrthancServer::~OrthancServer() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
        if (::waitpid(pid_, nullptr, WNOHANG) == pid_) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill();
}

void OrthancServer::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

std::string OrthancServer::dicomweb() const { return "http://127.0.0.1:" + std::to_string(httpPort_) + "/dicom-web"; }

std::string OrthancServer::dimse() const { return std::string(kAet) + "@127.0.0.1:" + std::to_string(dicomPort_); }

// Through Orthanc's REST API (POST /instances) with Debian's Python: an independent client, and
// ten times faster than storescu here (Orthanc acknowledges each C-STORE ~80 ms late on loopback).
bool OrthancServer::store(const std::vector<std::string>& files) {
    const auto list = dir_ / "upload.txt";
    {
        std::ofstream out(list);
        for (const auto& f : files) out << f << "\n";
    }
    const std::string script =
        "import base64, sys, urllib.request\n"
        "auth = 'Basic ' + base64.b64encode(b'lumen:secret').decode()\n"
        "for path in open(sys.argv[1]).read().splitlines():\n"
        "    request = urllib.request.Request('http://127.0.0.1:" + std::to_string(httpPort_) +
        "/instances', data=open(path, 'rb').read(), headers={'Authorization': auth, 'Content-Type': 'application/dicom'})\n"
        "    urllib.request.urlopen(request).read()\n";
    const CommandResult r = run(std::string(kDebianPython) + " -c " + quote(script) + " " + quote(list.string()));
    if (r.exitCode != 0) error_ = "upload: " + r.err;
    return r.exitCode == 0;
}

}  // namespace lumen::test
