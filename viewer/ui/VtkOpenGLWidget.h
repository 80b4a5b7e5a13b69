#pragma once
#include <QOpenGLWidget>

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
    ~VtkOpenGLWidget() override;

    vtkGenericOpenGLRenderWindow* window() const;
    vtkRenderWindowInteractor* interactor() const;
    // The widget's size in device pixels (what VTK renders at).
    int pixelWidth() const;
    int pixelHeight() const;
    // Milliseconds the last paintGL took (render + blit): benchmarks read it.
    double lastFrameMs() const { return lastFrameMs_; }

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;
    // Forwards a Qt mouse event to the VTK interactor (3D view, widgets).
    void forwardMouseToVtk(QEvent* event);

private:
    std::unique_ptr<internal::VtkWindowBridge> bridge_;
    bool painting_ = false;
    double lastFrameMs_ = 0;
};

}  // namespace lumen::ui
