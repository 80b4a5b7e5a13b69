#include "net/DicomWebClient.h"

#include "core/PathComponent.h"
#include "net/PacsError.h"
#include "net/internal/DimseAssociation.h"
#include "net/internal/HttpClient.h"
#include "net/internal/MultipartReader.h"
#include "net/internal/QidoAnswer.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dctag.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

namespace lumen::net {

namespace fs = std::filesystem;
using internal::HttpClient;
using internal::HttpResponse;

namespace {

constexpr const char* kJson = "application/dicom+json";
constexpr const char* kMultipartDicom = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
constexpr int kParallelSeries = 4;

// "DICM" at byte 128: a Part 10 file, not an error page or a JPEG.
bool isDicom(std::string_view bytes) { return bytes.size() > 132 && bytes.substr(128, 4) == "DICM"; }

std::string sopInstanceOf(const std::string& file) {
    DcmFileFormat dicom;
    if (dicom.loadFile(file.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_metaOnly).bad()) return {};
    OFString uid;
    dicom.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPInstanceUID, uid);
    return uid.c_str();
}

// What the parallel series of a retrieve share: the result, the callback, the first error.
struct Collector {
    std::mutex mutex;
    RetrieveResult result;
    const InstanceCallback* onInstance = nullptr;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    std::atomic<bool> stop{false};
    std::string error;
    bool transient = false;
    std::atomic<int> counter{0};

    void fail(const PacsError& e) {
        std::lock_guard lock(mutex);
        if (error.empty()) error = e.what(), transient = e.transient();
        stop = true;
    }
};

// One WADO-RS GET: its multipart parts written as files (each once whole) as they arrive.
void fetch(const HttpClient& http, const std::string& url, const std::string& folder, Collector& c) {
    std::unique_ptr<internal::MultipartReader> reader;
    std::string problem;  // found inside curl's callback, thrown after it returns
    const auto onPart = [&](const std::string& headers, std::string_view body) {
        if (!problem.empty() || c.stop) return;  // parts already read after a cancel or another series' failure are dropped
        if (!isDicom(body)) {
            const auto type = headers.find("content-type:");
            problem = "the PACS sent a part that is not DICOM" +
                      (type == std::string::npos ? std::string() : " (" + headers.substr(type, headers.find('\r', type) - type) + ")");
            return;
        }
        const fs::path part = fs::path(folder) / ("wado-" + std::to_string(c.counter++) + ".part");
        {
            std::ofstream out(part, std::ios::binary);
            out.write(body.data(), std::streamsize(body.size()));
            if (!out) {
                problem = "cannot write into " + folder;
                return;
            }
        }
        const std::string uid = sopInstanceOf(part.string());
        if (uid.empty()) {
            fs::remove(part);
            problem = "the PACS sent a DICOM part without a SOP instance UID";
            return;
        }
        const fs::path file = fs::path(folder) / (core::uidPathComponent(uid) + ".dcm");  // a PACS's UID can be anything
        fs::rename(part, file);
        std::lock_guard lock(c.mutex);
        c.result.files.push_back(file.string());
        c.result.bytes += body.size();
        if (c.result.firstInstanceMs < 0)
            c.result.firstInstanceMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c.start).count();
        if (*c.onInstance && !(*c.onInstance)(file.string(), uid)) c.stop = true, c.result.canceled = true;
    };
    const HttpResponse r = http.get(url, kMultipartDicom, [&](const HttpResponse& head, std::string_view data) {
        if (!reader) {
            try {
                reader = std::make_unique<internal::MultipartReader>(internal::MultipartReader::boundaryOf(head.contentType), onPart);
            } catch (const PacsError& e) {
                problem = e.what();
                return false;
            }
        }
        reader->feed(data);
        return problem.empty() && !c.stop;
    });
    if (!problem.empty()) throw PacsError(problem);
    if (r.status == -1) return;  // stopped: canceled, or another series failed
    HttpClient::check(r, url);
    if (!reader) throw PacsError("the PACS answered " + url + " with an empty body");
    reader->finish();
}

}  // namespace

DicomWebClient::DicomWebClient(DicomWebPeer peer) : peer_(std::move(peer)) {
    while (!peer_.baseUrl.empty() && peer_.baseUrl.back() == '/') peer_.baseUrl.pop_back();
    internal::prepareDcmtk();
}

void DicomWebClient::echo() const {
    const std::string url = peer_.baseUrl + "/studies?limit=1";
    const HttpResponse r = HttpClient(peer_).get(url, kJson);
    HttpClient::check(r, url);
    if (r.status == 204) return;
    if (!nlohmann::json::accept(r.body)) throw PacsError(url + " does not answer like a DICOMweb service (its answer is not DICOM JSON)");
}

