#pragma once
#include <QWidget>

class QTableWidget;

namespace lumen::logic { class Document; }

namespace lumen::ui {

// The measurements of a document (the active pane's: a comparison pane's own are listed while it
// is active): kind, value, statistics. Selecting one jumps the views to it; Delete removes it.
class MeasurementPanel : public QWidget {
    Q_OBJECT
public:
    explicit MeasurementPanel(logic::Document* document, QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }
    void setDocument(logic::Document* document);
    logic::Document* document() const { return document_; }

signals:
    void jumpTo(std::uint64_t id);

private:
    void rebuild();
    void removeSelected();
    logic::Document* document_ = nullptr;
    QTableWidget* table_;
    bool rebuilding_ = false;
};

}  // namespace lumen::ui
