// lumen-cli pacs: echo, find and get against a PACS over DIMSE (lumen_net does the work).
#include "Commands.h"

#include "net/DimseClient.h"
#include "net/PacsError.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace lumen::cli {

namespace {

net::DimsePeer peerOf(const PacsArgs& a) {
    if (a.dimse.empty()) throw net::PacsError("say which PACS: --dimse AET@HOST:PORT (DICOMweb is not implemented yet)");
    net::DimsePeer peer = net::DimsePeer::parse(a.dimse);
    peer.callingAet = a.aet;
    peer.timeoutSeconds = a.timeout;
    return peer;
}

}  // namespace

int runPacsEcho(const PacsArgs& a) {
    const net::DimsePeer peer = peerOf(a);
    net::DimseClient(peer).echo();
    std::cout << nlohmann::json{{"echo", "ok"}, {"peer", peer.text()}}.dump() << "\n";
    return 0;
}

int runPacsFind(const PacsArgs& a) {
    net::PacsQuery q;
    if (a.level == "series") q.level = net::PacsQuery::Level::Series;
    else if (a.level != "study") throw net::PacsError("--level must be study or series");
    q.patientId = a.patientId, q.patientName = a.patientName, q.accessionNumber = a.accession;
    q.modality = a.modality, q.studyInstanceUid = a.study, q.studyDescription = a.description;
    if (!a.studyDate.empty()) {  // YYYYMMDD-YYYYMMDD, either end open
        const auto dash = a.studyDate.find('-');
        q.studyDateFrom = a.studyDate.substr(0, dash);
        q.studyDateTo = dash == std::string::npos ? q.studyDateFrom : a.studyDate.substr(dash + 1);
    }
    nlohmann::json results = nlohmann::json::array();
    for (const auto& record : net::DimseClient(peerOf(a)).find(q)) results.push_back(record);
    std::cout << nlohmann::json{{"results", results}}.dump(a.json ? -1 : 1) << "\n";
    return 0;
}

int runPacsGet(const PacsArgs& a) {
    const net::DimseClient pacs(peerOf(a));
    net::RetrieveResult r;
    if (a.method == "cget") r = pacs.get({a.study, a.series, {}}, a.out);
    else if (a.method == "cmove") r = pacs.move({a.study, a.series, {}}, a.out, a.listen);
    else throw net::PacsError("--method " + a.method + " is not implemented yet (cget, cmove)");
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
    const net::StoreResult r = net::DimseClient(peerOf(a)).store(files);
    nlohmann::json stored = nlohmann::json::array(), refused = nlohmann::json::array();
    for (const auto& s : r.stored) stored.push_back({{"file", s.file}, {"sop_instance_uid", s.sopInstanceUid}});
    for (const auto& f : r.refused) refused.push_back({{"file", f.file}, {"reason", f.reason}});
    std::cout << nlohmann::json{{"stored", stored}, {"refused", refused}}.dump(1) << "\n";
    return r.refused.empty() ? 0 : 1;
}

}  // namespace lumen::cli
