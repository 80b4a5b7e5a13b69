#pragma once
#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;
class QTabWidget;

namespace lumen::ui {

// General: language (applies on the next start), patient identity in views, import copies, cine
// speed. PACS: the servers (PacsServersPage).
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);
    void accept() override;
    void showPacsPage();

private:
    QComboBox* language_;
    QCheckBox* hideIdentity_;
    QCheckBox* copyOnImport_;
    QSpinBox* cineFps_;
    class PacsServersPage* pacs_;
    QTabWidget* tabs_;
};

}  // namespace lumen::ui
