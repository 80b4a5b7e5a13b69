#pragma once
// The VTK half of VtkOpenGLWidget: owns the generic OpenGL render window and its interactor.
// No GL or Qt headers here, so VTK's GL loader and Qt's never meet in one translation unit.
#include <functional>
#include <memory>

class vtkGenericOpenGLRenderWindow;
class vtkRenderWindowInteractor;

namespace lumen::ui::internal {

class VtkWindowBridge {
public:
    struct Callbacks {
        std::function<void()> makeCurrent;  // VTK wants our context current
        std::function<bool()> isCurrent;    // VTK asks whether it is
        std::function<void()> frameReady;   // VTK rendered a frame: ask Qt to paint
    };
    explicit VtkWindowBridge(Callbacks callbacks);
    ~VtkWindowBridge();

    vtkGenericOpenGLRenderWindow* window() const;
    vtkRenderWindowInteractor* interactor() const;
    void initializeContext();  // the first time the context is current
    void finalize();           // before the context goes away
    void resize(int width, int height);
    // Qt changes GL state behind VTK's cache: forget the cache before VTK draws, restore after.
    void beginPaint();
    void endPaint();
    void render();
    // Copies VTK's frame into framebuffer `target` (0: the window's back buffer), binding it
    // through VTK's state cache so the cache stays true.
    void blit(unsigned target, int width, int height);
    // VTK's last frame as RGBA rows, bottom row first (width × height × 4 bytes).
    void readPixels(int width, int height, unsigned char* rgba);
    // After Qt made the context current (and bound its framebuffer) behind VTK's back.
    void contextChanged();

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

}  // namespace lumen::ui::internal
