#include "ui/PacsServersPage.h"

#include "logic/BackgroundTask.h"
#include "logic/Preferences.h"
#include "logic/SecretStore.h"
#include "net/PacsClient.h"
#include "net/PacsError.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <array>

namespace lumen::ui {

PacsServersPage::PacsServersPage(QWidget* parent) : QWidget(parent) {
    try {
        list_ = net::PacsServerList::load(net::PacsServerList::readPath());
    } catch (const net::PacsError&) {  // shown below; a save writes a valid file
    }
    names_ = new QListWidget(this);
    names_->setObjectName("pacsServerList");
    names_->setMaximumWidth(180);
    auto* add = new QPushButton(tr("Add"), this);
    add->setObjectName("pacsAddServer");
    auto* remove = new QPushButton(tr("Remove"), this);
    auto* left = new QVBoxLayout;
    left->addWidget(names_, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    left->addLayout(buttons);

    name_ = new QLineEdit(this);
    aet_ = new QLineEdit(this);
    host_ = new QLineEdit(this);
    ownAet_ = new QLineEdit(this);
    for (auto* e : {aet_, ownAet_}) e->setMaxLength(16);
    port_ = new QSpinBox(this);
    listenPort_ = new QSpinBox(this);
    for (auto* p : {port_, listenPort_}) p->setRange(1, 65535);
    method_ = new QComboBox(this);
    method_->addItem(tr("C-GET (DIMSE, one connection)"));
    method_->addItem(tr("C-MOVE (DIMSE, the PACS connects back to Lumen)"));
    method_->addItem(tr("WADO-RS (DICOMweb: QIDO-RS, WADO-RS, STOW-RS)"));
    webUrl_ = new QLineEdit(this);
    webUrl_->setPlaceholderText("https://pacs.example.org/dicom-web");
    auth_ = new QComboBox(this);
    auth_->addItem(tr("None"));
    auth_->addItem(tr("HTTP basic (user and password)"));
    auth_->addItem(tr("Bearer token"));
    user_ = new QLineEdit(this);
    secret_ = new QLineEdit(this);
    secret_->setObjectName("pacsSecret");
    name_->setObjectName("pacsName");
    method_->setObjectName("pacsMethod");
    webUrl_->setObjectName("pacsWebUrl");
    auth_->setObjectName("pacsAuth");
    user_->setObjectName("pacsUser");
    secret_->setEchoMode(QLineEdit::Password);
    secret_->setPlaceholderText(tr("kept in the desktop keyring; empty keeps the stored one"));
    caFile_ = new QLineEdit(this);
    caFile_->setPlaceholderText(tr("the system's CAs (https); required for DICOM TLS"));
    tls_ = new QCheckBox(tr("DICOM TLS (BCP 195)"), this);
    certificate_ = new QLineEdit(this);
    certificate_->setPlaceholderText(tr("optional; needed to receive a C-MOVE"));
    key_ = new QLineEdit(this);
    deidentify_ = new QCheckBox(tr("De-identify what is sent here (a PACS outside the hospital)"), this);
    deidentify_->setObjectName("pacsDeidentify");
    timeout_ = new QSpinBox(this);
    timeout_->setRange(1, 600);
    timeout_->setSuffix(tr(" s"));
    test_ = new QPushButton(tr("Test connection"), this);
    status_ = new QLabel(this);
    status_->setObjectName("pacsTestStatus");
    status_->setWordWrap(true);
    auto* dimse = new QGroupBox(tr("DIMSE"), this);
    auto* dimseForm = new QFormLayout(dimse);
    dimseForm->addRow(tr("PACS AE title"), aet_);
    dimseForm->addRow(tr("Host"), host_);
    dimseForm->addRow(tr("Port"), port_);
    dimseForm->addRow(tr("Lumen's AE title"), ownAet_);
    dimseForm->addRow(tr("Lumen's port (C-MOVE)"), listenPort_);
    dimseForm->addRow(tls_);
    dimseForm->addRow(tr("Lumen's certificate (PEM)"), certificate_);
    dimseForm->addRow(tr("Lumen's private key (PEM)"), key_);
    auto* web = new QGroupBox(tr("DICOMweb"), this);
    auto* webForm = new QFormLayout(web);
    webForm->addRow(tr("Base URL"), webUrl_);
    webForm->addRow(tr("Authentication"), auth_);
    webForm->addRow(tr("User"), user_);
    webForm->addRow(tr("Password or token"), secret_);
    auto* form = new QFormLayout;
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Retrieve by"), method_);
    form->addRow(dimse);
    form->addRow(web);
    form->addRow(tr("CA file (PEM)"), caFile_);
    form->addRow(tr("Timeout"), timeout_);
    form->addRow(deidentify_);
    form->addRow(test_);
    form->addRow(status_);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left);
    details_ = new QWidget(this);
    details_->setLayout(form);
    columns->addWidget(details_, 1);
    afterSave_ = new QComboBox(this);
    afterSave_->setObjectName("sendAfterSave");
    auto* afterSaveRow = new QFormLayout;
    afterSaveRow->addRow(tr("After Save, send SEG and SR to"), afterSave_);
    receive_ = new QCheckBox(tr("Receive studies sent to Lumen (C-STORE)"), this);
    receive_->setObjectName("pacsReceive");
    receive_->setChecked(logic::Preferences::listenerEnabled());
    receiveAet_ = new QLineEdit(logic::Preferences::listenerAet(), this);
    receiveAet_->setMaxLength(16);
    receivePort_ = new QSpinBox(this);
    receivePort_->setRange(1, 65535);
    receivePort_->setValue(logic::Preferences::listenerPort());
    auto* receiveRow = new QHBoxLayout;
    receiveRow->addWidget(receive_);
    receiveRow->addWidget(new QLabel(tr("as"), this));
    receiveRow->addWidget(receiveAet_);
    receiveRow->addWidget(new QLabel(tr("on port"), this));
    receiveRow->addWidget(receivePort_);
    afterSaveRow->addRow(receiveRow);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addLayout(afterSaveRow);
    const auto fillAfterSave = [this] {
        const QString chosen = afterSave_->count() ? afterSave_->currentData().toString() : logic::Preferences::sendAfterSaveServer();
        afterSave_->clear();
        afterSave_->addItem(tr("no PACS (File ▸ Send to PACS sends by hand)"), QString());
        for (const auto& s : list_.servers) afterSave_->addItem(QString::fromStdString(s.name), QString::fromStdString(s.name));
        afterSave_->setCurrentIndex(std::max(0, afterSave_->findData(chosen)));
    };
    fillAfterSave();
    connect(name_, &QLineEdit::editingFinished, this, [this, fillAfterSave] {
        storeForm();
        fillAfterSave();
    });

    for (const auto& s : list_.servers) names_->addItem(QString::fromStdString(s.name));
    connect(names_, &QListWidget::currentRowChanged, this, [this](int row) {
        storeForm();
        showServer(row);
    });
    connect(name_, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (QListWidgetItem* item = names_->currentItem()) item->setText(text);
    });
    connect(add, &QPushButton::clicked, this, [this] {
        storeForm();
        net::PacsServer s;
        s.name = tr("PACS %1").arg(list_.servers.size() + 1).toStdString();
        s.calledAet = "ORTHANC", s.host = "localhost", s.port = 4242;
        list_.servers.push_back(s);
        names_->addItem(QString::fromStdString(s.name));
        names_->setCurrentRow(names_->count() - 1);
        afterSave_->addItem(QString::fromStdString(s.name), QString::fromStdString(s.name));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = names_->currentRow();
        if (row < 0) return;
        row_ = -1;  // nothing to store back
        list_.servers.erase(list_.servers.begin() + row);
        delete names_->takeItem(row);
        showServer(names_->currentRow());
    });
    connect(test_, &QPushButton::clicked, this, [this] {
        const net::PacsServer s = formServer();
        if (const std::string why = s.problem(); !why.empty()) return status_->setText(QString::fromStdString(why));
        test_->setEnabled(false);
        status_->setText(tr("Testing…"));
        const auto test = [this, s](const QString& secret) {
            logic::runInBackground(
                this, [s, secret] { net::PacsClient::forServer(s, secret.toStdString())->echo(); },
                [this](const QString& error) {
                    test_->setEnabled(true);
                    status_->setText(error.isEmpty() ? tr("The PACS answers and accepts Lumen.") : error);
                });
        };
        // The password typed here, else the stored one.
        if (!secret_->text().isEmpty() || s.auth == net::DicomWebPeer::Auth::None) return test(secret_->text());
        logic::SecretStore::instance().read(QString::fromStdString(s.name), [test](const QString& secret, const QString&) { test(secret); });
    });
    const auto enableGroups = [this, dimse, web] {
        const bool wado = method_->currentIndex() == 2;
        dimse->setEnabled(!wado);
        web->setEnabled(wado);
        user_->setEnabled(wado && auth_->currentIndex() == 1);
        secret_->setEnabled(wado && auth_->currentIndex() != 0);
    };
    connect(method_, &QComboBox::currentIndexChanged, this, enableGroups);
    connect(auth_, &QComboBox::currentIndexChanged, this, enableGroups);
    enableGroups();
    if (names_->count() > 0) names_->setCurrentRow(0);
    else showServer(-1);
}

