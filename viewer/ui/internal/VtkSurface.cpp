#include "ui/internal/VtkSurface.h"

#include <QCoreApplication>
#include <QExposeEvent>
#include <QOpenGLContext>
#include <QSurfaceFormat>

namespace lumen::ui::internal {

VtkSurface::VtkSurface(std::function<void()> present, std::function<void()> resized)
    : present_(std::move(present)), resized_(std::move(resized)) {
    setSurfaceType(QSurface::OpenGLSurface);
    setFormat(QSurfaceFormat::defaultFormat());
    setFlags(flags() | Qt::WindowTransparentForInput);
}

VtkSurface::~VtkSurface() = default;  // the context is a child QObject

bool VtkSurface::makeCurrent() {
    if (!context_) {
        if (!handle()) return false;  // not created yet: nothing to draw on
        context_ = new QOpenGLContext(this);
        context_->setFormat(requestedFormat());
        if (!context_->create()) {
            delete context_;
            context_ = nullptr;
            return false;
        }
    }
    return context_->makeCurrent(this);
}

void VtkSurface::doneCurrent() {
    if (context_) context_->doneCurrent();
}

void VtkSurface::swapBuffers() { context_->swapBuffers(this); }

void VtkSurface::requestFrame() {
    if (requested_) return;
    requested_ = true;
    // Posted, not QWindow::requestUpdate(): that waits for a platform timer (5 ms on xcb) that a
    // QOpenGLWidget's update() did not wait for.
    QCoreApplication::postEvent(this, new QEvent(QEvent::UpdateRequest));
}

bool VtkSurface::event(QEvent* e) {
    if (e->type() == QEvent::UpdateRequest) {
        requested_ = false;
        frame();
        return true;
    }
    return QWindow::event(e);
}

// The first expose only asks for a frame: creating the context and VTK's shaders (tens of ms on a
// software renderer, for each view) would otherwise hold back the main window's first paint.
// Later exposes (a resize, a layout change) draw at once, so no stale frame is seen.
void VtkSurface::exposeEvent(QExposeEvent*) {
    if (context_) frame();
    else requestFrame();
}

void VtkSurface::resizeEvent(QResizeEvent*) { resized_(); }

void VtkSurface::frame() {
    if (isExposed()) present_();
}

}  // namespace lumen::ui::internal
