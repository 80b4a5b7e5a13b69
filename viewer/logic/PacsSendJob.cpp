#include "logic/PacsSendJob.h"

#include "io/DicomIndexer.h"
#include "logic/BackgroundPriority.h"
#include "net/PacsClient.h"

#include <QThread>

#include <map>
#include <set>

namespace lumen::logic {

PacsSendJob::PacsSendJob(net::PacsServer server, QStringList files, QObject* parent, std::string secret)
    : QObject(parent), server_(std::move(server)), files_(std::move(files)), secret_(std::move(secret)) {
    qRegisterMetaType<PacsSendSummary>();
}

PacsSendJob::~PacsSendJob() {
    if (thread_) thread_->wait();  // a C-STORE is not interrupted: the PACS would keep half a send
}

void PacsSendJob::start() {
    thread_.reset(QThread::create([this] {
        lowerCurrentThreadPriority(2);
        run();
    }));
    thread_->setObjectName("lumen-pacs-send");
    thread_->start();
}

void PacsSendJob::run() {
    try {
        const std::unique_ptr<net::PacsClient> client = net::PacsClient::forServer(server_, secret_);
        const net::PacsClient& pacs = *client;
        std::vector<std::string> files;
        for (const QString& f : files_) files.push_back(f.toStdString());
        const net::StoreResult result = pacs.store(files);
        PacsSendSummary summary;
        std::vector<std::string> stored;
        for (const auto& s : result.stored) summary.stored << QString::fromStdString(s.file), stored.push_back(s.file);
        for (const auto& r : result.refused) summary.refused << QString::fromStdString(r.file + ": " + r.reason);
        // Found by a query, series by series: what the other workstations will see.
        std::map<std::pair<std::string, std::string>, std::set<std::string>> sent;
        const io::DicomIndex index = io::DicomIndexer::index(stored, nullptr, 1);
        for (const core::SeriesRecord* series : index.allSeries())
            for (const auto& instance : series->instances)
                sent[{index.studyOf(*series)->studyUid, series->seriesUid}].insert(instance.sopInstanceUid);
        for (const auto& [where, uids] : sent) {
            net::PacsQuery q;
            q.level = net::PacsQuery::Level::Instance, q.studyInstanceUid = where.first, q.seriesInstanceUid = where.second;
            for (const net::PacsRecord& r : pacs.find(q))
                if (auto it = r.find("SOPInstanceUID"); it != r.end() && uids.count(it->second)) ++summary.confirmed;
        }
        emit finished(summary);
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
    }
}

}  // namespace lumen::logic