net::PacsServer PacsServersPage::formServer() const {
    net::PacsServer s;
    s.name = name_->text().trimmed().toStdString();
    s.calledAet = aet_->text().trimmed().toStdString(), s.host = host_->text().trimmed().toStdString(), s.port = port_->value();
    s.callingAet = ownAet_->text().trimmed().toStdString(), s.listenPort = listenPort_->value();
    s.method = std::array{net::PacsServer::Method::CGet, net::PacsServer::Method::CMove, net::PacsServer::Method::Wado}[std::size_t(method_->currentIndex())];
    s.timeoutSeconds = timeout_->value();
    s.dicomwebUrl = webUrl_->text().trimmed().toStdString();
    s.auth = std::array{net::DicomWebPeer::Auth::None, net::DicomWebPeer::Auth::Basic, net::DicomWebPeer::Auth::Bearer}[std::size_t(auth_->currentIndex())];
    s.user = user_->text().trimmed().toStdString(), s.caFile = caFile_->text().trimmed().toStdString();
    s.tls = tls_->isChecked();
    s.deidentify = deidentify_->isChecked();
    s.certificateFile = certificate_->text().trimmed().toStdString(), s.keyFile = key_->text().trimmed().toStdString();
    return s;
}

void PacsServersPage::storeForm() {
    if (row_ < 0 || row_ >= int(list_.servers.size())) return;
    list_.servers[std::size_t(row_)] = formServer();
    if (!secret_->text().isEmpty()) secrets_[name_->text().trimmed()] = secret_->text();  // to the keyring on save
}

