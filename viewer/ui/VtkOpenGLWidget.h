#pragma once
#include <QOpenGLWidget>

#include <cstdint>
#include <memory>

class vtkGenericOpenGLRenderWindow;
class vtkRenderWindowInteractor;

namespace lumen::ui {

namespace internal { class VtkWindowBridge; }

// A Qt 6 widget VTK renders into (Debian's VTK Qt module is built for Qt 5). VTK draws into
// its own framebuffer; paintGL blits that into Qt's. Subclasses build their scene on window().
class VtkOpenGLWidget : public QOpenGLWidget {
    Q_OBJECT
public:
    explicit VtkOpenGLWidget(QWidget* parent = nullptr);
    // The OpenGL format VTK needs (3.2 core, depth, stencil, alpha): call before QApplication.
    static void setDefaultSurfaceFormat();
    ~VtkOpenGLWidget() override;

    vtkGenericOpenGLRenderWindow* window() const;
    vtkRenderWindowInteractor* interactor() const;
    // The widget's size in device pixels (what VTK renders at).
    int pixelWidth() const;
    int pixelHeight() const;
    // Renders VTK's frame now, outside a paint, and schedules the paint that only copies it: an
    // expensive frame (full-quality 3D on a software renderer, ~60 ms) and Qt's composition of the
    // window (~25–40 ms there) then take two turns of the event loop instead of one. A later
    // redraw() discards the frame rendered ahead.
    void renderAhead();
    // The scene changed: render it at the next paint.
    void redraw() {
        renderedAhead_ = false;
        update();
    }
    // Milliseconds the last paintGL took (render + blit): benchmarks read it.
    double lastFrameMs() const { return lastFrameMs_; }
    std::uint64_t frameCount() const { return frames_; }

protected:
    // The scene covers every pixel with opaque alpha (a 2D view's picture): skip the pass that
    // forces alpha to 1, a full-viewport draw on a software renderer.
    void setOpaqueContent(bool opaque) { opaqueContent_ = opaque; }
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;
    // Forwards a Qt mouse event to the VTK interactor (3D view, widgets).
    void forwardMouseToVtk(QEvent* event);

private:
    std::unique_ptr<internal::VtkWindowBridge> bridge_;
    bool painting_ = false;
    double lastFrameMs_ = 0;
    std::uint64_t frames_ = 0;
    bool opaqueContent_ = false;
    bool renderedAhead_ = false;
};

}  // namespace lumen::ui
