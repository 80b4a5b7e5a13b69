#pragma once
#include "core/Vector3.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QSlider;
class QTreeWidget;
class QTreeWidgetItem;

namespace lumen::logic { class Document; }

namespace lumen::ui {

// The document's findings, one row each, highest score first: class (double-click to change),
// score, review status and source (user or model and version). Selecting a row selects the
// finding and asks the views to go to it; Accept, Reject and Delete act on the selection. A score
// threshold hides weak proposals here and in the views. Keyboard review while the list has focus:
// A accepts and R rejects (then the next proposal is selected), E edits the box in the views,
// N/P (or the arrows) move to the next/previous finding.

class FindingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit FindingsPanel(logic::Document* document, QWidget* parent = nullptr);
    // The panel follows the active view's series (the comparison pane's findings are its own).
    void setDocument(logic::Document* document);
    logic::Document* document() const { return document_; }
    QTreeWidget* tree() const { return tree_; }
    QPushButton* button(const QString& objectName) const;
    QSlider* thresholdSlider() const { return threshold_; }
    void focusFirstProposal();  // after a model ran: review starts here

signals:
    void jumpTo(const lumen::core::Point3& point);
    void editRequested();  // E: edit the selected finding's box in the views

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum Column { Class, Score, Status, Source };
    void rebuild();
    void showSelection();
    void setStatus(int status);
    void onItemChanged(QTreeWidgetItem* item, int column);
    std::optional<std::uint64_t> selectedId() const;
    void selectRow(int row);
    void selectNextProposal(int from);

    logic::Document* document_;
    QTreeWidget* tree_;
    QSlider* threshold_;
    QLabel* thresholdLabel_;
    bool rebuilding_ = false;
};

}  // namespace lumen::ui
