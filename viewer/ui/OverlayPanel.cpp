#include "ui/OverlayPanel.h"

#include "logic/Document.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QPixmap>
#include <QPushButton>
#include <QSlider>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lumen::ui {

OverlayPanel::OverlayPanel(logic::Document* document, QWidget* parent) : QWidget(parent), document_(document) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    labels_ = new QTreeWidget(this);
    labels_->setObjectName("labelTree");
    labels_->setColumnCount(3);
    labels_->setHeaderLabels({tr("Label"), tr("Voxels"), tr("Volume (mL)")});
    labels_->setRootIsDecorated(false);
    labels_->header()->setStretchLastSection(false);
    labels_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    labels_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    labels_->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    visible_ = new QCheckBox(tr("Show labels"), this);
    visible_->setChecked(true);
    outline_ = new QCheckBox(tr("Outline only"), this);
    opacity_ = new QSlider(Qt::Horizontal, this);
    opacity_->setRange(0, 100);
    opacity_->setValue(int(style_.opacity * 100));
    auto* form = new QFormLayout;
    form->addRow(tr("Opacity"), opacity_);
    auto* load = new QPushButton(tr("Load label map…"), this);
    layout->addWidget(labels_, 1);
    layout->addWidget(visible_);
    layout->addWidget(outline_);
    layout->addLayout(form);
    layout->addWidget(load);
    connect(load, &QPushButton::clicked, this, &OverlayPanel::loadRequested);
    connect(visible_, &QCheckBox::toggled, this, &OverlayPanel::emitStyle);
    connect(outline_, &QCheckBox::toggled, this, &OverlayPanel::emitStyle);
    connect(opacity_, &QSlider::valueChanged, this, &OverlayPanel::emitStyle);
    connect(labels_, &QTreeWidget::itemChanged, this, &OverlayPanel::emitStyle);
    connect(document_, &logic::Document::labelsChanged, this, &OverlayPanel::rebuild);
    rebuild();
}

void OverlayPanel::rebuild() {
    QSignalBlocker block(labels_);
    labels_->clear();
    const core::LabelMap* map = document_->labels();
    if (!map) return;
    for (const auto& [value, count] : map->histogram()) {
        const core::Label* l = map->labels().find(value);
        const core::Rgba c = l ? l->color : core::LabelTable::defaultColor(value);
        auto* item = new QTreeWidgetItem(labels_);
        item->setText(0, l ? QString::fromStdString(l->name) : tr("Label %1").arg(value));
        item->setToolTip(0, QString("%1 (%2)").arg(item->text(0)).arg(value));
        item->setText(1, QString::number(qulonglong(count)));
        item->setText(2, QString::number(double(count) * map->geometry().voxelVolumeMm3() / 1000.0, 'f', 2));
        QPixmap swatch(14, 14);
        swatch.fill(QColor(c.r, c.g, c.b));
        item->setIcon(0, QIcon(swatch));
        item->setData(0, Qt::UserRole, value);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, style_.hidden.count(value) ? Qt::Unchecked : Qt::Checked);
    }
}

void OverlayPanel::emitStyle() {
    style_.visible = visible_->isChecked();
    style_.outline = outline_->isChecked();
    style_.opacity = opacity_->value() / 100.0;
    style_.hidden.clear();
    for (int i = 0; i < labels_->topLevelItemCount(); ++i) {
        auto* item = labels_->topLevelItem(i);
        if (item->checkState(0) == Qt::Unchecked) style_.hidden.insert(std::uint16_t(item->data(0, Qt::UserRole).toUInt()));
    }
    emit styleChanged(style_);
}

}  // namespace lumen::ui
