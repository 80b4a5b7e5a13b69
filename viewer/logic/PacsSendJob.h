#pragma once
#include "net/PacsServer.h"

#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <memory>
#include <string>

class QThread;

namespace lumen::logic {

struct PacsSendSummary {
    QStringList stored;   // files the PACS accepted
    QStringList refused;  // "file: why"
    int confirmed = 0;    // stored instances a query found on the PACS afterwards
};

// Sends DICOM files (the SEG and SR of File ▸ Send to PACS) by C-STORE or STOW-RS on a worker
// thread, then asks the PACS for each stored instance (C-FIND or QIDO-RS at instance level):
// "sent" means found there.
class PacsSendJob : public QObject {
    Q_OBJECT
public:
    PacsSendJob(net::PacsServer server, QStringList files, QObject* parent = nullptr, std::string secret = {});
    ~PacsSendJob() override;
    void start();

signals:
    void finished(lumen::logic::PacsSendSummary summary);
    void failed(QString message);

private:
    void run();
    net::PacsServer server_;
    QStringList files_;
    std::string secret_;
    std::unique_ptr<QThread> thread_;  // waited for, then deleted, by the destructor
};

}  // namespace lumen::logic

Q_DECLARE_METATYPE(lumen::logic::PacsSendSummary)
