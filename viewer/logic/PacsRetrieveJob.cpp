#include "logic/PacsRetrieveJob.h"

#include "core/PathComponent.h"
#include "io/DicomIndexer.h"
#include "io/IoError.h"
#include "io/StudyDatabase.h"
#include "logic/BackgroundPriority.h"
#include "logic/DataLocations.h"
#include "logic/ImportJob.h"
#include "net/PacsClient.h"
#include "net/PacsError.h"

#include <QThread>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace lumen::logic {

namespace {
using Clock = std::chrono::steady_clock;
constexpr std::size_t kInstancesPerRequest = 400;  // a multi-valued UID list stays well under 64 KiB
constexpr std::size_t kBatch = 24;                  // instances added to the database at once...
constexpr auto kBatchAge = std::chrono::milliseconds(200);  // ...or after this long
}  // namespace

bool PacsRetrieveSummary::complete() const { return missing() == 0; }

int PacsRetrieveSummary::missing() const {
    int n = 0;
    for (const auto& s : series) n += std::max(0, s.listed - s.stored);
    return n;
}

// The state of one run on the worker thread: which series, what the database holds of each, the
// batch of files waiting to be added. Instances arrive on the C-GET thread or, for C-MOVE, on the
// receiver's: one mutex guards the batch and the database connection.
struct PacsRetrieveJob::Run {
    PacsRetrieveJob& job;
    io::StudyDatabase db;
    std::mutex mutex;
    struct Series {
        PacsSeriesCount count;
        std::vector<std::string> listedUids;
        std::set<std::string> storedUids;
    };
    std::map<std::string, Series> series;
    std::vector<std::string> order;  // series UIDs as the PACS listed them, by series number
    std::set<std::string> touched;   // series something arrived for in this run (their thumbnails are remade)
    std::vector<std::string> batch;
    Clock::time_point batchStarted;
    int totalListed = 0, totalStored = 0, retries = 0;

    Run(PacsRetrieveJob& j, const std::string& dbPath) : job(j), db(dbPath) {}

    void onArrived(const std::string& file, const std::string& seriesUid) {
        std::lock_guard lock(mutex);
        if (batch.empty()) batchStarted = Clock::now();
        batch.push_back(file);
        // The first image of a series goes in at once: the viewer opens the series on it.
        const auto it = series.find(seriesUid);
        const bool first = it != series.end() && it->second.storedUids.empty();
        if (first || batch.size() >= kBatch || Clock::now() - batchStarted >= kBatchAge) flushLocked();
    }
    void flush() {
        std::lock_guard lock(mutex);
        flushLocked();
    }
    void flushLocked() {
        if (batch.empty()) return;
        const io::DicomIndex index = io::DicomIndexer::index(batch, nullptr, 1);
        batch.clear();
        db.add(index);
        for (const core::SeriesRecord* s : index.allSeries()) {
            auto it = series.find(s->seriesUid);
            if (it == series.end()) continue;  // an instance the PACS did not list: stored, not counted
            touched.insert(s->seriesUid);
            for (const auto& r : s->instances)
                if (it->second.storedUids.insert(r.sopInstanceUid).second) ++totalStored;
            it->second.count.stored = int(it->second.storedUids.size());
            emit job.stored(QString::fromStdString(s->seriesUid), std::make_shared<const std::vector<core::InstanceRecord>>(s->instances),
                            it->second.count.stored, it->second.count.listed);
        }
        emit job.progress(totalListed ? double(totalStored) / totalListed : 1.0, tr("Retrieving"));
    }
    PacsRetrieveSummary summary() const {
        PacsRetrieveSummary s;
        for (const std::string& uid : order) s.series << series.at(uid).count;
        s.retries = retries;
        return s;
    }
    static QString tr(const char* text) { return PacsRetrieveJob::tr(text); }
};

PacsRetrieveJob::PacsRetrieveJob(QString databasePath, net::PacsServer server, QString studyUid, QStringList seriesUids, QObject* parent,
                                 std::string secret)
    : QObject(parent), databasePath_(std::move(databasePath)), studyUid_(std::move(studyUid)), server_(std::move(server)),
      seriesUids_(std::move(seriesUids)), secret_(std::move(secret)) {
    qRegisterMetaType<PacsRetrieveSummary>();
    qRegisterMetaType<PacsInstanceList>();
    qRegisterMetaType<InstanceBatch>();
}

PacsRetrieveJob::~PacsRetrieveJob() {
    cancel();
    if (thread_) thread_->wait();
}

void PacsRetrieveJob::setRetryPause(int firstMs, int attempts) { retryPauseMs_ = firstMs, retryAttempts_ = attempts; }

void PacsRetrieveJob::start() {
    thread_.reset(QThread::create([this] {
        lowerCurrentThreadPriority(2);  // the network sets the pace; the viewer's threads come first
        run();
    }));
    thread_->setObjectName("lumen-pacs");
    thread_->start();
}

void PacsRetrieveJob::cancel() { cancel_ = true; }

