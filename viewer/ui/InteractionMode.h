#pragma once

namespace lumen::ui {

// What the left mouse button does in 2D views. Right-drag zooms, middle-drag pans, the wheel
// scrolls, Shift+left-drag moves the crosshair in every mode. The annotation modes: Paint and
// Erase (brush; Shift+wheel sizes it), Fill (flood fill; Ctrl+click in 3D), Lasso (polygon
// fill), Findings (select, move and resize finding boxes by their handles), AiClick (interactive AI
// segmentation: click inside the object, right or Shift+click outside it, drag a box round it).
enum class InteractionMode { WindowLevel, Crosshair, Length, Angle, Ellipse, Rectangle, Paint, Erase, Fill, Lasso, Findings, AiClick };

}  // namespace lumen::ui