std::vector<PacsRecord> DicomWebClient::find(const PacsQuery& q) const {
    const bool series = q.level == PacsQuery::Level::Series, instance = q.level == PacsQuery::Level::Instance;
    if ((series || instance) && q.studyInstanceUid.empty()) throw PacsError("a series or instance query needs the study's StudyInstanceUID");
    if (instance && q.seriesInstanceUid.empty()) throw PacsError("an instance query needs the SeriesInstanceUID");
    std::string url = peer_.baseUrl;
    std::vector<std::pair<std::string, std::string>> match;
    std::string include;
    if (instance) {
        url += "/studies/" + q.studyInstanceUid + "/series/" + q.seriesInstanceUid + "/instances";
        include = "00200013,00200032,00200037,00280008";
    } else if (series) {
        url += "/studies/" + q.studyInstanceUid + "/series";
        match = {{"Modality", q.modality}};
        include = "00080060,00200011,0008103E,00201209,00180015";
    } else {
        url += "/studies";
        const std::string dates = q.studyDateFrom.empty() && q.studyDateTo.empty() ? "" : q.studyDateFrom + "-" + q.studyDateTo;
        match = {{"PatientID", q.patientId}, {"PatientName", q.patientName}, {"AccessionNumber", q.accessionNumber},
                 {"ModalitiesInStudy", q.modality}, {"StudyDescription", q.studyDescription}, {"StudyDate", dates}};
        include = "00100010,00100020,00100030,00100040,00080020,00080030,00080050,00081030,00080061,00201206,00201208";
    }
    url += "?includefield=" + include;
    for (const auto& [key, value] : match)
        if (!value.empty()) url += "&" + key + "=" + HttpClient::escape(value);
    const HttpResponse r = HttpClient(peer_).get(url, kJson);
    HttpClient::check(r, url);
    if (r.status == 204 || r.body.empty()) return {};
    return internal::readQidoAnswer(r.body, url);
}

RetrieveResult DicomWebClient::retrieve(const RetrieveScope& scope, const std::string& folder, const InstanceCallback& onInstance) const {
    if (scope.studyUid.empty()) throw PacsError("a retrieve needs the study's StudyInstanceUID");
    if (!scope.instanceUids.empty() && scope.seriesUid.empty()) throw PacsError("a retrieve of instances needs their SeriesInstanceUID");
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw PacsError("cannot create " + folder + ": " + ec.message());
    const HttpClient http(peer_);
    const std::string study = peer_.baseUrl + "/studies/" + scope.studyUid;
    std::vector<std::string> urls;
    if (!scope.instanceUids.empty()) {
        for (const auto& uid : scope.instanceUids) urls.push_back(study + "/series/" + scope.seriesUid + "/instances/" + uid);
    } else if (!scope.seriesUid.empty()) {
        urls.push_back(study + "/series/" + scope.seriesUid);
    } else {  // the study's series side by side: one stream each
        PacsQuery q;
        q.level = PacsQuery::Level::Series, q.studyInstanceUid = scope.studyUid;
        for (const auto& s : find(q))
            if (auto it = s.find("SeriesInstanceUID"); it != s.end()) urls.push_back(study + "/series/" + it->second);
        if (urls.empty()) throw PacsError("the PACS lists no series in study " + scope.studyUid);
    }
    Collector c;
    c.onInstance = &onInstance;
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
        for (std::size_t i; !c.stop && (i = next++) < urls.size();) try {
                fetch(http, urls[i], folder, c);
            } catch (const PacsError& e) {
                c.fail(e);
            }
    };
    const int threads = scope.instanceUids.empty() ? std::min<int>(kParallelSeries, int(urls.size())) : 1;
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    c.result.totalMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c.start).count();
    if (!c.error.empty() && !c.result.canceled)
        throw PacsError(c.error + (c.result.files.empty() ? "" : " (" + std::to_string(c.result.files.size()) + " instance(s) arrived whole before)"),
                        c.transient);
    return c.result;
}

StoreResult DicomWebClient::store(const std::vector<std::string>& files) const {
    StoreResult result;
    const std::string boundary = "lumen-stow-boundary-7f3a9c";
    std::string body;
    std::map<std::string, std::string> fileOf;  // SOP instance UID → file
    for (const std::string& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        const std::string data = bytes.str();
        const std::string uid = isDicom(data) ? sopInstanceOf(file) : std::string();
        if (uid.empty()) {
            result.refused.push_back({file, "not a DICOM file"});
            continue;
        }
        fileOf[uid] = file;
        body += "--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n" + data + "\r\n";
    }
    if (fileOf.empty()) return result;
    body += "--" + boundary + "--\r\n";
    const std::string url = peer_.baseUrl + "/studies";
    const HttpResponse r = HttpClient(peer_).post(url, "multipart/related; type=\"application/dicom\"; boundary=" + boundary, body, kJson);
    if (r.status != 409) HttpClient::check(r, url);  // 409: some were refused, the answer says which
    nlohmann::json answer = nlohmann::json::object();
    if (nlohmann::json::accept(r.body)) answer = nlohmann::json::parse(r.body);
    const auto items = [&](const char* tag) {
        const auto seq = answer.find(tag);
        return seq != answer.end() && seq->contains("Value") ? (*seq)["Value"] : nlohmann::json::array();
    };
    for (const auto& item : items("00081199")) {  // ReferencedSOPSequence: stored
        const std::string uid = item.contains("00081155") ? internal::dicomJsonText(item["00081155"]) : "";
        if (auto it = fileOf.find(uid); it != fileOf.end()) result.stored.push_back({it->second, uid}), fileOf.erase(it);
    }
    for (const auto& item : items("00081198")) {  // FailedSOPSequence
        const std::string uid = item.contains("00081155") ? internal::dicomJsonText(item["00081155"]) : "";
        const std::string reason = item.contains("00081197") ? internal::dicomJsonText(item["00081197"]) : "";
        if (auto it = fileOf.find(uid); it != fileOf.end())
            result.refused.push_back({it->second, "the PACS refused it (failure reason " + reason + ")"}), fileOf.erase(it);
    }
    for (const auto& [uid, file] : fileOf) result.refused.push_back({file, "the PACS did not acknowledge it"});
    return result;
}

}  // namespace lumen::net
