#include "net/PacsServerList.h"

#include "io/AtomicFile.h"
#include "net/PacsError.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace lumen::net {

namespace fs = std::filesystem;

std::string PacsServer::problem() const {
    if (name.empty()) return "the server needs a name";
    if (usesDicomWeb()) {
        if (dicomwebUrl.rfind("http://", 0) != 0 && dicomwebUrl.rfind("https://", 0) != 0) return "the DICOMweb URL must start with http:// or https://";
        if (auth == DicomWebPeer::Auth::Basic && user.empty()) return "HTTP basic authentication needs a user name";
        if (timeoutSeconds < 1) return "the timeout must be at least one second";
        return {};
    }
    if (calledAet.empty() || calledAet.size() > 16) return "the PACS's AE title must have 1–16 characters";
    if (callingAet.empty() || callingAet.size() > 16) return "Lumen's AE title must have 1–16 characters";
    if (host.empty()) return "the server needs a host";
    if (port < 1 || port > 65535 || listenPort < 1 || listenPort > 65535) return "a port must be 1–65535";
    if (timeoutSeconds < 1) return "the timeout must be at least one second";
    if (tls && caFile.empty()) return "DICOM TLS needs the CA file that signed the PACS's certificate";
    if (certificateFile.empty() != keyFile.empty()) return "DICOM TLS needs both Lumen's certificate and its key, or neither";
    return {};
}

std::string PacsServerList::defaultPath() {
    if (const char* env = std::getenv("LUMEN_PACS_SERVERS"); env && *env) return env;
    const char* config = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    const fs::path base = config && *config ? fs::path(config) : fs::path(home ? home : ".") / ".config";
    return (base / "Lumen" / "pacs-servers.json").string();
}

std::string PacsServerList::sitePath() {
    const char* dir = std::getenv("LUMEN_SYSTEM_CONFIG_DIR");
    return (fs::path(dir && *dir ? dir : "/etc/lumen") / "pacs-servers.json").string();
}

std::string PacsServerList::readPath() {
    const std::string user = defaultPath();
    if (const char* env = std::getenv("LUMEN_PACS_SERVERS"); (env && *env) || fs::exists(user)) return user;
    const std::string site = sitePath();
    return fs::exists(site) ? site : user;
}

PacsServerList PacsServerList::load(const std::string& path) {
    PacsServerList list;
    if (!fs::exists(path)) return list;
    try {
        std::ifstream in(path);
        const nlohmann::json doc = nlohmann::json::parse(in);
        for (const auto& s : doc.at("servers")) {
            PacsServer p;
            p.name = s.at("name");
            if (s.contains("dimse")) {
                const auto& dimse = s.at("dimse");
                p.calledAet = dimse.at("aet"), p.host = dimse.at("host"), p.port = dimse.at("port");
                p.callingAet = dimse.value("own_aet", p.callingAet);
                p.listenPort = dimse.value("listen_port", p.listenPort);
                p.method = dimse.value("method", std::string("cget")) == "cmove" ? PacsServer::Method::CMove : PacsServer::Method::CGet;
                p.tls = dimse.value("tls", false);
                p.certificateFile = dimse.value("certificate", std::string()), p.keyFile = dimse.value("key", std::string());
            }
            if (s.contains("dicomweb")) {
                const auto& web = s.at("dicomweb");
                p.dicomwebUrl = web.at("url");
                const std::string auth = web.value("auth", std::string("none"));
                p.auth = auth == "basic" ? DicomWebPeer::Auth::Basic : auth == "bearer" ? DicomWebPeer::Auth::Bearer : DicomWebPeer::Auth::None;
                p.user = web.value("user", std::string());
                p.caFile = web.value("ca_file", p.caFile);
                if (s.value("retrieve", std::string()) == "wado" || !s.contains("dimse")) p.method = PacsServer::Method::Wado;
            }
            p.timeoutSeconds = s.value("timeout_s", p.timeoutSeconds);
            p.deidentify = s.value("deidentify", false);
            p.caFile = s.value("ca_file", p.caFile);
            if (const std::string why = p.problem(); !why.empty()) throw PacsError(p.name + ": " + why);
            list.servers.push_back(std::move(p));
        }
    } catch (const nlohmann::json::exception& e) {
        throw PacsError("cannot read the PACS servers in " + path + ": " + e.what());
    } catch (const PacsError& e) {
        throw PacsError("cannot read the PACS servers in " + path + ": " + e.what());
    }
    return list;
}

void PacsServerList::save(const std::string& path) const {
    nlohmann::json servers = nlohmann::json::array();
    for (const PacsServer& p : this->servers) {
        nlohmann::json s = {{"name", p.name}, {"timeout_s", p.timeoutSeconds}, {"ca_file", p.caFile}, {"deidentify", p.deidentify}};
        if (!p.calledAet.empty())
            s["dimse"] = {{"aet", p.calledAet}, {"host", p.host}, {"port", p.port}, {"own_aet", p.callingAet},
                          {"listen_port", p.listenPort}, {"method", p.method == PacsServer::Method::CMove ? "cmove" : "cget"},
                          {"tls", p.tls}, {"certificate", p.certificateFile}, {"key", p.keyFile}};
        if (!p.dicomwebUrl.empty()) {
            const char* auth = p.auth == DicomWebPeer::Auth::Basic ? "basic" : p.auth == DicomWebPeer::Auth::Bearer ? "bearer" : "none";
            s["dicomweb"] = {{"url", p.dicomwebUrl}, {"auth", auth}, {"user", p.user}};  // never a password
        }
        if (p.usesDicomWeb()) s["retrieve"] = "wado";
        servers.push_back(std::move(s));
    }
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    const std::string temporary = io::temporarySibling(path);
    std::ofstream(temporary) << nlohmann::json{{"servers", servers}}.dump(2) << "\n";
    try {
        io::commitFile(temporary, path);
    } catch (const std::exception& e) {
        throw PacsError(std::string("cannot save the PACS servers: ") + e.what());
    }
}

std::optional<PacsServer> PacsServerList::find(const std::string& name) const {
    for (const PacsServer& s : servers)
        if (s.name == name) return s;
    return std::nullopt;
}

}  // namespace lumen::net
