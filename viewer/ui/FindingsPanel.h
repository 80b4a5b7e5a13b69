#pragma once
#include "core/Vector3.h"

#include <QWidget>

#include <optional>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace lumen::logic { class Document; }

namespace lumen::ui {

// The document's findings, one row each: class (double-click to change), score, review status
// and source (user or model and version). Selecting a row selects the finding and asks the
// views to go to it; Accept, Reject and Delete act on the selection (keys A... are the views').
class FindingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit FindingsPanel(logic::Document* document, QWidget* parent = nullptr);
    QTreeWidget* tree() const { return tree_; }
    QPushButton* button(const QString& objectName) const;

signals:
    void jumpTo(const lumen::core::Point3& point);

private:
    enum Column { Class, Score, Status, Source };
    void rebuild();
    void setStatus(int status);
    void onItemChanged(QTreeWidgetItem* item, int column);
    std::optional<std::uint64_t> selectedId() const;

    logic::Document* document_;
    QTreeWidget* tree_;
    bool rebuilding_ = false;
};

}  // namespace lumen::ui
