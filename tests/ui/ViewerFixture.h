#pragma once
// The viewer as a user has it: a main window on a fresh data folder with the demo study open,
// and the mouse and wheel gestures the GUI tests drive it with.
#include "GuiTestSupport.h"
#include "logic/StudyBrowserModel.h"
#include "ui/AiPanel.h"
#include "ui/SliceView.h"
#include "ui/StudyBrowserPanel.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QLineEdit>
#include <QTimer>
#include <QPushButton>
#include <QTreeWidget>
#include <QTest>
#include <QTreeView>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <memory>

namespace lumen::test {

// Answers the next file dialog with `path` (the menu's own dialog, driven like a user would),
// looking for it every 100 ms for 10 s: the first one a process opens takes a while to appear.
inline void answerFileDialog(const QString& path, int tries = 100) {
    QTimer::singleShot(100, [path, tries] {
        if (auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget())) {
            dialog->selectFile(path);
            // An open dialog selects a file of another folder only once it has listed that folder:
            // the typed name is what accept() takes at once.
            if (auto* name = dialog->findChild<QLineEdit*>("fileNameEdit")) name->setText(path);
            QMetaObject::invokeMethod(dialog, "accept");
        } else if (tries > 1) {
            answerFileDialog(path, tries - 1);
        }
    });
}

inline QAction* menuAction(ui::MainWindow& window, const QString& objectName) {
    for (QAction* a : window.findChildren<QAction*>())
        if (a->objectName() == objectName) return a;
    return nullptr;
}

// Selects a model in the AI panel, clicks Run and waits until it is done (false on time-out).
inline bool runModel(ui::MainWindow& window, const QString& name) {
    ui::AiPanel* panel = window.aiPanel();
    if (!test::waitFor([&] { return panel->modelTree()->topLevelItemCount() > 0; }, 30000)) return false;
    if (!panel->selectModel(name)) return false;
    panel->runButton()->click();
    return test::waitFor([&] { return panel->runButton()->isEnabled(); }, 180000);
}

class Viewer : public ::testing::Test {
public:  // the gestures are also used by helpers outside the tests (the random walk)
    void SetUp() override {
        test::guiApp();
        test::prepareDataFolder(QString::fromStdString(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        window = std::make_unique<ui::MainWindow>();
        window->resize(1400, 900);
        window->show();
        // No window manager under Xvfb: make the window active so its shortcuts work.
        QApplication::setActiveWindow(window.get());
        window->activateWindow();
        QObject::connect(window.get(), &ui::MainWindow::seriesOpened, [this](const QString& uid) { opened = uid; });
        window->openDemo();
        ASSERT_TRUE(test::waitFor([this] { return !opened.isEmpty(); }, 120000)) << "the demo did not open";
        settle();
        QApplication::setActiveWindow(window.get());  // again: the progress dialog took it
    }
    void TearDown() override { window.reset(); }
    static void settle(int ms = 400) { test::waitFor([] { return false; }, ms); }
    void openAndWait(const QString& uid, bool compare = false) {
        opened.clear();
        window->openSeries(uid, compare);
        ASSERT_TRUE(test::waitFor([this] { return !opened.isEmpty(); }, 60000));
        settle();
    }
    QString seriesWithModality(const QString& modality) {
        for (const auto& p : window->browser()->tree()->model() ? static_cast<logic::StudyBrowserModel*>(window->browser()->tree()->model())->database().patients() : std::vector<io::PatientSummary>{})
            for (const auto& st : p.studies)
                for (const auto& se : st.series)
                    if (QString::fromStdString(se.modality) == modality) return QString::fromStdString(se.seriesUid);
        return {};
    }
    ui::SliceView* view(int i) { return window->viewerLayout()->sliceView(i); }
    static void drag(QWidget* w, Qt::MouseButton button, QPoint from, QPoint to, Qt::KeyboardModifiers mods = {}) {
        QTest::mousePress(w, button, mods, from);
        for (int step = 1; step <= 10; ++step) {
            const QPoint p = from + (to - from) * step / 10;
            QMouseEvent move(QEvent::MouseMove, p, w->mapToGlobal(p), Qt::NoButton, button, mods);
            QApplication::sendEvent(w, &move);
        }
        QTest::mouseRelease(w, button, mods, to);
    }
    static void wheel(QWidget* w, QPoint at, int notches, Qt::KeyboardModifiers mods = {}) {
        QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, mods, Qt::NoScrollPhase, false);
        QApplication::sendEvent(w, &e);
    }

    std::unique_ptr<ui::MainWindow> window;
    QString opened;
};

}  // namespace lumen::test
