#include "ui/SegmentEditorPanel.h"

#include "logic/Document.h"
#include "logic/NumberText.h"
#include "logic/SegmentEditor.h"
#include "ui/internal/CautionMark.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenu>
#include <QPixmap>
#include <QPushButton>
#include <QSlider>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lumen::ui {

namespace {

struct RangePreset {
    const char* name;
    double low, high;
};
// HU ranges for the threshold brush and fill (CT).
constexpr RangePreset kPresets[] = {{QT_TRANSLATE_NOOP("lumen::ui::SegmentEditorPanel", "Soft tissue"), -100, 300},
                                    {QT_TRANSLATE_NOOP("lumen::ui::SegmentEditorPanel", "Bone"), 250, 3000},
                                    {QT_TRANSLATE_NOOP("lumen::ui::SegmentEditorPanel", "Lung"), -1000, -400},
                                    {QT_TRANSLATE_NOOP("lumen::ui::SegmentEditorPanel", "Fat"), -190, -30},
                                    {QT_TRANSLATE_NOOP("lumen::ui::SegmentEditorPanel", "Contrast vessels"), 150, 600}};

QIcon swatch(core::Rgba c) {
    QPixmap p(14, 14);
    p.fill(QColor(c.r, c.g, c.b));
    return QIcon(p);
}

}  // namespace

