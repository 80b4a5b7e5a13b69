#pragma once
#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace lumen::ui {

// Language (applies on the next start), patient identity in views, import copies, cine speed.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);
    void accept() override;

private:
    QComboBox* language_;
    QCheckBox* hideIdentity_;
    QCheckBox* copyOnImport_;
    QSpinBox* cineFps_;
};

}  // namespace lumen::ui
