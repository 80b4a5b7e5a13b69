#include "ui/PacsPanel.h"

#include "io/StudyDatabase.h"
#include "logic/ArrivingSeries.h"
#include "logic/BackgroundTask.h"
#include "logic/SecretStore.h"
#include "net/PacsClient.h"
#include "net/PacsError.h"
#include "net/PacsServerList.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace lumen::ui {

namespace {
enum Role { UidRole = Qt::UserRole + 1, ListedRole, ModalityRole, ExpandedRole, PatientRole, DateRole };
enum Column { NameColumn, ImagesColumn, LocalColumn };
using Records = std::vector<net::PacsRecord>;

QString field(const net::PacsRecord& r, const char* key) {
    const auto it = r.find(key);
    return it == r.end() ? QString() : QString::fromStdString(it->second);
}

QString dicomDate(const QString& d) { return d.size() == 8 ? d.left(4) + "-" + d.mid(4, 2) + "-" + d.right(2) : d; }

QString personName(const QString& pn) { return QString(pn).replace('^', ", ").trimmed(); }

// Not a SEG, SR, KO, presentation state, RT object or document: a series to look at.
bool imageModality(const QString& m) { return !QStringList{"SEG", "SR", "KO", "PR", "RTSTRUCT", "RTPLAN", "RTDOSE", "DOC"}.contains(m); }
}  // namespace

