#pragma once
#include "render/OverlayStyle.h"

#include <QWidget>

class QCheckBox;
class QSlider;
class QTreeWidget;

namespace lumen::logic { class Document; }

namespace lumen::ui {

// The document's label map: one row per label (colour, name, voxels, mL, shown or hidden),
// opacity and fill/outline for all. "Load…" reads a label map on the image's grid.
class OverlayPanel : public QWidget {
    Q_OBJECT
public:
    explicit OverlayPanel(logic::Document* document, QWidget* parent = nullptr);
    const render::OverlayStyle& style() const { return style_; }
    QCheckBox* outlineBox() const { return outline_; }
    QTreeWidget* labelTree() const { return labels_; }

signals:
    void styleChanged(const lumen::render::OverlayStyle& style);
    void loadRequested();

private:
    void rebuild();
    void emitStyle();
    logic::Document* document_;
    render::OverlayStyle style_;
    QTreeWidget* labels_;
    QSlider* opacity_;
    QCheckBox* outline_;
    QCheckBox* visible_;
};

}  // namespace lumen::ui
