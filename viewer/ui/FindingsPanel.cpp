#include "ui/FindingsPanel.h"

#include "io/AnnotationJson.h"
#include "logic/Document.h"
#include "logic/NumberText.h"
#include "ui/internal/CautionMark.h"
#include "ui/internal/ToolkitNames.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QSlider>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

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
    tree_->installEventFilter(this);
    threshold_ = new QSlider(Qt::Horizontal, this);
    threshold_->setObjectName("scoreThreshold");
    threshold_->setRange(0, 100);
    threshold_->setToolTip(tr("Hide a model's proposals scoring below this, here and in the views"));
    thresholdLabel_ = new QLabel(this);
    thresholdLabel_->setMinimumWidth(thresholdLabel_->fontMetrics().horizontalAdvance(tr("Show proposals ≥ 100 % (99 hidden)")));
    auto* thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(thresholdLabel_);
    thresholdRow->addWidget(threshold_, 1);
    layout->addLayout(thresholdRow);
    connect(threshold_, &QSlider::valueChanged, this, [this](int percent) { document_->setFindingThreshold(percent / 100.0); });
    auto* buttons = new QHBoxLayout;
    for (auto [name, text, tip] : {std::tuple{"accept", tr("Accept"), tr("Accept the selected finding")},
                                  std::tuple{"reject", tr("Reject"), tr("Reject the selected finding (kept, marked rejected)")},
                                  std::tuple{"delete", tr("Delete"), tr("Remove the selected finding")},
                                  std::tuple{"acceptShown", tr("Accept all shown"), tr("Accept every proposal above the threshold")}}) {
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
    connect(button("acceptShown"), &QPushButton::clicked, this, [this] { document_->reviewVisibleProposals(core::Finding::Status::Accepted); });
    connect(tree_, &QTreeWidget::itemChanged, this, &FindingsPanel::onItemChanged);
    connect(tree_, &QTreeWidget::itemSelectionChanged, this, [this] {
        if (rebuilding_) return;
        const auto id = selectedId();
        if (!id || id == document_->selectedFinding()) return;
        document_->selectFinding(id);
        if (const auto* f = document_->finding(*id)) emit jumpTo(f->centre());
    });
    logic::Document* first = document_;
    document_ = nullptr;
    setDocument(first);
}

void FindingsPanel::setDocument(logic::Document* document) {
    if (document == document_) return;
    if (document_) disconnect(document_, nullptr, this, nullptr);
    document_ = document;
    connect(document_, &logic::Document::findingsChanged, this, &FindingsPanel::rebuild);
    connect(document_, &logic::Document::findingSelected, this, &FindingsPanel::showSelection);
    {
        const QSignalBlocker block(threshold_);  // the slider shows this document's threshold, not sets it
        threshold_->setValue(int(std::lround(document_->findingThreshold() * 100)));
    }
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
    std::vector<const core::Finding*> rows;
    int hidden = 0;
    for (const auto& f : document_->findings())
        if (document_->findingVisible(f)) rows.push_back(&f);
        else ++hidden;
    std::stable_sort(rows.begin(), rows.end(), [](const core::Finding* a, const core::Finding* b) { return a->score > b->score; });
    thresholdLabel_->setText(tr("Show proposals ≥ %1 %").arg(std::lround(document_->findingThreshold() * 100)) +
                             (hidden ? tr(" (%1 hidden)").arg(hidden) : QString()));
    for (const core::Finding* row : rows) {
        const core::Finding& f = *row;
        auto* item = new QTreeWidgetItem(tree_);
        item->setText(Class, QString::fromStdString(f.className));
        item->setData(Class, Qt::UserRole, qulonglong(f.id));
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setText(Score, f.provenance.fromModel() ? logic::numberText(f.score, 2) : QString("—"));
        item->setText(Status, internal::findingStatusTitle(f.status));
        const auto& p = f.provenance;
        item->setText(Source, p.fromModel() ? QString::fromStdString(p.source + (p.modelVersion.empty() ? "" : " v" + p.modelVersion))
                                            : tr("user"));
        item->setToolTip(Source, tr("Author %1, created %2, modified %3").arg(QString::fromStdString(p.author), QString::fromStdString(p.created),
                                                                               QString::fromStdString(p.modified)));
        if (!p.caution.empty() && f.status == core::Finding::Status::Proposed) internal::markCaution(*item, Score, p.caution);
    }
    showSelection();
    const bool any = !rows.empty();
    for (const char* b : {"accept", "reject", "delete"}) button(b)->setEnabled(any);
    button("acceptShown")->setEnabled(std::any_of(rows.begin(), rows.end(), [](const core::Finding* f) {
        return f->status == core::Finding::Status::Proposed;
    }));
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
    logic::markReviewed(f.provenance);  // the review is part of its provenance
    document_->updateFinding(f);
}

