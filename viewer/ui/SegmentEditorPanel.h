#pragma once
#include "render/OverlayStyle.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QPushButton;
class QSlider;
class QTreeWidget;
class QTreeWidgetItem;

namespace lumen::logic {
class Document;
class SegmentEditor;
}  // namespace lumen::logic

namespace lumen::ui {

// The segment editor (a thin Qt face on logic::SegmentEditor): one row per label with its
// colour, name (double-click to rename), shown/hidden, locked, voxels and mL; add, colour,
// merge and delete; brush size, 3D sphere, only-empty and the intensity range (CT presets);
// fill holes, smoothing, slice interpolation, undo and redo; how labels are drawn.
class SegmentEditorPanel : public QWidget {
    Q_OBJECT
public:
    SegmentEditorPanel(logic::Document* document, logic::SegmentEditor* editor, QWidget* parent = nullptr);
    const render::OverlayStyle& style() const { return style_; }
    QCheckBox* outlineBox() const { return outline_; }
    QTreeWidget* labelTree() const { return labels_; }
    QPushButton* button(const QString& objectName) const;

signals:
    void styleChanged(const lumen::render::OverlayStyle& style);
    void loadRequested();
    void interpolateRequested();  // across the active view's plane

private:
    enum Column { Name, Lock, Voxels, Volume };
    void rebuild();
    void updateProposalButtons();
    void emitStyle();
    void syncSettings();
    void onItemChanged(QTreeWidgetItem* item, int column);
    std::uint16_t selectedLabel() const;
    QPushButton* addButton(const QString& name, const QString& text, const QString& tip);

    logic::Document* document_;
    logic::SegmentEditor* editor_;
    render::OverlayStyle style_;
    QTreeWidget* labels_;
    QWidget* proposalRow_ = nullptr;
    QDoubleSpinBox* radius_;
    QCheckBox* sphere_;
    QCheckBox* onlyEmpty_;
    QCheckBox* useRange_;
    QDoubleSpinBox* low_;
    QDoubleSpinBox* high_;
    QComboBox* rangePreset_;
    QSlider* opacity_;
    QCheckBox* outline_;
    QCheckBox* visible_;
    QTimer rebuildSoon_;  // label statistics after a burst of edits, not after each
};

}  // namespace lumen::ui