SegmentEditorPanel::SegmentEditorPanel(logic::Document* document, logic::SegmentEditor* editor, QWidget* parent)
    : QWidget(parent), document_(document), editor_(editor) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    labels_ = new QTreeWidget(this);
    labels_->setObjectName("labelTree");
    labels_->setColumnCount(4);
    labels_->setHeaderLabels({tr("Label"), tr("Lock"), tr("Voxels"), tr("mL")});
    labels_->setRootIsDecorated(false);
    labels_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    labels_->header()->setStretchLastSection(false);
    labels_->header()->setSectionResizeMode(Name, QHeaderView::Stretch);
    for (int c : {Lock, Voxels, Volume}) labels_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    // Room for six labels before it scrolls (a brain model alone proposes three; docks are stacked).
    labels_->setMinimumHeight(labels_->header()->sizeHint().height() + 6 * (labels_->fontMetrics().height() + 8));
    layout->addWidget(labels_, 1);

    auto* labelButtons = new QHBoxLayout;
    for (auto [name, text, tip] : {std::tuple{"addLabel", tr("Add"), tr("A new label, made active")},
                                  std::tuple{"colourLabel", tr("Colour…"), tr("Change the selected label's colour")},
                                  std::tuple{"mergeLabel", tr("Merge…"), tr("Move the selected label's voxels into another label")},
                                  std::tuple{"deleteLabel", tr("Delete"), tr("Clear the selected label's voxels and remove it")}})
        labelButtons->addWidget(addButton(name, text, tip));
    layout->addLayout(labelButtons);
    // A model's proposed labels: correct them with the tools, then accept (or reject) them.
    proposalRow_ = new QWidget(this);
    auto* proposalButtons = new QHBoxLayout(proposalRow_);
    proposalButtons->setContentsMargins(0, 0, 0, 0);
    for (auto [name, text, tip] : {std::tuple{"acceptLabel", tr("Accept proposal"), tr("Make the selected proposed label an annotation")},
                                  std::tuple{"rejectLabel", tr("Reject proposal"), tr("Remove the selected proposed label (Undo brings it back)")},
                                  std::tuple{"acceptAllLabels", tr("Accept all"), tr("Accept every proposed label")}})
        proposalButtons->addWidget(addButton(name, text, tip));
    layout->addWidget(proposalRow_);

    auto* brush = new QGroupBox(tr("Brush, fill and lasso"), this);
    auto* form = new QFormLayout(brush);
    radius_ = new QDoubleSpinBox(brush);
    radius_->setObjectName("brushRadius");
    radius_->setRange(0.5, 100);
    radius_->setSingleStep(0.5);
    radius_->setSuffix(tr(" mm"));
    radius_->setToolTip(tr("Brush radius (Shift+wheel in a view)"));
    form->addRow(tr("Radius"), radius_);
    sphere_ = new QCheckBox(tr("3D sphere"), brush);
    onlyEmpty_ = new QCheckBox(tr("Only empty voxels"), brush);
    auto* flags = new QHBoxLayout;
    flags->addWidget(sphere_);
    flags->addWidget(onlyEmpty_);
    form->addRow(flags);
    useRange_ = new QCheckBox(tr("Intensity range"), brush);
    useRange_->setObjectName("useRange");
    useRange_->setToolTip(tr("Paint and fill only voxels with values in the range (threshold brush)"));
    low_ = new QDoubleSpinBox(brush), high_ = new QDoubleSpinBox(brush);
    for (auto* s : {low_, high_}) s->setRange(-100000, 100000), s->setDecimals(0), s->setEnabled(false);
    low_->setValue(-100), high_->setValue(300);
    rangePreset_ = new QComboBox(brush);
    rangePreset_->addItem(tr("Preset…"));
    for (const auto& p : kPresets) rangePreset_->addItem(tr(p.name));
    rangePreset_->setEnabled(false);
    auto* range = new QHBoxLayout;
    range->addWidget(low_);
    range->addWidget(high_);
    range->addWidget(rangePreset_);
    form->addRow(useRange_, range);
    layout->addWidget(brush);

    auto* tools = new QGroupBox(tr("Label tools"), this);
    auto* grid = new QGridLayout(tools);
    grid->addWidget(addButton("interpolate", tr("Interpolate slices"), tr("Fill the slices between labelled ones (active view's direction)")), 0, 0);
    grid->addWidget(addButton("fillHoles", tr("Fill holes"), tr("Fill background enclosed by the active label")), 0, 1);
    grid->addWidget(addButton("smoothOpen", tr("Smooth (open)"), tr("Remove thin protrusions and specks (1 mm)")), 1, 0);
    grid->addWidget(addButton("smoothClose", tr("Smooth (close)"), tr("Close small gaps and notches (1 mm)")), 1, 1);
    grid->addWidget(addButton("undo", tr("Undo"), tr("Undo the last label edit (Ctrl+Z)")), 2, 0);
    grid->addWidget(addButton("redo", tr("Redo"), tr("Redo (Ctrl+Shift+Z)")), 2, 1);
    layout->addWidget(tools);

    auto* display = new QGroupBox(tr("Display"), this);
    auto* displayForm = new QFormLayout(display);
    visible_ = new QCheckBox(tr("Show labels"), display);
    visible_->setChecked(true);
    outline_ = new QCheckBox(tr("Outline only"), display);
    auto* shows = new QHBoxLayout;
    shows->addWidget(visible_);
    shows->addWidget(outline_);
    displayForm->addRow(shows);
    opacity_ = new QSlider(Qt::Horizontal, display);
    opacity_->setRange(0, 100);
    opacity_->setValue(int(style_.opacity * 100));
    displayForm->addRow(tr("Opacity"), opacity_);
    displayForm->addRow(addButton("loadLabels", tr("Load label map…"), tr("A NIfTI, NRRD, MHA or 3D Slicer label map of this image (another grid is placed onto it)")));
    layout->addWidget(display);

    connect(button("loadLabels"), &QPushButton::clicked, this, &SegmentEditorPanel::loadRequested);
    connect(button("addLabel"), &QPushButton::clicked, this, [this] { editor_->addLabel(); });
    connect(button("colourLabel"), &QPushButton::clicked, this, [this] {
        const auto value = selectedLabel();
        const core::Label* l = document_->labels() ? document_->labels()->labels().find(value) : nullptr;
        if (!l) return;
        const QColor c = QColorDialog::getColor(QColor(l->color.r, l->color.g, l->color.b), this, tr("Label colour"));
        if (c.isValid()) editor_->recolourLabel(value, {std::uint8_t(c.red()), std::uint8_t(c.green()), std::uint8_t(c.blue()), l->color.a});
    });
    connect(button("mergeLabel"), &QPushButton::clicked, this, [this] {
        const auto from = selectedLabel();
        if (!from || !document_->labels()) return;
        QStringList names;
        std::vector<std::uint16_t> values;
        for (const auto& l : document_->labels()->labels().labels())
            if (l.value != from) names << QString::fromStdString(l.name), values.push_back(l.value);
        bool ok = false;
        const QString into = QInputDialog::getItem(this, tr("Merge labels"), tr("Merge into"), names, 0, false, &ok);
        if (ok && names.indexOf(into) >= 0) editor_->mergeLabel(from, values[std::size_t(names.indexOf(into))]);
    });
    connect(button("deleteLabel"), &QPushButton::clicked, this, [this] { editor_->deleteLabel(selectedLabel()); });
    connect(button("acceptLabel"), &QPushButton::clicked, this, [this] { editor_->acceptProposal(selectedLabel()); });
    connect(button("rejectLabel"), &QPushButton::clicked, this, [this] { editor_->rejectProposal(selectedLabel()); });
    connect(button("acceptAllLabels"), &QPushButton::clicked, editor_, &logic::SegmentEditor::acceptAllProposals);
    connect(button("interpolate"), &QPushButton::clicked, this, &SegmentEditorPanel::interpolateRequested);
    connect(button("fillHoles"), &QPushButton::clicked, this, [this] { editor_->fillHoles(); });
    connect(button("smoothOpen"), &QPushButton::clicked, this, [this] { editor_->smooth(logic::Morphology::Open, 1.0); });
    connect(button("smoothClose"), &QPushButton::clicked, this, [this] { editor_->smooth(logic::Morphology::Close, 1.0); });
    connect(button("undo"), &QPushButton::clicked, document_, &logic::Document::undoLabelEdit);
    connect(button("redo"), &QPushButton::clicked, document_, &logic::Document::redoLabelEdit);

    connect(radius_, &QDoubleSpinBox::valueChanged, editor_, &logic::SegmentEditor::setBrushRadius);
    connect(sphere_, &QCheckBox::toggled, editor_, &logic::SegmentEditor::setSphere);
    connect(onlyEmpty_, &QCheckBox::toggled, editor_, &logic::SegmentEditor::setOnlyEmpty);
    auto pushRange = [this] {
        for (QWidget* w : std::initializer_list<QWidget*>{low_, high_, rangePreset_}) w->setEnabled(useRange_->isChecked());
        editor_->setRange(useRange_->isChecked() ? std::optional(std::make_pair(low_->value(), high_->value())) : std::nullopt);
    };
    connect(useRange_, &QCheckBox::toggled, this, pushRange);
    connect(low_, &QDoubleSpinBox::valueChanged, this, pushRange);
    connect(high_, &QDoubleSpinBox::valueChanged, this, pushRange);
    connect(rangePreset_, &QComboBox::activated, this, [this](int index) {
        if (index < 1) return;
        low_->setValue(kPresets[index - 1].low);
        high_->setValue(kPresets[index - 1].high);
    });

    connect(visible_, &QCheckBox::toggled, this, &SegmentEditorPanel::emitStyle);
    connect(outline_, &QCheckBox::toggled, this, &SegmentEditorPanel::emitStyle);
    connect(opacity_, &QSlider::valueChanged, this, &SegmentEditorPanel::emitStyle);
    connect(labels_, &QTreeWidget::itemChanged, this, &SegmentEditorPanel::onItemChanged);
    connect(labels_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item) editor_->setActiveLabel(std::uint16_t(item->data(Name, Qt::UserRole).toUInt()));
        updateProposalButtons();
    });
    rebuildSoon_.setSingleShot(true);
    rebuildSoon_.setInterval(150);
    connect(&rebuildSoon_, &QTimer::timeout, this, &SegmentEditorPanel::rebuild);
    connect(document_, &logic::Document::labelsChanged, &rebuildSoon_, qOverload<>(&QTimer::start));
    connect(document_, &logic::Document::undoChanged, this, [this] {
        button("undo")->setEnabled(document_->labelUndo().canUndo());
        button("redo")->setEnabled(document_->labelUndo().canRedo());
    });
    connect(editor_, &logic::SegmentEditor::settingsChanged, this, &SegmentEditorPanel::syncSettings);
    rebuild();
    syncSettings();
    button("undo")->setEnabled(false);
    button("redo")->setEnabled(false);
}

