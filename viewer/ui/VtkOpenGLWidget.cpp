#include "ui/VtkOpenGLWidget.h"

#include "ui/internal/VtkSurface.h"
#include "ui/internal/VtkWindowBridge.h"

#include <QElapsedTimer>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QPainter>
#include <QSurfaceFormat>
#include <QTimer>
#include <QVBoxLayout>
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

VtkOpenGLWidget::VtkOpenGLWidget(QWidget* parent) : QWidget(parent) {
    bridge_ = std::make_unique<internal::VtkWindowBridge>(internal::VtkWindowBridge::Callbacks{
        [this] {
            // VTK asks for the context: only switch when another one is current, and tell VTK's
            // state cache when that happened.
            if (surface_->context() && QOpenGLContext::currentContext() != surface_->context()) {
                surface_->makeCurrent();
                bridge_->contextChanged();
            }
        },
        [this] { return surface_->context() && QOpenGLContext::currentContext() == surface_->context(); },
        [this] {
            if (!painting_) redraw();
        }});
    surface_ = new internal::VtkSurface([this] { present(); }, [this] { surfaceResized(); });
    QWidget* container = QWidget::createWindowContainer(surface_, this);
    container->setAttribute(Qt::WA_TransparentForMouseEvents);  // the events are this widget's
    container->setFocusPolicy(Qt::NoFocus);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(container);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
}

VtkOpenGLWidget::~VtkOpenGLWidget() {
    // VTK's GL resources go while their context still exists (the surface dies with the container).
    if (initialized_ && surface_->makeCurrent()) {
        bridge_->finalize();
        surface_->doneCurrent();
    }
}

vtkGenericOpenGLRenderWindow* VtkOpenGLWidget::window() const { return bridge_->window(); }
vtkRenderWindowInteractor* VtkOpenGLWidget::interactor() const { return bridge_->interactor(); }
int VtkOpenGLWidget::pixelWidth() const { return int(width() * devicePixelRatioF()); }
int VtkOpenGLWidget::pixelHeight() const { return int(height() * devicePixelRatioF()); }

QWindow* VtkOpenGLWidget::surface() const { return surface_; }

bool VtkOpenGLWidget::makeCurrent() { return ensureInitialized(); }
void VtkOpenGLWidget::doneCurrent() { surface_->doneCurrent(); }

bool VtkOpenGLWidget::ensureInitialized() {
    if (!surface_->makeCurrent()) return false;
    if (!initialized_) {
        initialized_ = true;
        bridge_->initializeContext();
        bridge_->resize(pixelWidth(), pixelHeight());
    }
    return true;
}

void VtkOpenGLWidget::surfaceResized() {
    renderedAhead_ = false;
    if (initialized_) bridge_->resize(pixelWidth(), pixelHeight());
    redraw();
}

void VtkOpenGLWidget::redraw() {
    renderedAhead_ = false;
    framePending_ = true;
    surface_->requestFrame();
}

void VtkOpenGLWidget::renderAhead() {
    if (!surface_->isExposed() || !ensureInitialized()) return redraw();  // nothing to show yet
    painting_ = true;
    bridge_->beginPaint();
    bridge_->render();
    bridge_->endPaint();
    painting_ = false;
    renderedAhead_ = true;
    // A zero timer lets the input and timers that waited for this frame run before it is shown.
    QTimer::singleShot(0, this, [this] { surface_->requestFrame(); });
}

void VtkOpenGLWidget::present() {
    if (!ensureInitialized()) return;
    // Views take turns: when another view has just rendered in this event-loop pass, this frame
    // waits for the next pass, so that input and timers run between two renders (three slice views'
    // first frames of a new series held the window ~130 ms on a software renderer).
    static QElapsedTimer lastPresent;
    if (!renderedAhead_ && lastPresent.isValid() && lastPresent.nsecsElapsed() < 1'000'000 && !deferred_) {
        deferred_ = true;
        QTimer::singleShot(0, this, [this] { surface_->requestFrame(); });
        return;
    }
    deferred_ = false;
    QElapsedTimer timer;
    timer.start();
    painting_ = true;
    bridge_->beginPaint();
    if (!renderedAhead_) bridge_->render();
    renderedAhead_ = framePending_ = false;
    bridge_->blit(0, pixelWidth(), pixelHeight());  // 0: the window's own back buffer
    if (!opaqueContent_) {
        auto* gl = surface_->context()->extraFunctions();
        gl->glBindFramebuffer(GL_FRAMEBUFFER, 0);
        // Mesa leaves alpha < 1 where VTK drew nothing; a compositing window manager would show
        // it as transparent.
        gl->glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
        gl->glClearColor(0, 0, 0, 1);
        gl->glClear(GL_COLOR_BUFFER_BIT);
        gl->glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    }
    bridge_->endPaint();
    surface_->swapBuffers();
    painting_ = false;
    lastFrameMs_ = double(timer.nsecsElapsed()) / 1e6;
    ++frames_;
    lastPresent.start();
}

QImage VtkOpenGLWidget::grabFramebuffer() {
    if (!ensureInitialized()) return {};
    if (!renderedAhead_ && (framePending_ || frames_ == 0)) {  // the scene changed since the last frame
        bridge_->beginPaint();
        bridge_->render();
        bridge_->endPaint();
        renderedAhead_ = true;  // the frame on its way only shows it
    }
    QImage image(pixelWidth(), pixelHeight(), QImage::Format_RGBA8888);
    bridge_->readPixels(image.width(), image.height(), image.bits());
    image = image.mirrored().convertToFormat(QImage::Format_RGB32);  // GL's rows run bottom-up
    image.setDevicePixelRatio(devicePixelRatioF());
    grabbed_ = image;
    return image;
}

QPixmap VtkOpenGLWidget::grabWithViews(QWidget* widget) {
    auto views = widget->findChildren<VtkOpenGLWidget*>();
    if (auto* self = qobject_cast<VtkOpenGLWidget*>(widget)) views << self;
    for (VtkOpenGLWidget* v : views)
        if (v->isVisible()) v->grabFramebuffer();
    return widget->grab();
}

void VtkOpenGLWidget::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    if (grabbed_.isNull()) painter.fillRect(rect(), Qt::black);
    else painter.drawImage(rect(), grabbed_);
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