PacsPanel::PacsPanel(QString databasePath, QWidget* parent) : QWidget(parent), databasePath_(std::move(databasePath)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* serverRow = new QHBoxLayout;
    server_ = new QComboBox(this);
    server_->setObjectName("pacsServer");
    server_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    test_ = new QPushButton(tr("Test"), this);
    test_->setToolTip(tr("Test connection (C-ECHO)"));
    auto* servers = new QPushButton(tr("Servers…"), this);
    serverRow->addWidget(server_, 1);
    serverRow->addWidget(test_);
    serverRow->addWidget(servers);
    layout->addLayout(serverRow);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    name_ = new QLineEdit(this);
    name_->setPlaceholderText(tr("e.g. Smith* (wildcards * ?)"));
    patientId_ = new QLineEdit(this);
    accession_ = new QLineEdit(this);
    description_ = new QLineEdit(this);
    description_->setPlaceholderText(tr("e.g. *thorax*"));
    modality_ = new QComboBox(this);
    modality_->addItem(tr("Any"), QString());
    for (const char* m : {"CT", "MR", "PT", "US", "CR", "DX", "MG", "NM", "XA", "SEG", "SR"}) modality_->addItem(m, QString(m));
    auto* dates = new QHBoxLayout;
    useDates_ = new QCheckBox(this);
    from_ = new QDateEdit(QDate::currentDate().addMonths(-1), this);
    to_ = new QDateEdit(QDate::currentDate(), this);
    for (auto* d : {from_, to_}) {
        d->setCalendarPopup(true);
        d->setEnabled(false);
        d->setDisplayFormat("yyyy-MM-dd");
        dates->addWidget(d, 1);
    }
    dates->insertWidget(0, useDates_);
    form->addRow(tr("Patient name"), name_);
    form->addRow(tr("Patient ID"), patientId_);
    form->addRow(tr("Accession"), accession_);
    form->addRow(tr("Description"), description_);
    form->addRow(tr("Modality"), modality_);
    form->addRow(tr("Study date"), dates);
    layout->addLayout(form);
    search_ = new QPushButton(tr("Search"), this);
    search_->setDefault(true);
    layout->addWidget(search_);

    results_ = new QTreeWidget(this);
    results_->setObjectName("pacsResults");
    results_->setHeaderLabels({tr("Patient / study / series"), tr("Images"), tr("In Lumen")});
    results_->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    results_->header()->setStretchLastSection(false);
    for (int c : {ImagesColumn, LocalColumn}) results_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    results_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    results_->setAlternatingRowColors(true);
    layout->addWidget(results_, 1);

    auto* actions = new QHBoxLayout;
    retrieve_ = new QPushButton(tr("Retrieve"), this);
    retrieve_->setObjectName("pacsRetrieve");
    retrieve_->setToolTip(tr("Retrieve the selected study or series into Lumen (what is missing only)"));
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setEnabled(false);
    actions->addWidget(retrieve_, 1);
    actions->addWidget(cancel_);
    layout->addLayout(actions);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setVisible(false);
    layout->addWidget(progress_);
    status_ = new QLabel(this);
    status_->setObjectName("pacsStatus");
    status_->setWordWrap(true);
    layout->addWidget(status_);
    // The patient's earlier studies, shown once a study has been retrieved.
    priorsTitle_ = new QLabel(this);
    priors_ = new QTreeWidget(this);
    priors_->setObjectName("pacsPriors");
    priors_->setHeaderLabels({tr("Earlier studies"), tr("Images"), tr("In Lumen")});
    priors_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    priors_->header()->setStretchLastSection(false);
    priors_->setRootIsDecorated(false);
    priors_->setMaximumHeight(120);
    openBeside_ = new QPushButton(tr("Open beside"), this);
    openBeside_->setObjectName("pacsOpenPrior");
    openBeside_->setToolTip(tr("Open the prior beside the current series (1 × 2, linked scrolling)"));
    openBeside_->setEnabled(false);
    for (QWidget* w : {static_cast<QWidget*>(priorsTitle_), static_cast<QWidget*>(priors_), static_cast<QWidget*>(openBeside_)}) {
        w->setVisible(false);
        layout->addWidget(w);
    }
    connect(openBeside_, &QPushButton::clicked, this, [this] { emit openBeside(priorSeries_); });

    connect(useDates_, &QCheckBox::toggled, from_, &QWidget::setEnabled);
    connect(useDates_, &QCheckBox::toggled, to_, &QWidget::setEnabled);
    for (auto* edit : {name_, patientId_, accession_, description_}) connect(edit, &QLineEdit::returnPressed, this, &PacsPanel::search);
    connect(search_, &QPushButton::clicked, this, &PacsPanel::search);
    connect(servers, &QPushButton::clicked, this, &PacsPanel::serversRequested);
    connect(retrieve_, &QPushButton::clicked, this, &PacsPanel::retrieveSelected);
    connect(cancel_, &QPushButton::clicked, this, &PacsPanel::cancelRetrieve);
    connect(results_, &QTreeWidget::itemExpanded, this, &PacsPanel::expandStudy);
    connect(results_, &QTreeWidget::itemDoubleClicked, this, [this] { retrieveSelected(); });
    connect(results_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        const bool partial = item && !item->text(LocalColumn).isEmpty() && item->text(LocalColumn) != QStringLiteral("✓");
        retrieve_->setText(partial ? tr("Retrieve missing") : tr("Retrieve"));
    });
    connect(test_, &QPushButton::clicked, this, [this] {
        withServer([this](const net::PacsServer& server, const std::string& secret) {
            test_->setEnabled(false);
            status_->setText(tr("Testing %1…").arg(serverName()));
            logic::runInBackground(
                this, [server, secret] { net::PacsClient::forServer(server, secret)->echo(); },
                [this](const QString& error) {
                    test_->setEnabled(true);
                    status_->setText(error.isEmpty() ? tr("%1 answers.").arg(serverName()) : error);
                });
        });
    });
    reloadServers();
}

PacsPanel::~PacsPanel() = default;

QString PacsPanel::serverName() const { return server_->currentText(); }

void PacsPanel::reloadServers() {
    const QString current = server_->currentText();
    server_->clear();
    try {
        for (const auto& s : net::PacsServerList::load(net::PacsServerList::readPath()).servers) server_->addItem(QString::fromStdString(s.name));
    } catch (const net::PacsError& e) {
        status_->setText(QString::fromStdString(e.what()));
    }
    if (const int i = server_->findText(current); i >= 0) server_->setCurrentIndex(i);
    const bool any = server_->count() > 0;
    for (QWidget* w : {static_cast<QWidget*>(search_), static_cast<QWidget*>(test_), static_cast<QWidget*>(retrieve_)}) w->setEnabled(any);
    if (!any) status_->setText(tr("No PACS configured yet: add one with Servers…"));
}

