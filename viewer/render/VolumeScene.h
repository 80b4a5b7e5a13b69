#pragma once
#include "core/LabelMap.h"
#include "core/Volume.h"
#include "render/VolumePreset.h"

#include <array>
#include <memory>
#include <optional>

class vtkRenderWindow;
class vtkRenderer;
class vtkRenderWindowInteractor;

namespace lumen::render {

// The 3D view: CPU ray casting (fast on software OpenGL), a cheaper image while the user
// rotates and full quality when still, a clipping box, and label maps as smooth surfaces.
class VolumeScene {
public:
    explicit VolumeScene(vtkRenderWindow* window);
    ~VolumeScene();
    VolumeScene(const VolumeScene&) = delete;
    VolumeScene& operator=(const VolumeScene&) = delete;

    void setVolume(const core::Volume& volume);  // shares voxels
    void setPreset(VolumePreset preset);
    VolumePreset preset() const;
    bool hasVolume() const;
    void setLabelMap(const core::LabelMap* labels);  // coloured surfaces; nullptr clears
    // The same in two steps, because smoothing a whole brain's surfaces takes seconds: build them
    // on any thread (from a label map nobody edits meanwhile), show them on the GUI thread.
    struct LabelSurfaces;
    // Above kTriangleBudget triangles (all labels together) the surfaces are simplified to about
    // that many: more triangles than a 3D view has pixels only cost frame time.
    static constexpr std::size_t kTriangleBudget = 60000;
    static std::shared_ptr<const LabelSurfaces> buildLabelSurfaces(const core::LabelMap& labels);
    // Per label, in label-value order: its triangles.
    static std::vector<std::size_t> triangleCounts(const LabelSurfaces& surfaces);
    void setLabelSurfaces(const std::shared_ptr<const LabelSurfaces>& surfaces);  // nullptr clears
    void setVolumeVisible(bool visible);             // hide to see label surfaces alone
    // An axis-aligned box in world coordinates (LPS mm) that clips the rendering; nullopt: none.
    void setClippingBox(const std::optional<std::array<double, 6>>& bounds);
    std::array<double, 6> worldBounds() const;
    // Interactive: coarser rays and samples so rotating stays fluid; still: full quality.
    void setInteractive(bool interactive);
    // Anterior view, head up, the whole volume in view.
    void resetCamera();
    // Shows a box widget on `interactor` that drives setClippingBox.
    void enableClippingWidget(vtkRenderWindowInteractor* interactor, bool enabled);

    vtkRenderer* renderer() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

}  // namespace lumen::render
