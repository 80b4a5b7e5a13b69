#pragma once
#include <QDialog>

namespace lumen::ui {

// Help → Keyboard and mouse: every shortcut and mouse gesture, in one table.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget* parent = nullptr);
};

}  // namespace lumen::ui