// The chosen server and, when it needs one, its password or token from the keyring: `use` runs
// once both are known (the keyring answers later). What is missing is said in the status line.
void PacsPanel::withServer(std::function<void(const net::PacsServer&, const std::string& secret)> use) {
    std::optional<net::PacsServer> server;
    try {
        server = net::PacsServerList::load(net::PacsServerList::readPath()).find(serverName().toStdString());
    } catch (const net::PacsError& e) {
        return status_->setText(QString::fromStdString(e.what()));
    }
    if (!server) return status_->setText(tr("No PACS configured yet: add one with Servers…"));
    if (!server->usesDicomWeb() || server->auth == net::DicomWebPeer::Auth::None) return use(*server, {});
    QPointer<PacsPanel> self(this);
    logic::SecretStore::instance().read(serverName(), [self, server = *server, use](const QString& secret, const QString& error) {
        if (!self) return;
        if (secret.isEmpty()) return self->status_->setText(error + "\n" + tr("Enter the password or token in Servers…"));
        use(server, secret.toStdString());
    });
}

void PacsPanel::search() {
    withServer([this](const net::PacsServer& server, const std::string& secret) { searchOn(server, secret); });
}

void PacsPanel::searchOn(const net::PacsServer& server, const std::string& secret) {
    net::PacsQuery q;
    q.patientName = name_->text().trimmed().toStdString(), q.patientId = patientId_->text().trimmed().toStdString();
    q.studyDescription = description_->text().trimmed().toStdString();
    q.accessionNumber = accession_->text().trimmed().toStdString(), q.modality = modality_->currentData().toString().toStdString();
    if (useDates_->isChecked())
        q.studyDateFrom = from_->date().toString("yyyyMMdd").toStdString(), q.studyDateTo = to_->date().toString("yyyyMMdd").toStdString();
    search_->setEnabled(false);
    if (!job_) cancel_->setEnabled(true);  // Cancel lets the user go on; the answer, when it comes, is dropped
    status_->setText(tr("Searching…"));
    auto found = std::make_shared<Records>();
    const int generation = ++searchGeneration_;
    logic::runInBackground(
        this, [server, secret, q, found] { *found = net::PacsClient::forServer(server, secret)->find(q); },
        [this, found, generation](const QString& error) {
            if (generation == searchGeneration_) searchDone(std::move(*found), error);
        });
}

void PacsPanel::searchDone(Records studies, const QString& error) {
    search_->setEnabled(true);
    if (!job_) cancel_->setEnabled(false);
    if (!error.isEmpty()) return status_->setText(error);
    results_->clear();
    std::stable_sort(studies.begin(), studies.end(), [](const auto& a, const auto& b) { return field(a, "StudyDate") > field(b, "StudyDate"); });
    for (const auto& s : studies) {
        auto* item = new QTreeWidgetItem(results_);
        const QString description = field(s, "StudyDescription"), modalities = field(s, "ModalitiesInStudy").replace('\\', ", ");
        // Date and number of series first: the description is what an elided line loses.
        item->setText(NameColumn, personName(field(s, "PatientName")) + "  ·  " + field(s, "PatientID") + "\n" + dicomDate(field(s, "StudyDate")) +
                                      "  ·  " + tr("%n series", nullptr, field(s, "NumberOfStudyRelatedSeries").toInt()) + "  ·  " +
                                      (description.isEmpty() ? modalities : description + " (" + modalities + ")"));
        item->setText(ImagesColumn, field(s, "NumberOfStudyRelatedInstances"));
        item->setData(NameColumn, UidRole, field(s, "StudyInstanceUID"));
        item->setData(NameColumn, PatientRole, field(s, "PatientID"));
        item->setData(NameColumn, DateRole, field(s, "StudyDate"));
        item->setData(NameColumn, ModalityRole, field(s, "ModalitiesInStudy"));
        item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
    }
    status_->setText(tr("%n study(ies) found", nullptr, int(studies.size())));
    if (results_->topLevelItemCount() > 0) results_->setCurrentItem(results_->topLevelItem(0));
}

// The series of a study, asked for when it is first expanded.
void PacsPanel::expandStudy(QTreeWidgetItem* item) {
    if (item->parent() || item->data(NameColumn, ExpandedRole).toBool()) return;
    item->setData(NameColumn, ExpandedRole, true);
    const QPersistentModelIndex where = results_->indexFromItem(item);
    withServer([this, where](const net::PacsServer& server, const std::string& secret) {
        if (QTreeWidgetItem* study = where.isValid() ? results_->itemFromIndex(where) : nullptr) listSeries(study, server, secret);
    });
}

