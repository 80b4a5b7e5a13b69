#pragma once
#include <QImage>
#include <QPixmap>
#include <QWidget>

#include <cstdint>
#include <memory>

class vtkGenericOpenGLRenderWindow;
class vtkRenderWindowInteractor;

namespace lumen::ui {

namespace internal {
class VtkSurface;
class VtkWindowBridge;
}  // namespace internal

// A Qt 6 widget VTK renders into (Debian's VTK Qt module is built for Qt 5). VTK draws into its
// own framebuffer; each frame is blitted into a native child window (internal::VtkSurface) and
// swapped there, so only the view reaches the screen, not the whole main window. Input arrives
// at this widget as at any other. Subclasses build their scene on window().
class VtkOpenGLWidget : public QWidget {
    Q_OBJECT
public:
    explicit VtkOpenGLWidget(QWidget* parent = nullptr);
    // The OpenGL format VTK needs (3.2 core, depth, stencil, alpha): call before QApplication.
    static void setDefaultSurfaceFormat();
    ~VtkOpenGLWidget() override;

    vtkGenericOpenGLRenderWindow* window() const;
    vtkRenderWindowInteractor* interactor() const;
    // The widget's size in device pixels (what VTK renders at: the screen's resolution).
    int pixelWidth() const;
    int pixelHeight() const;
    // Renders VTK's frame now and presents it at the next turn of the event loop: an expensive
    // frame (full-quality 3D on a software renderer, ~60 ms) then lets the input that waited for
    // it run first. A later redraw() discards the frame rendered ahead.
    void renderAhead();
    // The scene changed: render and present it at the next turn of the event loop.
    void redraw();
    // The last frame as an image (screenshots). It is also what QWidget::grab() draws for the view.
    QImage grabFramebuffer();
    // QWidget::grab() of `widget` with the current frame of every view inside it (a plain grab()
    // shows each view's last grabbed frame: rendering in paintEvent would delay the window's paints).
    static QPixmap grabWithViews(QWidget* widget);
    // The view's GL context current on this thread (false before the view was first shown).
    bool makeCurrent();
    void doneCurrent();
    // The native window the frames are presented in.
    QWindow* surface() const;
    // Milliseconds the last frame took (render + blit + swap): benchmarks read it.
    double lastFrameMs() const { return lastFrameMs_; }
    std::uint64_t frameCount() const { return frames_; }

protected:
    // The scene covers every pixel with opaque alpha (a 2D view's picture): skip the pass that
    // forces alpha to 1, a full-viewport draw on a software renderer.
    void setOpaqueContent(bool opaque) { opaqueContent_ = opaque; }
    // Under the native window this is never seen; it is what QWidget::grab() and render() get:
    // the last grabbed frame, never a new render (that held back the window's first paint).
    void paintEvent(QPaintEvent* e) override;
    // Forwards a Qt mouse event to the VTK interactor (3D view, widgets).
    void forwardMouseToVtk(QEvent* event);

private:
    void present();
    void surfaceResized();
    bool ensureInitialized();

    std::unique_ptr<internal::VtkWindowBridge> bridge_;
    internal::VtkSurface* surface_ = nullptr;  // owned by its container widget
    bool initialized_ = false;
    bool painting_ = false;
    double lastFrameMs_ = 0;
    std::uint64_t frames_ = 0;
    bool opaqueContent_ = false;
    bool renderedAhead_ = false;
    bool framePending_ = false;  // redraw() asked for a frame that has not been presented yet
    bool deferred_ = false;      // this frame waited one event-loop pass for another view's render
    QImage grabbed_;  // the frame grabFramebuffer() last returned
};

}  // namespace lumen::ui
