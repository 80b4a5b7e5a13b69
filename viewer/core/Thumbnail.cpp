#include "core/Thumbnail.h"

#include "core/ViewOrientation.h"
#include "core/WindowLevel.h"

#include <algorithm>
#include <cmath>

namespace lumen::core {

namespace {

// How the middle slice's index axes map to the picture, so that it looks as the viewer shows that
// plane (radiological convention), whatever order the file stores its voxels in.
struct PictureAxes {
    int across = 0, down = 1;               // index axes along x and y of the picture
    bool flipAcross = false, flipDown = false;
};

PictureAxes pictureAxes(const ImageGeometry& g) {
    const Vector3 normal = g.axis(2);
    ViewOrientation view = ViewOrientation::Axial;
    double best = -1;
    for (auto o : {ViewOrientation::Axial, ViewOrientation::Coronal, ViewOrientation::Sagittal}) {
        const double a = std::abs(standardViewFrame(o).viewDirection.dot(normal));
        if (a > best) best = a, view = o;
    }
    const ViewFrame f = standardViewFrame(view);
    PictureAxes p;
    if (std::abs(g.axis(1).dot(f.right)) > std::abs(g.axis(0).dot(f.right))) std::swap(p.across, p.down);
    p.flipAcross = g.axis(p.across).dot(f.right) < 0;
    p.flipDown = g.axis(p.down).dot(f.up) > 0;  // picture rows run downwards
    return p;
}

}  // namespace

Thumbnail makeThumbnail(const Volume& volume, int maxSize) {
    Thumbnail t;
    if (volume.empty() || maxSize < 1) return t;
    const auto& g = volume.geometry();
    const PictureAxes axes = pictureAxes(g);
    const std::size_t nAcross = g.dims()[std::size_t(axes.across)], nDown = g.dims()[std::size_t(axes.down)];
    const double spacingAcross = g.spacing()[axes.across], spacingDown = g.spacing()[axes.down];
    const double w = double(nAcross) * spacingAcross, h = double(nDown) * spacingDown;
    const double scale = double(maxSize) / std::max(w, h);
    t.width = std::max(1, int(std::lround(w * scale)));
    t.height = std::max(1, int(std::lround(h * scale)));
    t.grey.resize(std::size_t(t.width) * std::size_t(t.height));
    const bool colour = volume.pixelType() == PixelType::Rgb24;
    const WindowLevel wl = autoWindowLevel(volume);
    std::size_t index[3] = {0, 0, g.dims()[2] / 2};
    for (int y = 0; y < t.height; ++y)
        for (int x = 0; x < t.width; ++x) {
            const std::size_t a = std::min(nAcross - 1, std::size_t((x + 0.5) / scale / spacingAcross));
            const std::size_t d = std::min(nDown - 1, std::size_t((y + 0.5) / scale / spacingDown));
            index[axes.across] = axes.flipAcross ? nAcross - 1 - a : a;
            index[axes.down] = axes.flipDown ? nDown - 1 - d : d;
            double v;
            if (colour) {
                const Rgb8 c = static_cast<const Rgb8*>(volume.data())[volume.linearIndex(index[0], index[1], index[2])];
                v = 0.299 * c.r + 0.587 * c.g + 0.114 * c.b;
            } else {
                v = (volume.realValueAt(index[0], index[1], index[2]) - (wl.level - wl.window / 2)) / wl.window * 255.0;
                if (volume.invertedDisplay()) v = 255.0 - v;
            }
            t.grey[std::size_t(y) * std::size_t(t.width) + std::size_t(x)] = std::uint8_t(std::clamp(v, 0.0, 255.0));
        }
    return t;
}

}  // namespace lumen::core
