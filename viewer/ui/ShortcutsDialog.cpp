#include "ui/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lumen::ui {

ShortcutsDialog::ShortcutsDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Keyboard and mouse"));
    const std::pair<QString, QString> rows[] = {
        {tr("Left drag"), tr("Window / level (or the selected tool)")},
        {tr("Right drag"), tr("Zoom")},
        {tr("Middle drag"), tr("Pan")},
        {tr("Wheel, Up/Down, PgUp/PgDn"), tr("Next / previous slice")},
        {tr("Home / End"), tr("First / last slice")},
        {tr("Ctrl+wheel"), tr("Zoom around the cursor")},
        {tr("Shift+left drag"), tr("Move the crosshair (MPR)")},
        {tr("Double click"), tr("Reset the view")},
        {tr("1 … 8"), tr("CT presets: brain, subdural, stroke, lung, mediastinum, abdomen, liver, bone")},
        {tr("9"), tr("Automatic window (from the histogram)")},
        {tr("I"), tr("Invert")},
        {tr("R"), tr("Reset view")},
        {tr("C"), tr("Cine on / off")},
        {tr("Left / Right"), tr("Previous / next time point (4D)")},
        {tr("W, X, L, A, E, T"), tr("Tools: window/level, crosshair, length, angle, ellipse, rectangle")},
        {tr("B, Shift+B, F, P, G"), tr("Annotation: paint, erase, fill (Ctrl+click: in 3D), lasso, findings (drag box handles)")},
        {tr("K"), tr("AI click: click inside the object, right-click or Shift+click outside it, drag a box; Ctrl+Z / Ctrl+Shift+Z undo and redo its prompts")},
        {tr("Shift+wheel"), tr("Brush size (paint and erase)")},
        {tr("Ctrl+Z, Ctrl+Shift+Z"), tr("Undo / redo label edits")},
        {tr("Ctrl+S"), tr("Save annotations (they are also autosaved after every edit)")},
        {tr("Esc"), tr("Cancel the measurement or lasso being drawn")},
        {tr("Delete"), tr("Delete the selected measurement (the selected finding in Findings mode)")},
        {tr("Ctrl+R"), tr("Run the model selected in the AI panel on the open series")},
        {tr("A, R, E, N, P (findings list focused)"), tr("Review: accept, reject (then the next proposal), edit the box, next, previous")},
        {tr("F1 … F4"), tr("Layouts: 1×1, 1×2, 2×2, MPR")},
        {tr("Ctrl+I"), tr("Import a folder")},
        {tr("Ctrl+O"), tr("Open an image file")},
        {tr("Ctrl+Shift+S"), tr("Save a screenshot of the active view")},
        {tr("F11"), tr("Full screen")},
    };
    auto* table = new QTableWidget(int(std::size(rows)), 2, this);
    table->setHorizontalHeaderLabels({tr("Key or gesture"), tr("Does")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int r = 0; r < int(std::size(rows)); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(rows[r].first));
        table->setItem(r, 1, new QTableWidgetItem(rows[r].second));
    }
    table->resizeColumnToContents(0);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(640, 560);
}

}  // namespace lumen::ui