void PacsPanel::listSeries(QTreeWidgetItem* item, const net::PacsServer& server, const std::string& secret) {
    net::PacsQuery q;
    q.level = net::PacsQuery::Level::Series, q.studyInstanceUid = item->data(NameColumn, UidRole).toString().toStdString();
    auto found = std::make_shared<Records>();
    const QPersistentModelIndex where = results_->indexFromItem(item);
    logic::runInBackground(
        this, [server, secret, q, found] { *found = net::PacsClient::forServer(server, secret)->find(q); },
        [this, found, where](const QString& error) {
            QTreeWidgetItem* study = where.isValid() ? results_->itemFromIndex(where) : nullptr;
            if (!study) return;
            if (!error.isEmpty()) {
                study->setData(NameColumn, ExpandedRole, false);
                return status_->setText(error);
            }
            std::unique_ptr<io::StudyDatabase> db;  // what Lumen holds of each series: one connection for all
            try {
                db = std::make_unique<io::StudyDatabase>(databasePath_.toStdString());
            } catch (const std::exception&) {
            }
            for (const auto& s : *found) {
                auto* series = new QTreeWidgetItem(study);
                const QString number = field(s, "SeriesNumber"), description = field(s, "SeriesDescription");
                series->setText(NameColumn, field(s, "Modality") + (number.isEmpty() ? "" : " #" + number) + "  " + description);
                series->setText(ImagesColumn, field(s, "NumberOfSeriesRelatedInstances"));
                series->setData(NameColumn, UidRole, field(s, "SeriesInstanceUID"));
                series->setData(NameColumn, ListedRole, field(s, "NumberOfSeriesRelatedInstances").toInt());
                series->setData(NameColumn, ModalityRole, field(s, "Modality"));
                const auto held = db ? db->summary(field(s, "SeriesInstanceUID").toStdString()) : std::nullopt;
                showLocalCount(series, held ? int(held->images) : 0);
            }
        });
}

// "✓", "12 of 60" or nothing: what the local database holds of a listed series, and the study's sum.
void PacsPanel::showLocalCount(QTreeWidgetItem* series, int local) {
    const int listed = series->data(NameColumn, ListedRole).toInt();
    series->setData(LocalColumn, Qt::UserRole, local);
    series->setText(LocalColumn, local == 0 ? QString() : local >= listed ? QStringLiteral("✓") : tr("%1 of %2").arg(local).arg(listed));
    QTreeWidgetItem* study = series->parent();
    if (!study) return;
    int held = 0, all = 0;
    for (int i = 0; i < study->childCount(); ++i)
        held += study->child(i)->data(LocalColumn, Qt::UserRole).toInt(), all += study->child(i)->data(NameColumn, ListedRole).toInt();
    study->setText(LocalColumn, held == 0 ? QString() : held >= all ? QStringLiteral("✓") : tr("partial: %1 of %2").arg(held).arg(all));
}

void PacsPanel::retrieveSelected() {
    if (job_) return;
    if (!results_->currentItem()) return status_->setText(tr("Select a study or a series first"));
    withServer([this](const net::PacsServer& server, const std::string& secret) { retrieveFrom(server, secret); });
}

