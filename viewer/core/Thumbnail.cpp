#include "core/Thumbnail.h"

#include "core/WindowLevel.h"

#include <algorithm>
#include <cmath>

namespace lumen::core {

Thumbnail makeThumbnail(const Volume& volume, int maxSize) {
    Thumbnail t;
    if (volume.empty() || maxSize < 1) return t;
    const auto& g = volume.geometry();
    const double w = double(g.dims()[0]) * g.spacing().x, h = double(g.dims()[1]) * g.spacing().y;
    const double scale = double(maxSize) / std::max(w, h);
    t.width = std::max(1, int(std::lround(w * scale)));
    t.height = std::max(1, int(std::lround(h * scale)));
    t.grey.resize(std::size_t(t.width) * std::size_t(t.height));
    const std::size_t k = g.dims()[2] / 2;
    const bool colour = volume.pixelType() == PixelType::Rgb24;
    const WindowLevel wl = autoWindowLevel(volume);
    for (int y = 0; y < t.height; ++y)
        for (int x = 0; x < t.width; ++x) {
            const std::size_t i = std::min(g.dims()[0] - 1, std::size_t((x + 0.5) / scale / g.spacing().x));
            const std::size_t j = std::min(g.dims()[1] - 1, std::size_t((y + 0.5) / scale / g.spacing().y));
            double v;
            if (colour) {
                const Rgb8 c = static_cast<const Rgb8*>(volume.data())[volume.linearIndex(i, j, k)];
                v = 0.299 * c.r + 0.587 * c.g + 0.114 * c.b;
            } else {
                v = (volume.realValueAt(i, j, k) - (wl.level - wl.window / 2)) / wl.window * 255.0;
                if (volume.invertedDisplay()) v = 255.0 - v;
            }
            t.grey[std::size_t(y) * std::size_t(t.width) + std::size_t(x)] = std::uint8_t(std::clamp(v, 0.0, 255.0));
        }
    return t;
}

}  // namespace lumen::core