// The document's selected finding becomes the current, selected row (without a signal back).
void FindingsPanel::showSelection() {
    QSignalBlocker block(tree_);
    tree_->clearSelection();
    for (int r = 0; r < tree_->topLevelItemCount(); ++r)
        if (QTreeWidgetItem* item = tree_->topLevelItem(r);
            document_->selectedFinding() == item->data(Class, Qt::UserRole).toULongLong()) {
            tree_->setCurrentItem(item);
            item->setSelected(true);
        }
    tree_->viewport()->update();
}

// Selects by id through the document. No item pointer is held across a document call: a change
// rebuilds the list (one was, and reviewing after a re-run crashed on the deleted item).
void FindingsPanel::selectRow(int row) {
    if (row < 0 || row >= tree_->topLevelItemCount()) return;
    const std::uint64_t id = tree_->topLevelItem(row)->data(Class, Qt::UserRole).toULongLong();
    document_->selectFinding(id);  // showSelection() makes its row current and selected
    if (const auto* f = document_->finding(id)) emit jumpTo(f->centre());
}

// The next proposal after row `from` (wrapping), else stay.
void FindingsPanel::selectNextProposal(int from) {
    const int n = tree_->topLevelItemCount();
    for (int step = 1; step <= n; ++step) {
        const int row = (from + step) % n;
        const core::Finding* f = document_->finding(tree_->topLevelItem(row)->data(Class, Qt::UserRole).toULongLong());
        if (f && f->status == core::Finding::Status::Proposed) return selectRow(row);
    }
}

void FindingsPanel::focusFirstProposal() {
    tree_->setFocus();
    selectNextProposal(-1);
}

bool FindingsPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched != tree_ || (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)) return false;
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() & ~Qt::KeypadModifier) return false;
    const int k = key->key();
    if (k != Qt::Key_A && k != Qt::Key_R && k != Qt::Key_E && k != Qt::Key_N && k != Qt::Key_P) return false;
    // The list takes these keys while it has focus; elsewhere they stay the views' tools (A angle, R reset, E ellipse).
    if (event->type() == QEvent::ShortcutOverride) return event->accept(), true;
    const int row = tree_->currentItem() ? tree_->indexOfTopLevelItem(tree_->currentItem()) : -1;
    if (k == Qt::Key_N) selectRow(row + 1);
    else if (k == Qt::Key_P) selectRow(std::max(0, row - 1));
    else if (k == Qt::Key_E) emit editRequested();
    else if (row >= 0) {
        const auto reviewed = selectedId();
        setStatus(int(k == Qt::Key_A ? core::Finding::Status::Accepted : core::Finding::Status::Rejected));
        // The list was rebuilt (the order is by score, so the row is the same): go on with the next proposal.
        for (int r = 0; r < tree_->topLevelItemCount(); ++r)
            if (tree_->topLevelItem(r)->data(Class, Qt::UserRole).toULongLong() == reviewed) {
                selectNextProposal(r);  // rebuilds the list: stop walking it
                break;
            }
    }
    return true;
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