void PacsPanel::retrieveFrom(const net::PacsServer& server, const std::string& secret) {
    QTreeWidgetItem* item = results_->currentItem();
    if (job_ || !item) return;
    QTreeWidgetItem* study = item->parent() ? item->parent() : item;
    QStringList seriesUids;
    for (QTreeWidgetItem* selected : results_->selectedItems())
        if (selected->parent() == study) seriesUids << selected->data(NameColumn, UidRole).toString();
    studyUid_ = study->data(NameColumn, UidRole).toString();
    showSeries_ = item->parent() ? item->data(NameColumn, UidRole).toString() : QString();
    shownOpened_ = false;
    job_ = std::make_unique<logic::PacsRetrieveJob>(databasePath_, server, studyUid_, seriesUids, nullptr, secret);
    auto* job = job_.get();
    connect(job, &logic::PacsRetrieveJob::listed, this, [this](const QString& uid, const QString& modality, const logic::PacsInstanceList& instances) {
        if (arriving_ || instances->empty()) return;
        if (!showSeries_.isEmpty() && uid != showSeries_) return;
        if (showSeries_.isEmpty() && !imageModality(modality)) return;
        arriving_ = std::make_unique<logic::ArrivingSeries>(databasePath_, uid, instances);
        connect(arriving_.get(), &logic::ArrivingSeries::ready, this, &PacsPanel::arrivingImage);
        connect(arriving_.get(), &logic::ArrivingSeries::landedMore, this, &PacsPanel::arrivingMore);
        connect(arriving_.get(), &logic::ArrivingSeries::unsuitable, this, [this](const QString& why) {
            status_->setText(tr("The series opens once whole (%1).").arg(why));
        });
        showSeries_ = uid;
    });
    connect(job, &logic::PacsRetrieveJob::stored, this, [this](const QString& uid, const logic::InstanceBatch& records, int stored, int listed) {
        if (arriving_ && uid == arriving_->seriesUid()) arriving_->add(records);
        if (stored >= listed && uid == showSeries_ && !std::exchange(shownOpened_, true)) emit seriesRetrieved(uid);
        for (QTreeWidgetItemIterator it(results_); *it; ++it)
            if ((*it)->parent() && (*it)->data(NameColumn, UidRole).toString() == uid) showLocalCount(*it, stored);  // the job's count: no query
    });
    connect(job, &logic::PacsRetrieveJob::progress, this, [this](double f, const QString& stage) {
        progress_->setValue(int(f * 1000));
        status_->setText(stage);
    });
    connect(job, &logic::PacsRetrieveJob::finished, this, [this](const logic::PacsRetrieveSummary& s) { retrieveFinished(s, {}, false); });
    connect(job, &logic::PacsRetrieveJob::failed, this, [this](const QString& e, const logic::PacsRetrieveSummary& s) { retrieveFinished(s, e, false); });
    connect(job, &logic::PacsRetrieveJob::canceled, this, [this](const logic::PacsRetrieveSummary& s) { retrieveFinished(s, {}, true); });
    setBusy(true);
    status_->setText(tr("Asking the PACS what the study holds…"));
    emit retrieveStarted();
    job->start();
}

void PacsPanel::cancelRetrieve() {
    if (job_) return job_->cancel();
    if (!search_->isEnabled()) {  // a search: its answer will be dropped
        ++searchGeneration_;
        search_->setEnabled(true);
        cancel_->setEnabled(false);
        status_->setText(tr("Search canceled"));
    }
}

void PacsPanel::retrieveFinished(const logic::PacsRetrieveSummary& s, const QString& error, bool canceled) {
    job_.release()->deleteLater();
    setBusy(false);
    for (const auto& series : s.series)  // in Lumen already: nothing arrived, open it all the same
        if (series.seriesUid == showSeries_ && series.complete() && !std::exchange(shownOpened_, true)) emit seriesRetrieved(showSeries_);
    // The series shown while arriving stays until the viewer has opened it whole.
    if (arriving_) arriving_.release()->deleteLater();
    int listed = 0;
    for (const auto& series : s.series) listed += series.listed;
    const int missing = s.missing();
    QString text = canceled ? tr("Canceled: %1 of %2 images are in Lumen.").arg(listed - missing).arg(listed)
                 : missing == 0 ? tr("Retrieved: %n series, all %1 images.", nullptr, int(s.series.size())).arg(listed)
                                : tr("Partial: %1 of %2 images are missing.").arg(missing).arg(listed);
    if (!error.isEmpty()) text = s.series.isEmpty() ? error : text + "\n" + error;  // failed before anything was listed: only why
    if (missing > 0) text += "\n" + tr("Retrieve again to fetch only what is missing.");
    status_->setText(text);
    retrieve_->setText(missing > 0 ? tr("Retrieve missing") : tr("Retrieve"));
    for (int i = 0; i < results_->topLevelItemCount(); ++i)  // the study's row says what Lumen holds now
        if (QTreeWidgetItem* study = results_->topLevelItem(i); study->data(NameColumn, UidRole).toString() == studyUid_ && !s.series.isEmpty())
            study->setText(LocalColumn, missing == 0 ? QStringLiteral("✓") : tr("partial: %1 of %2").arg(listed - missing).arg(listed));
    emit databaseChanged();
    if (!canceled && error.isEmpty()) listPriors();
}

