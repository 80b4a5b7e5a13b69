#pragma once
#include <QWidget>

class QTableWidget;

namespace lumen::logic { class Document; }

namespace lumen::ui {

// The document's measurements: kind, value, statistics. Selecting one jumps the views to it;
// Delete removes it.
class MeasurementPanel : public QWidget {
    Q_OBJECT
public:
    explicit MeasurementPanel(logic::Document* document, QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }

signals:
    void jumpTo(std::uint64_t id);

private:
    void rebuild();
    void removeSelected();
    logic::Document* document_;
    QTableWidget* table_;
    bool rebuilding_ = false;
};

}  // namespace lumen::ui
