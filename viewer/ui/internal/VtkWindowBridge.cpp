#include "ui/internal/VtkWindowBridge.h"

#include <vtkCallbackCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkNew.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>
#include <vtk_glew.h>

#include <cstring>

namespace lumen::ui::internal {

struct VtkWindowBridge::Impl {
    Callbacks callbacks;
    vtkNew<vtkGenericOpenGLRenderWindow> window;
    vtkNew<vtkGenericRenderWindowInteractor> interactor;
    vtkNew<vtkCallbackCommand> observer;

    static void onEvent(vtkObject*, unsigned long event, void* self, void* callData) {
        auto* d = static_cast<Impl*>(self);
        switch (event) {
            case vtkCommand::WindowMakeCurrentEvent: d->callbacks.makeCurrent(); break;
            case vtkCommand::WindowIsCurrentEvent: *static_cast<bool*>(callData) = d->callbacks.isCurrent(); break;
            case vtkCommand::WindowFrameEvent: d->callbacks.frameReady(); break;
            default: break;
        }
    }
};

VtkWindowBridge::VtkWindowBridge(Callbacks callbacks) : d_(std::make_unique<Impl>()) {
    d_->callbacks = std::move(callbacks);
    d_->window->SetReadyForRendering(false);
    d_->window->SetFrameBlitModeToNoBlit();
    d_->window->SetSwapBuffers(false);  // blit() presents from VTK's render framebuffer itself
    d_->window->SetMultiSamples(0);
    d_->interactor->SetRenderWindow(d_->window);
    d_->interactor->Initialize();
    d_->observer->SetCallback(&Impl::onEvent);
    d_->observer->SetClientData(d_.get());
    d_->window->AddObserver(vtkCommand::WindowMakeCurrentEvent, d_->observer);
    d_->window->AddObserver(vtkCommand::WindowIsCurrentEvent, d_->observer);
    d_->window->AddObserver(vtkCommand::WindowFrameEvent, d_->observer);
}

VtkWindowBridge::~VtkWindowBridge() {
    d_->window->RemoveObserver(d_->observer);
}

vtkGenericOpenGLRenderWindow* VtkWindowBridge::window() const { return d_->window; }
vtkRenderWindowInteractor* VtkWindowBridge::interactor() const { return d_->interactor; }

void VtkWindowBridge::initializeContext() {
    d_->window->SetReadyForRendering(true);
    d_->window->SetOwnContext(0);
    d_->window->OpenGLInitContext();
}

void VtkWindowBridge::finalize() {
    d_->window->ReleaseGraphicsResources(d_->window);
    d_->window->SetReadyForRendering(false);
}

void VtkWindowBridge::resize(int width, int height) {
    d_->interactor->UpdateSize(width, height);
    d_->window->SetSize(width, height);
}

void VtkWindowBridge::beginPaint() {
    vtkOpenGLState* state = d_->window->GetState();
    state->Reset();
    state->Push();
    state->vtkglDepthFunc(GL_LEQUAL);  // Qt leaves GL_LESS; VTK expects GL_LEQUAL
}

void VtkWindowBridge::endPaint() { d_->window->GetState()->Pop(); }

void VtkWindowBridge::render() { d_->window->Render(); }

void VtkWindowBridge::blit(unsigned target, int width, int height) {
    // Straight from the framebuffer VTK rendered into: with SwapBuffers off VTK's Frame() skips
    // its own copy (colour and depth) into a display framebuffer, a whole-view copy per frame.
    vtkOpenGLState* state = d_->window->GetState();
    state->Reset();
    state->PushFramebufferBindings();
    vtkOpenGLFramebufferObject* rendered = d_->window->GetRenderFramebuffer();
    rendered->Bind(GL_READ_FRAMEBUFFER);
    rendered->ActivateReadBuffer(0);
    state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
    state->vtkglDrawBuffer(target == 0 ? GL_BACK : GL_COLOR_ATTACHMENT0);
    state->vtkglViewport(0, 0, width, height);
    state->vtkglScissor(0, 0, width, height);
    state->vtkglBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    state->PopFramebufferBindings();
}

void VtkWindowBridge::readPixels(int width, int height, unsigned char* rgba) {
    d_->window->GetState()->Reset();
    unsigned char* pixels = d_->window->GetRGBACharPixelData(0, 0, width - 1, height - 1, 0);  // 0: the rendered frame
    std::memcpy(rgba, pixels, std::size_t(width) * std::size_t(height) * 4);
    delete[] pixels;
}

void VtkWindowBridge::contextChanged() {
    if (d_->window->GetReadyForRendering()) d_->window->GetState()->Reset();
}

}  // namespace lumen::ui::internal