QPushButton* SegmentEditorPanel::addButton(const QString& name, const QString& text, const QString& tip) {
    auto* b = new QPushButton(text, this);
    b->setObjectName(name);
    b->setToolTip(tip);
    return b;
}

QPushButton* SegmentEditorPanel::button(const QString& objectName) const { return findChild<QPushButton*>(objectName); }

std::uint16_t SegmentEditorPanel::selectedLabel() const {
    const auto* item = labels_->currentItem();
    return item ? std::uint16_t(item->data(Name, Qt::UserRole).toUInt()) : editor_->activeLabel();
}

void SegmentEditorPanel::rebuild() {
    QSignalBlocker block(labels_);
    labels_->clear();
    const core::LabelMap* map = document_->labels();
    if (!map) return;
    // Every label of the table (new ones have no voxels yet) and any value the table lacks.
    const auto histogram = map->histogram();
    std::map<std::uint16_t, std::size_t> rows;
    for (const auto& l : map->labels().labels()) rows[l.value] = 0;
    for (const auto& [value, count] : histogram) rows[value] = count;
    for (const auto& [value, count] : rows) {
        const core::Label* l = map->labels().find(value);
        auto* item = new QTreeWidgetItem(labels_);
        item->setText(Name, l ? QString::fromStdString(l->name) : tr("Label %1").arg(value));
        item->setToolTip(Name, tr("%1 (value %2) — double-click to rename, tick to show").arg(item->text(Name)).arg(value));
        item->setIcon(Name, swatch(l ? l->color : core::LabelTable::defaultColor(value)));
        item->setData(Name, Qt::UserRole, value);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsEditable);
        item->setCheckState(Name, style_.hidden.count(value) ? Qt::Unchecked : Qt::Checked);
        item->setCheckState(Lock, editor_->isLocked(value) ? Qt::Checked : Qt::Unchecked);
        item->setText(Voxels, QString::number(qulonglong(count)));
        item->setText(Volume, logic::numberText(double(count) * map->geometry().voxelVolumeMm3() / 1000.0, 2));
        item->setTextAlignment(Voxels, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(Volume, Qt::AlignRight | Qt::AlignVCenter);
        for (const auto& s : document_->segments())
            if (s.value == value && s.proposed) {
                QFont italic = item->font(Name);
                italic.setItalic(true);
                item->setFont(Name, italic);  // the name stays editable text: the state is shown, not written into it
                item->setForeground(Name, QColor(224, 160, 48));
                item->setToolTip(Name, tr("Proposed by %1 %2: correct it with the tools, then accept it (or reject it)")
                                           .arg(QString::fromStdString(s.provenance.source), QString::fromStdString(s.provenance.modelVersion)));
                item->setData(Name, Qt::UserRole + 1, true);
                if (!s.provenance.caution.empty()) internal::markCaution(*item, Volume, s.provenance.caution);
            }
        if (value == editor_->activeLabel()) labels_->setCurrentItem(item);
    }
    updateProposalButtons();
}

