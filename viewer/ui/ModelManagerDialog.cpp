#include "ui/ModelManagerDialog.h"

#include "logic/ModelRegistryClient.h"
#include "logic/NumberText.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <cmath>
#include <map>

namespace lumen::ui {

namespace {
enum Column { Version, Active, Created, Cases, Score, Where };
}

ModelManagerDialog::ModelManagerDialog(logic::ModelRegistryClient* registry, QWidget* parent) : QDialog(parent), registry_(registry) {
    setObjectName("modelManager");
    setWindowTitle(tr("Model manager"));
    resize(820, 460);
    auto* layout = new QVBoxLayout(this);
    tree_ = new QTreeWidget(this);
    tree_->setObjectName("versionTree");
    tree_->setHeaderLabels({tr("Model / version"), tr("Active"), tr("Created"), tr("Training cases"), tr("Validation score"), tr("Where")});
    tree_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(true);
    tree_->headerItem()->setToolTip(Score, tr("A fine-tune: on its training set's locked validation cases, with the change against its "
                                              "parent on the same cases. A bundled version: on the cases it was trained with."));
    status_ = new QLabel(this);
    status_->setObjectName("managerStatus");
    status_->setWordWrap(true);
    auto add = [this](const QString& text, const char* name, const QString& tip) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    auto* activate = add(tr("Make active"), "activateVersion", tr("Run this version from now on"));
    auto* rollback = add(tr("Roll back"), "rollbackModel", tr("Re-activate the version that was active before the current one"));
    auto* importPackage = add(tr("Import package…"), "importPackage", tr("Add a Lumen model package folder (model.json + model.pt)"));
    auto* importMonai = add(tr("Import MONAI bundle…"), "importMonai", tr("Convert a MONAI bundle folder (configs/, models/model.ts) and add it"));
    auto* buttons = new QHBoxLayout;
    for (auto* b : {activate, rollback}) buttons->addWidget(b);
    buttons->addStretch();
    for (auto* b : {importPackage, importMonai}) buttons->addWidget(b);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(tree_, 1);
    layout->addLayout(buttons);
    layout->addWidget(status_);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(tree_, &QTreeWidget::currentItemChanged, this, &ModelManagerDialog::updateButtons);
    connect(activate, &QPushButton::clicked, this, [this] {
        QString name, version;
        if (current(&name, &version) && !version.isEmpty()) registry_->activate(name, version);
    });
    connect(rollback, &QPushButton::clicked, this, [this] {
        QString name;
        if (current(&name, nullptr)) registry_->rollback(name);
    });
    connect(importPackage, &QPushButton::clicked, this, [this] { importFolder(false); });
    connect(importMonai, &QPushButton::clicked, this, [this] { importFolder(true); });
    connect(registry_, &logic::ModelRegistryClient::modelsChanged, this, &ModelManagerDialog::rebuild);
    connect(registry_, &logic::ModelRegistryClient::changed, this, [this](const QString& what) { status_->setText(tr("%1: done.").arg(what)); });
    connect(registry_, &logic::ModelRegistryClient::failed, this, [this](const QString& m) {
        status_->setText("<b>" + m.toHtmlEscaped() + "</b>");
    });
    rebuild();
}

QPushButton* ModelManagerDialog::button(const QString& objectName) const { return findChild<QPushButton*>(objectName); }

QTreeWidgetItem* ModelManagerDialog::current(QString* name, QString* version) const {
    QTreeWidgetItem* item = tree_->currentItem();
    if (!item) return nullptr;
    if (name) *name = item->data(Version, Qt::UserRole).toString();
    if (version) *version = item->data(Version, Qt::UserRole + 1).toString();
    return item;
}

void ModelManagerDialog::rebuild() {
    QString selName, selVersion;
    current(&selName, &selVersion);
    tree_->clear();
    std::map<QString, QTreeWidgetItem*> roots;
    std::map<QString, QTreeWidgetItem*> byVersion;  // "name@version"
    for (const auto& m : registry_->models()) {
        QTreeWidgetItem*& root = roots[m.name];
        if (!root) {
            root = new QTreeWidgetItem(tree_);
            root->setText(Version, m.name);
            root->setData(Version, Qt::UserRole, m.name);
            QFont f = root->font(Version);
            f.setBold(true);
            root->setFont(Version, f);
        }
        // Parents are listed before their fine-tunes (the registry sorts by creation).
        auto parent = byVersion.find(m.name + "@" + m.parentVersion);
        auto* item = new QTreeWidgetItem(parent != byVersion.end() ? parent->second : root);
        byVersion[m.reference()] = item;
        item->setText(Version, m.version);
        item->setData(Version, Qt::UserRole, m.name);
        item->setData(Version, Qt::UserRole + 1, m.version);
        item->setText(Active, m.active ? tr("★ active") : QString());
        item->setText(Created, m.created.left(16).replace('T', ' '));
        item->setText(Cases, m.trainingCases ? QString::number(m.trainingCases) : QString());
        // Each figure says which cases it is on; a fine-tune is compared with its parent on the
        // same cases only (scores on different cases side by side made a worse model look better).
        QString score = std::isnan(m.validationScore) ? QString("–") : logic::numberText(m.validationScore, 4);
        if (!m.scoreCases.isEmpty()) score += tr(" on %1").arg(m.scoreCases);
        if (!m.parentVersion.isEmpty() && !std::isnan(m.parentValidationScore) && !std::isnan(m.validationScore)) {
            const double d = m.validationScore - m.parentValidationScore;
            score += tr("; %1 there: %2 (%3%4)").arg(m.parentVersion).arg(logic::numberText(m.parentValidationScore, 4)).arg(d >= 0 ? "+" : "").arg(logic::numberText(d, 4));
            if (d < 0) item->setForeground(Score, QColor(220, 90, 80));
        }
        item->setText(Score, score);
        item->setToolTip(Score, score);
        item->setText(Where, m.bundled ? tr("bundled") : m.path);
        item->setToolTip(Version, m.description);
        if (m.active) {
            QFont f = item->font(Version);
            f.setBold(true);
            item->setFont(Version, f);
        }
        if (m.name == selName && m.version == selVersion) tree_->setCurrentItem(item);
    }
    tree_->expandAll();
    updateButtons();
}

bool ModelManagerDialog::select(const QString& name, const QString& version) {
    for (QTreeWidgetItemIterator it(tree_); *it; ++it)
        if ((*it)->data(Version, Qt::UserRole).toString() == name && (*it)->data(Version, Qt::UserRole + 1).toString() == version) {
            tree_->setCurrentItem(*it);
            return true;
        }
    return false;
}

void ModelManagerDialog::updateButtons() {
    QString name, version;
    const bool item = current(&name, &version) != nullptr;
    const logic::AiModel* m = item && !version.isEmpty() ? registry_->find(name, version) : nullptr;
    button("activateVersion")->setEnabled(m && !m->active);
    button("rollbackModel")->setEnabled(item && registry_->versions(name).size() > 1);
}

void ModelManagerDialog::importFolder(bool monai) {
    const QString dir = QFileDialog::getExistingDirectory(this, monai ? tr("MONAI bundle folder") : tr("Model package folder"));
    if (dir.isEmpty()) return;
    status_->setText(tr("Importing %1…").arg(dir));
    if (monai) registry_->importMonaiBundle(dir);
    else registry_->importPackage(dir);
}

}  // namespace lumen::ui
