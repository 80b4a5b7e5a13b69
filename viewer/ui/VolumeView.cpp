#include "ui/VolumeView.h"

#include "logic/BackgroundTask.h"
#include "core/VolumeSubsampler.h"
#include "logic/Document.h"
#include "render/VolumeScene.h"

#include <QMouseEvent>
#include <QTimer>
#include <QWheelEvent>

#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkNew.h>
#include <vtkRenderWindowInteractor.h>

namespace lumen::ui {

VolumeView::VolumeView(QWidget* parent) : VtkOpenGLWidget(parent), scene_(std::make_unique<render::VolumeScene>(window())) {
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    interactor()->SetInteractorStyle(style);
    // The trackball style renders through the interactor: make that a Qt repaint.
    setMinimumSize(120, 120);
    surfacesSoon_.setSingleShot(true);
    surfacesSoon_.setInterval(800);
    connect(&surfacesSoon_, &QTimer::timeout, this, &VolumeView::rebuildSurfaces);
}

VolumeView::~VolumeView() = default;

void VolumeView::setDocument(logic::Document* document) {
    if (document_) disconnect(document_, nullptr, this, nullptr);
    document_ = document;
    if (document_) {
        connect(document_, &logic::Document::imageChanged, this, &VolumeView::onImageChanged);
        connect(document_, &logic::Document::imageCompleted, this, &VolumeView::onImageChanged);
        connect(document_, &logic::Document::labelsChanged, &surfacesSoon_, qOverload<>(&QTimer::start));
    }
    onImageChanged();
}

void VolumeView::setLoading(bool loading) {
    if (loading == loading_) return;
    loading_ = loading;
    if (!loading) return onImageChanged();
    ++surfaceGeneration_;  // surfaces (and a coarse volume) still being built belong to the old series
    ++volumeGeneration_;
    scene_->setLabelSurfaces(nullptr);
    scene_->setVolume(core::Volume());
    redraw();
}

bool VolumeView::showsVolume() const { return scene_->hasVolume(); }

void VolumeView::onImageChanged() {
    loading_ = false;
    // A series still arriving is rendered once whole: a ray cast per landed batch would stall the GUI.
    const core::Volume volume = document_ && document_->hasImage() && !document_->arriving() ? document_->volume() : core::Volume();
    const std::size_t factor = core::VolumeSubsampler::factorFor(volume, kVoxelBudget);
    const int generation = ++volumeGeneration_;
    if (factor == 1) {
        scene_->setVolume(volume);
    } else {
        // A large series is rendered from every factor-th voxel, subsampled off the GUI thread: the
        // ray caster's gradients of a 400-slice CT held the window for 2.4 s on a software renderer.
        scene_->setVolume(core::Volume());
        auto coarse = std::make_shared<core::Volume>();
        logic::runInBackground(
            this, [volume, factor, coarse] { *coarse = core::VolumeSubsampler::subsample(volume, factor); },
            [this, generation, coarse](const QString& error) {
                if (generation != volumeGeneration_ || !error.isEmpty()) return;  // another series since
                scene_->setVolume(*coarse);
                redraw();
            });
    }
    rebuildSurfaces();
    redraw();
}

// Smoothing the surfaces of a whole brain's labels takes seconds: on a worker thread, from a
// snapshot (the brush edits the label map in place meanwhile); a newer request supersedes it.
void VolumeView::rebuildSurfaces() {
    const core::LabelMap* labels = document_ ? document_->labels() : nullptr;
    const int generation = ++surfaceGeneration_;
    // Hidden (1×1, 1×2 and 2×2 layouts): seconds of both cores for nobody, competing with the
    // slice views the user scrolls. Built when the view is shown.
    surfacesStale_ = !isVisible();
    if (surfacesStale_) return;
    if (!labels || labels->empty()) {
        scene_->setLabelSurfaces(nullptr);
        return redraw();
    }
    auto snapshot = std::make_shared<core::LabelMap>(labels->clone());
    auto built = std::make_shared<std::shared_ptr<const render::VolumeScene::LabelSurfaces>>();
    logic::runInBackground(
        this, [snapshot, built] { *built = render::VolumeScene::buildLabelSurfaces(*snapshot); },
        [this, built, generation](const QString&) {
            if (generation != surfaceGeneration_) return;  // the labels changed again since
            scene_->setLabelSurfaces(*built);
            renderAhead();
            emit surfacesUpdated();
        });
}

void VolumeView::showEvent(QShowEvent* e) {
    VtkOpenGLWidget::showEvent(e);
    if (surfacesStale_) rebuildSurfaces();
}

void VolumeView::setPreset(render::VolumePreset preset) {
    scene_->setPreset(preset);
    redraw();
}

void VolumeView::setClippingBox(bool enabled) {
    scene_->enableClippingWidget(interactor(), enabled);
    redraw();
}

void VolumeView::setVolumeVisible(bool visible) {
    scene_->setVolumeVisible(visible);
    redraw();
}

void VolumeView::resetCamera() {
    scene_->resetCamera();
    redraw();
}

void VolumeView::mousePressEvent(QMouseEvent* e) {
    emit activated(this);
    // Cheaper rays while the user turns the volume; full quality again on release.
    interacting_ = true;
    scene_->setInteractive(true);
    forwardMouseToVtk(e);
    redraw();
}

void VolumeView::mouseMoveEvent(QMouseEvent* e) {
    forwardMouseToVtk(e);
    if (interacting_) redraw();
}

void VolumeView::mouseReleaseEvent(QMouseEvent* e) {
    forwardMouseToVtk(e);
    interacting_ = false;
    scene_->setInteractive(false);
    redraw();
}

void VolumeView::wheelEvent(QWheelEvent* e) {
    scene_->setInteractive(true);
    forwardMouseToVtk(e);
    redraw();
    // Back to full quality once the wheel has been still for a moment.
    QTimer::singleShot(250, this, [this] {
        if (!interacting_) {
            scene_->setInteractive(false);
            redraw();
        }
    });
}

}  // namespace lumen::ui
