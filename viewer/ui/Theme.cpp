#include "ui/Theme.h"

#include <QApplication>
#include <QPainter>
#include <QToolBar>
#include <QToolButton>
#include <QPalette>
#include <QStyleFactory>

namespace lumen::ui {

void applyDarkTheme(QApplication& app) {
    app.setStyle(QStyleFactory::create("Fusion"));
    QPalette p;
    const QColor window(37, 39, 43), base(27, 28, 31), text(214, 216, 220), dim(128, 131, 138), accent(64, 140, 200);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(33, 35, 39));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(48, 51, 56));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 120, 100));
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, QColor(245, 247, 250));
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::PlaceholderText, dim);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, dim);
    app.setPalette(p);
    app.setStyleSheet(
        "QToolBar { border: none; spacing: 2px; padding: 2px; }"
        "QToolButton { padding: 3px 6px; border-radius: 3px; }"
        "QToolButton:checked { background: #2f5f86; }"
        "QToolButton:hover { background: #3a3e45; }"
        "QDockWidget::title { padding: 4px; background: #2b2d31; }"
        "QStatusBar { color: #a9acb3; }"
        "QTreeView, QTableWidget, QTreeWidget { border: 1px solid #34373c; }");
}

void showOverflowArrow(QToolBar* bar) {
    auto* arrow = bar->findChild<QToolButton*>("qt_toolbar_ext_button");  // Qt's QToolBarExtension
    if (!arrow) return;
    const qreal ratio = bar->devicePixelRatioF();
    QPixmap pixmap(QSize(16, 16) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    QFont font = bar->font();
    font.setPixelSize(15);
    font.setBold(true);
    p.setFont(font);
    p.setPen(bar->palette().color(QPalette::ButtonText));
    p.drawText(QRect(0, 0, 16, 16), Qt::AlignCenter, QStringLiteral("»"));
    p.end();
    arrow->setIcon(QIcon(pixmap));
    arrow->setToolTip(QCoreApplication::translate("lumen::ui::Theme", "More commands"));
}

}  // namespace lumen::ui
