#include "ui/VtkOpenGLWidget.h"

#include "ui/internal/VtkWindowBridge.h"

#include <QElapsedTimer>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QSurfaceFormat>
#include <QTimer>
#include <QWheelEvent>

#include <vtkCommand.h>
#include <vtkRenderWindowInteractor.h>

namespace lumen::ui {

void VtkOpenGLWidget::setDefaultSurfaceFormat() {
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setRedBufferSize(8);
    format.setGreenBufferSize(8);
    format.setBlueBufferSize(8);
    format.setAlphaBufferSize(8);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    format.setSamples(0);
    format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
    QSurfaceFormat::setDefaultFormat(format);
}

VtkOpenGLWidget::VtkOpenGLWidget(QWidget* parent) : QOpenGLWidget(parent) {
    bridge_ = std::make_unique<internal::VtkWindowBridge>(internal::VtkWindowBridge::Callbacks{
        [this] {
            // VTK asks for the context: only switch (and rebind Qt's framebuffer) when another
            // context is current, and tell VTK's state cache when that happened.
            if (QOpenGLContext::currentContext() != context()) {
                makeCurrent();
                bridge_->contextChanged();
            }
        },
        [this] { return context() && QOpenGLContext::currentContext() == context(); },
        [this] {
            if (!painting_) redraw();
        }});
    setUpdateBehavior(QOpenGLWidget::NoPartialUpdate);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
}

VtkOpenGLWidget::~VtkOpenGLWidget() {
    // The context outlives this destructor (QOpenGLWidget's destroys it): release VTK's GL
    // resources now and stop listening, or the context's last signal would find no bridge.
    if (context()) disconnect(context(), nullptr, this, nullptr);
    makeCurrent();
    bridge_->finalize();
    doneCurrent();
}

vtkGenericOpenGLRenderWindow* VtkOpenGLWidget::window() const { return bridge_->window(); }
vtkRenderWindowInteractor* VtkOpenGLWidget::interactor() const { return bridge_->interactor(); }
int VtkOpenGLWidget::pixelWidth() const { return int(width() * devicePixelRatioF()); }
int VtkOpenGLWidget::pixelHeight() const { return int(height() * devicePixelRatioF()); }

void VtkOpenGLWidget::initializeGL() {
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, [this] {
        makeCurrent();
        bridge_->finalize();
    }, Qt::DirectConnection);
    bridge_->initializeContext();
}

void VtkOpenGLWidget::resizeGL(int, int) {
    renderedAhead_ = false;
    bridge_->resize(pixelWidth(), pixelHeight());
}

void VtkOpenGLWidget::renderAhead() {
    if (!isValid() || !isVisible()) return redraw();  // no context yet, or nothing to show
    makeCurrent();
    painting_ = true;
    bridge_->beginPaint();
    bridge_->render();
    bridge_->endPaint();
    painting_ = false;
    renderedAhead_ = true;
    // A posted update would be painted in the same pass over posted events; a zero timer lets
    // the input and timers that waited for this frame run first.
    QTimer::singleShot(0, this, [this] { update(); });
}

void VtkOpenGLWidget::paintGL() {
    QElapsedTimer timer;
    timer.start();
    painting_ = true;
    bridge_->beginPaint();
    if (!renderedAhead_) bridge_->render();
    renderedAhead_ = false;
    bridge_->blit(defaultFramebufferObject(), pixelWidth(), pixelHeight());
    if (!opaqueContent_) {
        auto* gl = QOpenGLContext::currentContext()->extraFunctions();
        gl->glBindFramebuffer(GL_FRAMEBUFFER, defaultFramebufferObject());
        // Mesa leaves alpha < 1 where VTK drew nothing; Qt would composite it as transparent.
        gl->glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
        gl->glClearColor(0, 0, 0, 1);
        gl->glClear(GL_COLOR_BUFFER_BIT);
        gl->glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    }
    bridge_->endPaint();
    painting_ = false;
    lastFrameMs_ = double(timer.nsecsElapsed()) / 1e6;
    ++frames_;
}

void VtkOpenGLWidget::forwardMouseToVtk(QEvent* event) {
    vtkRenderWindowInteractor* iren = interactor();
    const double dpr = devicePixelRatioF();
    if (auto* me = dynamic_cast<QMouseEvent*>(event)) {
        iren->SetEventInformationFlipY(int(me->position().x() * dpr), int(me->position().y() * dpr),
                                       (me->modifiers() & Qt::ControlModifier) ? 1 : 0,
                                       (me->modifiers() & Qt::ShiftModifier) ? 1 : 0, 0,
                                       event->type() == QEvent::MouseButtonDblClick ? 1 : 0);
        unsigned long vtkEvent = vtkCommand::NoEvent;
        const bool press = event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick;
        switch (event->type()) {
            case QEvent::MouseMove: vtkEvent = vtkCommand::MouseMoveEvent; break;
            case QEvent::MouseButtonPress:
            case QEvent::MouseButtonDblClick:
            case QEvent::MouseButtonRelease:
                if (me->button() == Qt::LeftButton) vtkEvent = press ? vtkCommand::LeftButtonPressEvent : vtkCommand::LeftButtonReleaseEvent;
                else if (me->button() == Qt::RightButton) vtkEvent = press ? vtkCommand::RightButtonPressEvent : vtkCommand::RightButtonReleaseEvent;
                else if (me->button() == Qt::MiddleButton) vtkEvent = press ? vtkCommand::MiddleButtonPressEvent : vtkCommand::MiddleButtonReleaseEvent;
                break;
            default: break;
        }
        if (vtkEvent != vtkCommand::NoEvent) iren->InvokeEvent(vtkEvent, me);
    } else if (auto* we = dynamic_cast<QWheelEvent*>(event)) {
        iren->SetEventInformationFlipY(int(we->position().x() * dpr), int(we->position().y() * dpr),
                                       (we->modifiers() & Qt::ControlModifier) ? 1 : 0,
                                       (we->modifiers() & Qt::ShiftModifier) ? 1 : 0);
        iren->InvokeEvent(we->angleDelta().y() > 0 ? vtkCommand::MouseWheelForwardEvent : vtkCommand::MouseWheelBackwardEvent, we);
    }
}

}  // namespace lumen::ui
