#include "ui/FindingsPanel.h"

#include "io/AnnotationJson.h"
#include "logic/Document.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lumen::ui {

FindingsPanel::FindingsPanel(logic::Document* document, QWidget* parent) : QWidget(parent), document_(document) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    tree_ = new QTreeWidget(this);
    tree_->setObjectName("findingTree");
    tree_->setColumnCount(4);
    tree_->setHeaderLabels({tr("Finding"), tr("Score"), tr("Status"), tr("Source")});
    tree_->setRootIsDecorated(false);
    tree_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    tree_->header()->setStretchLastSection(true);
    tree_->header()->setSectionResizeMode(Class, QHeaderView::Stretch);
    for (int c : {Score, Status}) tree_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    layout->addWidget(tree_, 1);
    auto* buttons = new QHBoxLayout;
    for (auto [name, text, tip] : {std::tuple{"accept", tr("Accept"), tr("Accept the selected finding")},
                                  std::tuple{"reject", tr("Reject"), tr("Reject the selected finding (kept, marked rejected)")},
                                  std::tuple{"delete", tr("Delete"), tr("Remove the selected finding")}}) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        buttons->addWidget(b);
    }
    layout->addLayout(buttons);
    connect(button("accept"), &QPushButton::clicked, this, [this] { setStatus(int(core::Finding::Status::Accepted)); });
    connect(button("reject"), &QPushButton::clicked, this, [this] { setStatus(int(core::Finding::Status::Rejected)); });
    connect(button("delete"), &QPushButton::clicked, this, [this] {
        if (auto id = selectedId()) document_->removeFinding(*id);
    });
    connect(tree_, &QTreeWidget::itemChanged, this, &FindingsPanel::onItemChanged);
    connect(tree_, &QTreeWidget::itemSelectionChanged, this, [this] {
        if (rebuilding_) return;
        const auto id = selectedId();
        if (!id || id == document_->selectedFinding()) return;
        document_->selectFinding(id);
        if (const auto* f = document_->finding(*id)) emit jumpTo(f->centre());
    });
    connect(document_, &logic::Document::findingsChanged, this, &FindingsPanel::rebuild);
    rebuild();
}

QPushButton* FindingsPanel::button(const QString& objectName) const { return findChild<QPushButton*>(objectName); }

std::optional<std::uint64_t> FindingsPanel::selectedId() const {
    const auto* item = tree_->currentItem();
    if (!item || !item->isSelected()) return std::nullopt;
    return item->data(Class, Qt::UserRole).toULongLong();
}

void FindingsPanel::rebuild() {
    rebuilding_ = true;
    QSignalBlocker block(tree_);
    tree_->clear();
    for (const auto& f : document_->findings()) {
        auto* item = new QTreeWidgetItem(tree_);
        item->setText(Class, QString::fromStdString(f.className));
        item->setData(Class, Qt::UserRole, qulonglong(f.id));
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setText(Score, f.provenance.fromModel() ? QString::number(f.score, 'f', 2) : QString("—"));
        item->setText(Status, core::findingStatusName(f.status));
        const auto& p = f.provenance;
        item->setText(Source, p.fromModel() ? QString::fromStdString(p.source + (p.modelVersion.empty() ? "" : " v" + p.modelVersion))
                                            : tr("user"));
        item->setToolTip(Source, tr("Author %1, created %2, modified %3").arg(QString::fromStdString(p.author), QString::fromStdString(p.created),
                                                                               QString::fromStdString(p.modified)));
        if (document_->selectedFinding() == f.id) {
            tree_->setCurrentItem(item);
            item->setSelected(true);
        }
    }
    const bool any = !document_->findings().empty();
    for (const char* b : {"accept", "reject", "delete"}) button(b)->setEnabled(any);
    rebuilding_ = false;
}

void FindingsPanel::setStatus(int status) {
    const auto id = selectedId();
    const core::Finding* current = id ? document_->finding(*id) : nullptr;
    if (!current) return;
    core::Finding f = *current;
    // Accepting a proposal the user had corrected keeps it "edited" (accepted after correction).
    const auto s = core::Finding::Status(status);
    f.status = (s == core::Finding::Status::Accepted && f.status == core::Finding::Status::Edited) ? f.status : s;
    f.provenance.modified = io::isoTimeNow();  // the review is part of its provenance
    document_->updateFinding(f);
}

void FindingsPanel::onItemChanged(QTreeWidgetItem* item, int column) {
    if (column != Class) return;
    const core::Finding* current = document_->finding(item->data(Class, Qt::UserRole).toULongLong());
    const std::string name = item->text(Class).trimmed().toStdString();
    if (!current || name.empty() || name == current->className) return;
    core::Finding f = *current;
    f.className = name;
    if (f.provenance.fromModel()) {
        f.provenance.editedByUser = true;
        if (f.status == core::Finding::Status::Proposed || f.status == core::Finding::Status::Accepted) f.status = core::Finding::Status::Edited;
    }
    f.provenance.modified = io::isoTimeNow();  // the review is part of its provenance
    document_->updateFinding(f);
}

}  // namespace lumen::ui
