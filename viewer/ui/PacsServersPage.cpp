#include "ui/PacsServersPage.h"

#include "logic/BackgroundTask.h"
#include "logic/Preferences.h"
#include "net/DimseClient.h"
#include "net/PacsError.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lumen::ui {

PacsServersPage::PacsServersPage(QWidget* parent) : QWidget(parent) {
    try {
        list_ = net::PacsServerList::load(net::PacsServerList::defaultPath());
    } catch (const net::PacsError&) {  // shown below; a save writes a valid file
    }
    names_ = new QListWidget(this);
    names_->setObjectName("pacsServerList");
    names_->setMaximumWidth(180);
    auto* add = new QPushButton(tr("Add"), this);
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
    method_->addItem(tr("C-GET (one connection)"));
    method_->addItem(tr("C-MOVE (the PACS connects back to Lumen)"));
    timeout_ = new QSpinBox(this);
    timeout_->setRange(1, 600);
    timeout_->setSuffix(tr(" s"));
    test_ = new QPushButton(tr("Test connection"), this);
    status_ = new QLabel(this);
    status_->setObjectName("pacsTestStatus");
    status_->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Name"), name_);
    form->addRow(tr("PACS AE title"), aet_);
    form->addRow(tr("Host"), host_);
    form->addRow(tr("Port"), port_);
    form->addRow(tr("Lumen's AE title"), ownAet_);
    form->addRow(tr("Lumen's port (C-MOVE)"), listenPort_);
    form->addRow(tr("Retrieve by"), method_);
    form->addRow(tr("Timeout"), timeout_);
    form->addRow(test_);
    form->addRow(status_);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addLayout(form, 1);
    afterSave_ = new QComboBox(this);
    afterSave_->setObjectName("sendAfterSave");
    auto* afterSaveRow = new QFormLayout;
    afterSaveRow->addRow(tr("After Save, send SEG and SR to"), afterSave_);
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
    connect(name_, &QLineEdit::textEdited, this, [this](const QString& text) {
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
        logic::runInBackground(
            this, [peer = s.peer()] { net::DimseClient(peer).echo(); },
            [this](const QString& error) {
                test_->setEnabled(true);
                status_->setText(error.isEmpty() ? tr("The PACS answers and accepts Lumen.") : error);
            });
    });
    if (names_->count() > 0) names_->setCurrentRow(0);
    else showServer(-1);
}

net::PacsServer PacsServersPage::formServer() const {
    net::PacsServer s;
    s.name = name_->text().trimmed().toStdString();
    s.calledAet = aet_->text().trimmed().toStdString(), s.host = host_->text().trimmed().toStdString(), s.port = port_->value();
    s.callingAet = ownAet_->text().trimmed().toStdString(), s.listenPort = listenPort_->value();
    s.method = method_->currentIndex() == 1 ? net::PacsServer::Method::CMove : net::PacsServer::Method::CGet;
    s.timeoutSeconds = timeout_->value();
    return s;
}

void PacsServersPage::storeForm() {
    if (row_ >= 0 && row_ < int(list_.servers.size())) list_.servers[std::size_t(row_)] = formServer();
}

void PacsServersPage::showServer(int row) {
    row_ = row;
    const bool has = row >= 0 && row < int(list_.servers.size());
    for (QWidget* w : std::initializer_list<QWidget*>{name_, aet_, host_, port_, ownAet_, listenPort_, method_, timeout_, test_}) w->setEnabled(has);
    const net::PacsServer s = has ? list_.servers[std::size_t(row)] : net::PacsServer{};
    name_->setText(QString::fromStdString(s.name));
    aet_->setText(QString::fromStdString(s.calledAet));
    host_->setText(QString::fromStdString(s.host));
    port_->setValue(s.port);
    ownAet_->setText(QString::fromStdString(s.callingAet));
    listenPort_->setValue(s.listenPort);
    method_->setCurrentIndex(s.method == net::PacsServer::Method::CMove ? 1 : 0);
    timeout_->setValue(s.timeoutSeconds);
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
    const QString afterSave = afterSave_->currentData().toString();
    logic::Preferences::setSendAfterSaveServer(list_.find(afterSave.toStdString()) ? afterSave : QString());
    return true;
}

}  // namespace lumen::ui