void PacsRetrieveJob::run() {
    std::unique_ptr<Run> r;
    try {
        r = std::make_unique<Run>(*this, databasePath_.toStdString());
        const std::unique_ptr<net::PacsClient> client = net::PacsClient::forServer(server_, secret_);
        const net::PacsClient& pacs = *client;
        const std::string study = studyUid_.toStdString();
        emit progress(0, tr("Asking the PACS what the study holds"));

        net::PacsQuery q;
        q.level = net::PacsQuery::Level::Series, q.studyInstanceUid = study;
        std::vector<net::PacsRecord> found = pacs.find(q);
        const auto number = [](const net::PacsRecord& rec) {
            const auto it = rec.find("SeriesNumber");
            return it == rec.end() || it->second.empty() ? 1 << 30 : std::atoi(it->second.c_str());
        };
        std::stable_sort(found.begin(), found.end(), [&](const auto& a, const auto& b) { return number(a) < number(b); });
        for (const net::PacsRecord& rec : found) {
            const auto at = [&](const char* key) { const auto it = rec.find(key); return it == rec.end() ? std::string() : it->second; };
            const std::string uid = at("SeriesInstanceUID");
            if (uid.empty() || (!seriesUids_.isEmpty() && !seriesUids_.contains(QString::fromStdString(uid)))) continue;
            if (cancel_) return emit canceled(r->summary());
            q.level = net::PacsQuery::Level::Instance, q.seriesInstanceUid = uid;
            auto instances = std::make_shared<std::vector<net::PacsRecord>>(pacs.find(q));
            Run::Series s;
            s.count = {QString::fromStdString(uid), QString::fromStdString(at("Modality")), QString::fromStdString(at("SeriesDescription")),
                       int(instances->size()), 0};
            for (const auto& i : *instances)
                if (auto it = i.find("SOPInstanceUID"); it != i.end()) s.listedUids.push_back(it->second);
            // What the database holds already (a file since deleted does not count).
            if (const auto held = r->db.series(uid))
                for (const auto& inst : held->instances)
                    if (std::filesystem::exists(inst.filePath)) s.storedUids.insert(inst.sopInstanceUid);
            s.count.stored = int(std::count_if(s.listedUids.begin(), s.listedUids.end(), [&](const auto& u) { return s.storedUids.count(u) > 0; }));
            r->totalListed += s.count.listed, r->totalStored += s.count.stored;
            r->order.push_back(uid);
            r->series.emplace(uid, std::move(s));
            emit listed(QString::fromStdString(uid), QString::fromStdString(at("Modality")), instances);
        }
        if (r->order.empty()) throw net::PacsError("the PACS lists no such series in this study");

        const std::string root = (std::filesystem::path(DataLocations::importedFiles().toStdString()) / core::uidPathComponent(study)).string();
        for (int attempt = 0;; ++attempt) {
            try {
                for (const std::string& uid : r->order) {
                    Run::Series& s = r->series.at(uid);
                    std::vector<std::string> missing;
                    for (const auto& u : s.listedUids)
                        if (!s.storedUids.count(u)) missing.push_back(u);
                    if (missing.empty()) continue;
                    const bool whole = missing.size() == s.listedUids.size();
                    for (std::size_t from = 0; from < missing.size(); from += kInstancesPerRequest) {
                        net::RetrieveScope scope{study, uid, {}};
                        if (!whole)
                            scope.instanceUids.assign(missing.begin() + long(from),
                                                      missing.begin() + long(std::min(missing.size(), from + kInstancesPerRequest)));
                        const auto onInstance = [&](const std::string& file, const std::string&) {
                            r->onArrived(file, uid);
                            return !cancel_.load();
                        };
                        const std::string folder = (std::filesystem::path(root) / core::uidPathComponent(uid)).string();
                        const net::RetrieveResult got = pacs.retrieve(scope, folder, onInstance);
                        r->flush();
                        if (got.canceled || cancel_) return emit canceled(r->summary());
                        if (whole) break;
                    }
                }
                break;
            } catch (const net::PacsError& e) {
                r->flush();
                if (!e.transient() || attempt >= retryAttempts_ || cancel_) throw;
                ++r->retries;
                const int pause = retryPauseMs_ << attempt;
                emit progress(r->totalListed ? double(r->totalStored) / r->totalListed : 0,
                              tr("Connection lost; trying again in %1 s").arg(pause / 1000.0, 0, 'f', 1));
                for (int waited = 0; waited < pause && !cancel_; waited += 50) std::this_thread::sleep_for(std::chrono::milliseconds(50));
                if (cancel_) return emit canceled(r->summary());
            }
        }
        emit progress(1.0, tr("Making thumbnails"));
        for (const std::string& uid : r->touched)  // a series already whole keeps its thumbnail
            if (auto record = r->db.series(uid)) try {
                    ImportJob::storeThumbnail(r->db, *record);
                } catch (const io::IoError&) {  // no thumbnail (a SEG, an SR): the series is still there
                }
        emit finished(r->summary());
    } catch (const std::exception& e) {
        try {
            if (r) r->flush();
        } catch (const std::exception&) {  // the database went too: the message says what failed first
        }
        emit failed(QString::fromStdString(e.what()), r ? r->summary() : PacsRetrieveSummary{});
    }
}

}  // namespace lumen::logic
