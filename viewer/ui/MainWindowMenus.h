#pragma once
#include <QCoreApplication>
#include <QString>

#include <map>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;

namespace lumen::ui {

// The main window's actions, by name and by group (MainWindow creates and owns them).
struct MainWindowActions {
    const std::map<QString, QAction*>& byName;
    QActionGroup* layouts;
    QActionGroup* tools;
    QActionGroup* presets3d;
    QAction* clipping;
};

// The main window's menu bar and its two toolbar rows, built from its actions. The texts keep
// MainWindow's translation context (they were written there).
class MainWindowMenus {
    Q_DECLARE_TR_FUNCTIONS(lumen::ui::MainWindow)
public:
    // Returns the AI menu, which AiDocks fills.
    static QMenu* build(QMainWindow* window, const MainWindowActions& actions);
};

}  // namespace lumen::ui
