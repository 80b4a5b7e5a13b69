#pragma once
// The native window a VtkOpenGLWidget presents into: a QWindow with its own OpenGL context, inside
// the widget through QWidget::createWindowContainer (as VTK's QVTKOpenGLStereoWidget does). A
// frame then reaches the screen by swapping this window alone; a QOpenGLWidget's frame made Qt
// compose the whole main window, docks included, on a software renderer. Input passes through
// it (Qt::WindowTransparentForInput) to the widget below, so mouse, wheel, keys, focus, cursors
// and shortcuts take the widget paths they always took.
#include <QWindow>

#include <functional>

class QOpenGLContext;

namespace lumen::ui::internal {

class VtkSurface : public QWindow {
    Q_OBJECT
public:
    // `present` draws and swaps a frame (the context is current); `resized` follows size changes.
    VtkSurface(std::function<void()> present, std::function<void()> resized);
    ~VtkSurface() override;

    // Creates the context on first use; false if there is none (not exposed, or GL failed).
    bool makeCurrent();
    void doneCurrent();
    QOpenGLContext* context() const { return context_; }
    // A frame at the next turn of the event loop (many requests, one frame).
    void requestFrame();
    void swapBuffers();

protected:
    bool event(QEvent* e) override;
    void exposeEvent(QExposeEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;

private:
    void frame();

    std::function<void()> present_, resized_;
    QOpenGLContext* context_ = nullptr;
    bool requested_ = false;
};

}  // namespace lumen::ui::internal
