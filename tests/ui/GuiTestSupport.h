#pragma once
// The GUI tests' application: the OpenGL format VTK needs, a temporary data folder with the
// demo study, and screenshots in build/gui-screenshots for a person to look at.
#include "ui/MainWindow.h"

#include <QApplication>
#include <QString>

namespace lumen::test {

QApplication& guiApp();
// A fresh data folder (LUMEN_DATA_DIR) holding a copy of a small demo study.
QString prepareDataFolder(const QString& name);
// Waits (processing events) until `done` or `ms` elapse; returns done().
bool waitFor(const std::function<bool()>& done, int ms);
QString screenshotPath(const QString& name);
void saveScreenshot(QWidget* widget, const QString& name);

}  // namespace lumen::test