// The retrieved study's patient: the other studies the PACS holds, newest first; the newest
// earlier one sharing a modality is fetched in the background, for Open beside.
void PacsPanel::listPriors() {
    const QTreeWidgetItem* study = nullptr;
    for (int i = 0; i < results_->topLevelItemCount(); ++i)
        if (results_->topLevelItem(i)->data(NameColumn, UidRole).toString() == studyUid_) study = results_->topLevelItem(i);
    if (!study || study->data(NameColumn, PatientRole).toString().isEmpty()) return;
    const QString patient = study->data(NameColumn, PatientRole).toString(), date = study->data(NameColumn, DateRole).toString();
    const QStringList modalities = study->data(NameColumn, ModalityRole).toString().split('\\', Qt::SkipEmptyParts);
    const QString current = studyUid_;
    withServer([this, patient, date, modalities, current](const net::PacsServer& server, const std::string& secret) {
        net::PacsQuery q;
        q.patientId = patient.toStdString();
        auto found = std::make_shared<Records>();
        logic::runInBackground(
            this, [server, secret, q, found] { *found = net::PacsClient::forServer(server, secret)->find(q); },
            [this, found, date, modalities, current, server, secret](const QString& error) {
                if (!error.isEmpty()) return;
                Records earlier;
                for (const auto& s : *found)
                    if (field(s, "StudyInstanceUID") != current) earlier.push_back(s);
                std::stable_sort(earlier.begin(), earlier.end(), [](const auto& a, const auto& b) { return field(a, "StudyDate") > field(b, "StudyDate"); });
                priors_->clear();
                const net::PacsRecord* fetch = nullptr;
                for (const auto& s : earlier) {
                    auto* item = new QTreeWidgetItem(priors_);
                    const QString shared = field(s, "ModalitiesInStudy").replace('\\', ", ");
                    item->setText(0, dicomDate(field(s, "StudyDate")) + "  " + field(s, "StudyDescription") + " (" + shared + ")");
                    item->setText(1, field(s, "NumberOfStudyRelatedInstances"));
                    item->setData(0, UidRole, field(s, "StudyInstanceUID"));
                    const bool sameModality = std::any_of(modalities.begin(), modalities.end(), [&](const QString& m) { return shared.contains(m); });
                    if (!fetch && sameModality && field(s, "StudyDate") <= date) fetch = &s;
                }
                priorsTitle_->setText(tr("%n earlier study(ies) of this patient", nullptr, int(earlier.size())));
                for (QWidget* w : {static_cast<QWidget*>(priorsTitle_), static_cast<QWidget*>(priors_), static_cast<QWidget*>(openBeside_)})
                    w->setVisible(!earlier.empty());
                if (fetch) fetchPrior(server, secret, field(*fetch, "StudyInstanceUID"), modalities);
            });
    });
}

void PacsPanel::fetchPrior(const net::PacsServer& server, const std::string& secret, const QString& studyUid, const QStringList& modalities) {
    if (priorJob_) return;
    priorSeries_.clear();
    openBeside_->setEnabled(false);
    priorJob_ = std::make_unique<logic::PacsRetrieveJob>(databasePath_, server, studyUid, QStringList{}, nullptr, secret);
    const auto done = [this, modalities, studyUid](const logic::PacsRetrieveSummary& s) {
        priorJob_.release()->deleteLater();
        // Its largest series of the current study's modality: what Open beside shows.
        int most = 0;
        for (const auto& series : s.series)
            if (series.complete() && modalities.contains(series.modality) && series.listed > most) most = series.listed, priorSeries_ = series.seriesUid;
        openBeside_->setEnabled(!priorSeries_.isEmpty());
        if (priorSeries_.isEmpty()) return;
        for (int i = 0; i < priors_->topLevelItemCount(); ++i)
            if (priors_->topLevelItem(i)->data(0, UidRole).toString() == studyUid) priors_->topLevelItem(i)->setText(LocalColumn, QStringLiteral("✓"));
        emit databaseChanged();
    };
    connect(priorJob_.get(), &logic::PacsRetrieveJob::finished, this, done);
    connect(priorJob_.get(), &logic::PacsRetrieveJob::failed, this, [this](const QString&, const logic::PacsRetrieveSummary&) { priorJob_.release()->deleteLater(); });
    connect(priorJob_.get(), &logic::PacsRetrieveJob::canceled, this, [this](const logic::PacsRetrieveSummary&) { priorJob_.release()->deleteLater(); });
    priorJob_->start();
}

void PacsPanel::setBusy(bool busy) {
    retrieve_->setEnabled(!busy);
    cancel_->setEnabled(busy);
    progress_->setVisible(busy);
    progress_->setValue(0);
}

}  // namespace lumen::ui
