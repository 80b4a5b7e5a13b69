#pragma once

namespace lumen::ui {

// What the left mouse button does in 2D views. Right-drag zooms, middle-drag pans, the wheel
// scrolls, Shift+left-drag moves the crosshair in every mode.
enum class InteractionMode { WindowLevel, Crosshair, Length, Angle, Ellipse, Rectangle };

}  // namespace lumen::ui
