#pragma once

class QApplication;

namespace lumen::ui {

// A dark theme for reading rooms: low luminance, no pure white, one accent colour.
void applyDarkTheme(QApplication& app);

}  // namespace lumen::ui
