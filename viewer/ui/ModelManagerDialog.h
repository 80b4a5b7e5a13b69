#pragma once
#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace lumen::logic { class ModelRegistryClient; }

namespace lumen::ui {

// The model manager: every model's versions as a tree (a fine-tune under the version it came
// from) with the active one marked, when it was made, its training cases and its validation
// score against its parent's; Make active, Roll back (to the version active before), and import
// a model package or a MONAI bundle from a folder. All of it goes through lumen-ai.
class ModelManagerDialog : public QDialog {
    Q_OBJECT
public:
    explicit ModelManagerDialog(logic::ModelRegistryClient* registry, QWidget* parent = nullptr);
    QTreeWidget* tree() const { return tree_; }
    QPushButton* button(const QString& objectName) const;
    QLabel* statusLabel() const { return status_; }
    bool select(const QString& name, const QString& version);

private:
    void rebuild();
    void updateButtons();
    void importFolder(bool monai);
    QTreeWidgetItem* current(QString* name, QString* version) const;

    logic::ModelRegistryClient* registry_;
    QTreeWidget* tree_;
    QLabel* status_;
};

}  // namespace lumen::ui
