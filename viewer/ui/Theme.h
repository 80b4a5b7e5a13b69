#pragma once

class QApplication;
class QToolBar;

namespace lumen::ui {

// A dark theme for reading rooms: low luminance, no pure white, one accent colour.
void applyDarkTheme(QApplication& app);
// Fusion draws a toolbar's overflow arrow in near-black, invisible on the dark theme: a "»" in the
// text colour instead, with a tooltip, so that commands cut off a narrow window can be found.
void showOverflowArrow(QToolBar* bar);

}  // namespace lumen::ui