void PacsServersPage::showServer(int row) {
    row_ = row;
    const bool has = row >= 0 && row < int(list_.servers.size());
    details_->setEnabled(has);
    const net::PacsServer s = has ? list_.servers[std::size_t(row)] : net::PacsServer{};
    name_->setText(QString::fromStdString(s.name));
    aet_->setText(QString::fromStdString(s.calledAet));
    host_->setText(QString::fromStdString(s.host));
    port_->setValue(s.port);
    ownAet_->setText(QString::fromStdString(s.callingAet));
    listenPort_->setValue(s.listenPort);
    method_->setCurrentIndex(s.method == net::PacsServer::Method::CMove ? 1 : s.method == net::PacsServer::Method::Wado ? 2 : 0);
    timeout_->setValue(s.timeoutSeconds);
    webUrl_->setText(QString::fromStdString(s.dicomwebUrl));
    auth_->setCurrentIndex(s.auth == net::DicomWebPeer::Auth::Basic ? 1 : s.auth == net::DicomWebPeer::Auth::Bearer ? 2 : 0);
    user_->setText(QString::fromStdString(s.user));
    caFile_->setText(QString::fromStdString(s.caFile));
    tls_->setChecked(s.tls);
    deidentify_->setChecked(s.deidentify);
    certificate_->setText(QString::fromStdString(s.certificateFile));
    key_->setText(QString::fromStdString(s.keyFile));
    secret_->clear();
    status_->clear();
}

bool PacsServersPage::save() {
    storeForm();
    for (const auto& s : list_.servers)
        if (const std::string why = s.problem(); !why.empty()) {
            status_->setText(QString::fromStdString(s.name + ": " + why));
            return false;
        }
    try {
        list_.save(net::PacsServerList::defaultPath());
    } catch (const net::PacsError& e) {
        status_->setText(QString::fromStdString(e.what()));
        return false;
    }
    for (auto it = secrets_.cbegin(); it != secrets_.cend(); ++it)  // never into the server file
        if (list_.find(it.key().toStdString())) logic::SecretStore::instance().write(it.key(), it.value());
    secrets_.clear();
    if (receive_->isChecked() && receiveAet_->text().trimmed().isEmpty()) {
        status_->setText(tr("Receiving needs Lumen's AE title"));
        return false;
    }
    logic::Preferences::setListener(receive_->isChecked(), receiveAet_->text().trimmed(), receivePort_->value());
    const QString afterSave = afterSave_->currentData().toString();
    logic::Preferences::setSendAfterSaveServer(list_.find(afterSave.toStdString()) ? afterSave : QString());
    return true;
}

}  // namespace lumen::ui
