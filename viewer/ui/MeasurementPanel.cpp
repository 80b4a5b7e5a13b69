#include "ui/MeasurementPanel.h"

#include "logic/Document.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lumen::ui {

MeasurementPanel::MeasurementPanel(logic::Document* document, QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    table_ = new QTableWidget(0, 2, this);
    table_->setObjectName("measurementTable");
    table_->setHorizontalHeaderLabels({tr("Measurement"), tr("Value")});
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(true);
    auto* remove = new QPushButton(tr("Delete"), this);
    layout->addWidget(table_, 1);
    layout->addWidget(remove);
    connect(remove, &QPushButton::clicked, this, &MeasurementPanel::removeSelected);
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        if (rebuilding_) return;
        const auto rows = table_->selectionModel()->selectedRows();
        if (rows.isEmpty()) return;
        const auto id = table_->item(rows.first().row(), 0)->data(Qt::UserRole).toULongLong();
        document_->selectMeasurement(id);
        emit jumpTo(id);
    });
    setDocument(document);
}

void MeasurementPanel::setDocument(logic::Document* document) {
    if (document == document_) return;
    if (document_) disconnect(document_, nullptr, this, nullptr);
    document_ = document;
    connect(document_, &logic::Document::measurementsChanged, this, &MeasurementPanel::rebuild);
    rebuild();
}

void MeasurementPanel::rebuild() {
    rebuilding_ = true;
    const auto& items = document_->measurements().items();
    table_->setRowCount(int(items.size()));
    for (int r = 0; r < int(items.size()); ++r) {
        const auto& m = items[std::size_t(r)];
        auto* name = new QTableWidgetItem(QString::fromStdString(m.label));
        name->setData(Qt::UserRole, qulonglong(m.id));
        table_->setItem(r, 0, name);
        table_->setItem(r, 1, new QTableWidgetItem(logic::measurementText(m)));
        if (document_->measurements().selected() == m.id) table_->selectRow(r);
    }
    table_->resizeRowsToContents();
    rebuilding_ = false;
}

void MeasurementPanel::removeSelected() {
    const auto rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty()) return;
    document_->removeMeasurement(table_->item(rows.first().row(), 0)->data(Qt::UserRole).toULongLong());
}

}  // namespace lumen::ui
