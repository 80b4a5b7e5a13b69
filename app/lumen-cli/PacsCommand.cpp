// lumen-cli pacs: echo, find, get and send against a PACS over DIMSE or DICOMweb (lumen_net does the work).
#include "Commands.h"

#include "io/IoError.h"

#include "net/PacsClient.h"
#include "net/PacsError.h"
#include "net/PacsServerList.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <stdlib.h>

namespace lumen::cli {

namespace fs = std::filesystem;

namespace {

// The PACS named by --server (from the server file) or given by --dimse / --dicomweb; options
// given override the file's values.
net::PacsServer serverOf(const PacsArgs& a) {
    net::PacsServer s;
    if (!a.server.empty()) {
        const std::string file = a.serversFile.empty() ? net::PacsServerList::readPath() : a.serversFile;
        const auto found = net::PacsServerList::load(file).find(a.server);
        if (!found) throw net::PacsError("no PACS server named '" + a.server + "' in " + file);
        s = *found;
    } else if (!a.dimse.empty()) {
        const net::DimsePeer peer = net::DimsePeer::parse(a.dimse);
        s.calledAet = peer.calledAet, s.host = peer.host, s.port = peer.port;
    } else if (!a.dicomweb.empty()) {
        s.dicomwebUrl = a.dicomweb, s.method = net::PacsServer::Method::Wado;
    } else {
        throw net::PacsError("say which PACS: --dimse AET@HOST:PORT, --dicomweb URL or --server NAME");
    }
    s.name = s.name.empty() ? "command line" : s.name;
    if (!a.aet.empty()) s.callingAet = a.aet;
    if (a.timeout > 0) s.timeoutSeconds = a.timeout;
    if (a.listen > 0) s.listenPort = a.listen;
    if (!a.user.empty()) s.user = a.user, s.auth = net::DicomWebPeer::Auth::Basic;
    if (!a.tokenFile.empty()) s.auth = net::DicomWebPeer::Auth::Bearer;
    if (!a.ca.empty()) s.caFile = a.ca;
    if (a.tls) s.tls = true;
    if (!a.cert.empty()) s.certificateFile = a.cert;
    if (!a.key.empty()) s.keyFile = a.key;
    if (a.method == "cmove") s.method = net::PacsServer::Method::CMove;
    else if (a.method == "cget") s.method = net::PacsServer::Method::CGet;
    else if (a.method == "wado") s.method = net::PacsServer::Method::Wado;
    else if (!a.method.empty()) throw net::PacsError("--method must be cget, cmove or wado");
    return s;
}

// The password or token, read from the file named (never from the command line, which `ps` shows).
std::string secretOf(const PacsArgs& a) {
    const std::string& file = !a.tokenFile.empty() ? a.tokenFile : a.passwordFile;
    if (file.empty()) return {};
    std::ifstream in(file);
    if (!in) throw net::PacsError("cannot read " + file);
    std::string secret;
    std::getline(in, secret);
    while (!secret.empty() && (secret.back() == '\r' || secret.back() == ' ')) secret.pop_back();
    return secret;
}

std::unique_ptr<net::PacsClient> clientOf(const PacsArgs& a) { return net::PacsClient::forServer(serverOf(a), secretOf(a)); }

}  // namespace

int runPacsEcho(const PacsArgs& a) {
    const net::PacsServer server = serverOf(a);
    net::PacsClient::forServer(server, secretOf(a))->echo();
    const std::string peer = server.usesDicomWeb() ? server.dicomwebUrl : server.peer().text();
    std::cout << nlohmann::json{{"echo", "ok"}, {"peer", peer}}.dump() << "\n";
    return 0;
}

int runPacsFind(const PacsArgs& a) {
    net::PacsQuery q;
    if (a.level == "series") q.level = net::PacsQuery::Level::Series;
    else if (a.level == "instance") q.level = net::PacsQuery::Level::Instance;
    else if (a.level != "study") throw net::PacsError("--level must be study, series or instance");
    q.seriesInstanceUid = a.series;
    q.patientId = a.patientId, q.patientName = a.patientName, q.accessionNumber = a.accession;
    q.modality = a.modality, q.studyInstanceUid = a.study, q.studyDescription = a.description;
    if (!a.studyDate.empty()) {  // YYYYMMDD-YYYYMMDD, either end open
        const auto dash = a.studyDate.find('-');
        q.studyDateFrom = a.studyDate.substr(0, dash);
        q.studyDateTo = dash == std::string::npos ? q.studyDateFrom : a.studyDate.substr(dash + 1);
    }
    nlohmann::json results = nlohmann::json::array();
    for (const auto& record : clientOf(a)->find(q)) results.push_back(record);
    std::cout << nlohmann::json{{"results", results}}.dump(a.json ? -1 : 1) << "\n";
    return 0;
}

int runPacsGet(const PacsArgs& a) {
    const net::RetrieveResult r = clientOf(a)->retrieve({a.study, a.series, {}}, a.out);
    if (a.timing) {
        const double mbPerS = r.totalMs > 0 ? double(r.bytes) / 1e6 / (r.totalMs / 1000.0) : 0;
        std::cout << nlohmann::json{{"instances", r.files.size()}, {"bytes", r.bytes}, {"first_instance_ms", r.firstInstanceMs},
                                    {"total_ms", r.totalMs}, {"mb_per_s", mbPerS}, {"failed", r.failed}}.dump() << "\n";
    } else {
        std::cout << nlohmann::json{{"instances", r.files.size()}, {"out", a.out}, {"failed", r.failed}}.dump() << "\n";
    }
    return r.failed ? 1 : 0;
}

int runPacsSend(const PacsArgs& a) {
    std::vector<std::string> files;
    for (const std::string& path : a.files) {
        if (!std::filesystem::is_directory(path)) {
            files.push_back(path);
            continue;
        }
        for (const auto& e : std::filesystem::recursive_directory_iterator(path))
            if (e.is_regular_file()) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    // --anonymize: de-identified copies are sent, from a scratch folder removed afterwards.
    std::unique_ptr<fs::path, void (*)(fs::path*)> scratch(nullptr, [](fs::path* p) {
        std::error_code ec;
        fs::remove_all(*p, ec);
        delete p;
    });
    std::size_t refusedByProfile = 0;
    if (a.anonymized) {
        char pattern[] = "/tmp/lumen-send-XXXXXX";
        if (!::mkdtemp(pattern)) throw io::IoError("/tmp", "cannot make a scratch folder for the de-identified copies");
        scratch.reset(new fs::path(pattern));
        files = deidentifyInto(a.anonymize, files, (*scratch / "out").string(), refusedByProfile);
    }
    const net::StoreResult r = clientOf(a)->store(files);
    nlohmann::json stored = nlohmann::json::array(), refused = nlohmann::json::array();
    for (const auto& s : r.stored) stored.push_back({{"file", s.file}, {"sop_instance_uid", s.sopInstanceUid}});
    for (const auto& f : r.refused) refused.push_back({{"file", f.file}, {"reason", f.reason}});
    std::cout << nlohmann::json{{"stored", stored}, {"refused", refused}}.dump(1) << "\n";
    return r.refused.empty() && refusedByProfile == 0 ? 0 : 1;
}

}  // namespace lumen::cli
