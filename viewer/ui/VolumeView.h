#pragma once
#include "logic/Document.h"
#include "render/VolumePreset.h"
#include "ui/VtkOpenGLWidget.h"

#include <QPointer>
#include <QTimer>

#include <memory>

namespace lumen::render { class VolumeScene; }

namespace lumen::ui {

// The 3D view: volume rendering with presets, trackball rotate / zoom / pan, reduced quality
// while the mouse is down, an optional clipping box, label maps as surfaces.
class VolumeView : public VtkOpenGLWidget {
    Q_OBJECT
public:
    explicit VolumeView(QWidget* parent = nullptr);
    ~VolumeView() override;

    void setDocument(logic::Document* document);
    void setPreset(render::VolumePreset preset);
    void setClippingBox(bool enabled);
    void setVolumeVisible(bool visible);  // off: label surfaces alone
    void resetCamera();
    // While another series loads the old one is not shown (it had stayed for seconds); false
    // shows the document's series again (a load that failed).
    void setLoading(bool loading);
    bool showsVolume() const;  // the scene has the series (or its subsample) to render
    render::VolumeScene& scene() { return *scene_; }

signals:
    void activated(QWidget* view);
    void surfacesUpdated();  // the label surfaces now match the labels (built off the GUI thread)

protected:
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;
    void wheelEvent(QWheelEvent* e) override;
    void showEvent(QShowEvent* e) override;

private:
    // Label surfaces are rebuilt a moment after the last edit, not after every brush stroke.
    QTimer surfacesSoon_;
    int surfaceGeneration_ = 0;
    int volumeGeneration_ = 0;  // the series a coarse copy being made belongs to
    // Voxels the 3D view renders at most (every Nth voxel of a larger series): 16 M keeps the demo
    // CT whole and halves a 400-slice 512² CT on each axis.
    static constexpr std::size_t kVoxelBudget = std::size_t(16) << 20;
    bool surfacesStale_ = false;  // the labels changed while the view was hidden
    bool loading_ = false;
    void onImageChanged();
    void rebuildSurfaces();
    std::unique_ptr<render::VolumeScene> scene_;
    QPointer<logic::Document> document_;
    bool interacting_ = false;
};

}  // namespace lumen::ui