void SegmentEditorPanel::updateProposalButtons() {
    proposalRow_->setVisible(!document_->proposedLabels().empty());
    const auto* item = labels_->currentItem();
    const bool selected = item && item->data(Name, Qt::UserRole + 1).toBool();
    button("acceptLabel")->setEnabled(selected);
    button("rejectLabel")->setEnabled(selected);
}

void SegmentEditorPanel::onItemChanged(QTreeWidgetItem* item, int column) {
    const auto value = std::uint16_t(item->data(Name, Qt::UserRole).toUInt());
    if (column == Lock) return editor_->setLocked(value, item->checkState(Lock) == Qt::Checked);
    const core::Label* l = document_->labels() ? document_->labels()->labels().find(value) : nullptr;
    if (l && item->text(Name) != QString::fromStdString(l->name) && !item->text(Name).trimmed().isEmpty())
        return editor_->renameLabel(value, item->text(Name).trimmed().toStdString());
    emitStyle();  // shown / hidden
}

void SegmentEditorPanel::syncSettings() {
    const auto& b = editor_->brush();
    for (QObject* o : std::initializer_list<QObject*>{radius_, sphere_, onlyEmpty_}) o->blockSignals(true);
    radius_->setValue(b.radiusMm);
    sphere_->setChecked(b.sphere);
    onlyEmpty_->setChecked(b.onlyEmpty);
    for (QObject* o : std::initializer_list<QObject*>{radius_, sphere_, onlyEmpty_}) o->blockSignals(false);
    QSignalBlocker block(labels_);
    for (int i = 0; i < labels_->topLevelItemCount(); ++i) {
        auto* item = labels_->topLevelItem(i);
        if (item->data(Name, Qt::UserRole).toUInt() == editor_->activeLabel()) labels_->setCurrentItem(item);
    }
}

void SegmentEditorPanel::emitStyle() {
    style_.visible = visible_->isChecked();
    style_.outline = outline_->isChecked();
    style_.opacity = opacity_->value() / 100.0;
    style_.hidden.clear();
    for (int i = 0; i < labels_->topLevelItemCount(); ++i) {
        auto* item = labels_->topLevelItem(i);
        if (item->checkState(Name) == Qt::Unchecked) style_.hidden.insert(std::uint16_t(item->data(Name, Qt::UserRole).toUInt()));
    }
    emit styleChanged(style_);
}

}  // namespace lumen::ui
