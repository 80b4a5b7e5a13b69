#include "render/SliceCompositor.h"

#include "core/ParallelFor.h"

#include <algorithm>
#include <cmath>

namespace lumen::render {

using core::Point3;
using core::Vector3;

void SliceCompositor::setVolume(const core::Volume& volume) {
    volume_ = volume;
    timePoint_ = 0;
}

void SliceCompositor::setWindowLevel(double window, double level, bool invert) {
    window_ = std::max(window, 1e-6);
    level_ = level;
    invert_ = invert;
}

void SliceCompositor::setLabelMap(const core::LabelMap* labels) {
    source_ = labels;
    labelsModified();
}

void SliceCompositor::labelsModified() {
    hasLabels_ = source_ && !source_->empty();
    labels_ = hasLabels_ ? *source_ : core::LabelMap();
    rebuildColours();
}

void SliceCompositor::setHeatMap(const core::Volume& levels, double opacity) {
    heat_ = levels.pixelType() == core::PixelType::UInt8 ? levels : core::Volume();
    heatOpacity_ = std::clamp(opacity, 0.0, 1.0);
}

void SliceCompositor::setOverlayStyle(const OverlayStyle& style) {
    style_ = style;
    rebuildColours();
}

void SliceCompositor::rebuildColours() {
    colours_.clear();
    if (!hasLabels_) return;
    colours_.resize(labels_.depth() == core::PixelType::UInt16 ? 65536 : 256);
    const double opacity = style_.outline ? 1.0 : std::clamp(style_.opacity, 0.0, 1.0);
    for (std::size_t v = 1; v < colours_.size(); ++v) {
        const auto value = std::uint16_t(v);
        const core::Label* l = labels_.labels().find(value);
        core::Rgba c = l ? l->color : core::LabelTable::defaultColor(value);
        c.a = style_.hidden.count(value) ? 0 : std::uint8_t(std::lround(opacity * c.a));
        colours_[v] = c;
    }
}

namespace {

// Where pixel (0, y)'s centre falls in a grid's continuous index space, and the step per pixel.
struct RowWalk {
    Vector3 start, step;
};

RowWalk walk(const core::ImageGeometry& g, const SliceCamera& c, int width, int height, int y) {
    const double mm = c.heightMm / double(std::max(height, 1));
    const Vector3 right = c.viewDirection.cross(c.up).normalized(), up = c.up.normalized();
    const Point3 p = c.center + right * ((0.5 - width / 2.0) * mm) + up * ((y + 0.5 - height / 2.0) * mm);
    const Vector3 i0 = g.worldToIndex(p);
    return {i0, g.worldToIndex(p + right * mm) - i0};
}

// A row that runs along one grid axis (every standard view of a straight grid): the other two
// coordinates are fixed, so each pixel interpolates along one axis between at most four lines.
struct AlignedRow {
    int axis = -1;             // the axis the row runs along; -1: not aligned
    bool empty = false;        // the fixed coordinates are outside the grid
    std::size_t line[4] = {};  // offsets of the (b0,c0), (b1,c0), (b0,c1), (b1,c1) lines
    double fb = 0, fc = 0;     // fractions between them
    std::size_t stride = 1, count = 1;
    double start = 0, step = 0;
};

AlignedRow alignedRow(const RowWalk& w, const core::ImageGeometry::Dims& d) {
    AlignedRow r;
    int moving = 0;
    for (int a = 0; a < 3; ++a)
        if (std::abs(w.step[a]) > 1e-12) r.axis = a, ++moving;
    if (moving != 1) return {};
    const std::size_t strides[3] = {1, d[0], d[0] * d[1]};
    const int b = (r.axis + 1) % 3, c = (r.axis + 2) % 3;
    std::size_t lo[2] = {}, hi[2] = {};
    double frac[2] = {};
    const int fixedAxes[2] = {b, c};
    for (int k = 0; k < 2; ++k) {
        const int a = fixedAxes[k];
        const double v = w.start[a], n = double(d[std::size_t(a)]);
        if (v < -0.5 || v >= n - 0.5) {
            r.empty = true;
            return r;
        }
        const double rounded = std::floor(v + 0.5);
        const double x = std::clamp(std::abs(v - rounded) < 1e-6 ? rounded : v, 0.0, n - 1);
        lo[k] = std::size_t(x);
        hi[k] = std::min(lo[k] + 1, d[std::size_t(a)] - 1);
        frac[k] = x - double(lo[k]);
    }
    r.fb = frac[0], r.fc = frac[1];
    r.line[0] = lo[0] * strides[b] + lo[1] * strides[c];
    r.line[1] = hi[0] * strides[b] + lo[1] * strides[c];
    r.line[2] = lo[0] * strides[b] + hi[1] * strides[c];
    r.line[3] = hi[0] * strides[b] + hi[1] * strides[c];
    r.stride = strides[r.axis];
    r.count = d[std::size_t(r.axis)];
    r.start = w.start[r.axis];
    r.step = w.step[r.axis];
    return r;
}

bool inside(const Vector3& i, const core::ImageGeometry::Dims& d) {
    return i.x >= -0.5 && i.y >= -0.5 && i.z >= -0.5 && i.x < double(d[0]) - 0.5 && i.y < double(d[1]) - 0.5 &&
           i.z < double(d[2]) - 0.5;
}

std::size_t nearestIndex(const Vector3& i, const core::ImageGeometry::Dims& d) {
    // x ≥ -0.5 here, so adding 0.5 and truncating rounds (std::lround is a libm call per pixel).
    const auto at = [](double x, std::size_t n) { return std::min(std::size_t(std::max(0.0, x + 0.5)), n - 1); };
    return (at(i.z, d[2]) * d[1] + at(i.y, d[1])) * d[0] + at(i.x, d[0]);
}

// Trilinear at a continuous index (edges replicated); `value(linear index)` reads a voxel.
template <typename Value> double trilinear(const Value& value, const Vector3& i, const core::ImageGeometry::Dims& d) {
    // Within rounding of a voxel centre counts as on it (so the fast paths below apply).
    const auto snap = [](double v, std::size_t n) {
        const double r = std::floor(v + 0.5);
        return std::clamp(std::abs(v - r) < 1e-6 ? r : v, 0.0, double(n - 1));
    };
    const double x = snap(i.x, d[0]), y = snap(i.y, d[1]), z = snap(i.z, d[2]);
    const std::size_t x0 = std::size_t(x), y0 = std::size_t(y), z0 = std::size_t(z);
    const std::size_t x1 = std::min(x0 + 1, d[0] - 1), y1 = std::min(y0 + 1, d[1] - 1), z1 = std::min(z0 + 1, d[2] - 1);
    const double fx = x - double(x0), fy = y - double(y0), fz = z - double(z0);
    const std::size_t sx = d[0], sxy = d[0] * d[1];
    auto at = [&](std::size_t a, std::size_t b, std::size_t c) { return double(value(c * sxy + b * sx + a)); };
    // A plane through voxel centres (every standard view of a straight grid) has no fraction
    // along one or two axes: skip those corners, it halves the work.
    auto lineX = [&](std::size_t b, std::size_t c) {
        const double v0 = at(x0, b, c);
        return fx == 0 ? v0 : v0 + fx * (at(x1, b, c) - v0);
    };
    auto planeXY = [&](std::size_t c) {
        const double v0 = lineX(y0, c);
        return fy == 0 ? v0 : v0 + fy * (lineX(y1, c) - v0);
    };
    const double p0 = planeXY(z0);
    return fz == 0 ? p0 : p0 + fz * (planeXY(z1) - p0);
}

// One row of grey pixels: stored value × a + b is the 0..255 grey (window, level, rescale folded in).
template <typename T>
void greyRow(const T* voxels, const core::ImageGeometry::Dims& d, RowWalk w, int width, bool linear, double a,
             double b, bool invert, std::uint8_t* out) {
    const AlignedRow r = alignedRow(w, d);
    if (r.axis >= 0) {
        const double n = double(r.count);
        for (int x = 0; x < width; ++x, out += 4) {
            const double t = r.start + r.step * x;
            std::uint8_t g = 0;
            if (!r.empty && t >= -0.5 && t < n - 0.5) {
                double stored;
                if (linear) {
                    const double tc = std::clamp(t, 0.0, n - 1);
                    const std::size_t i0 = std::size_t(tc), i1 = std::min(i0 + 1, r.count - 1);
                    const double f = tc - double(i0);
                    auto line = [&](std::size_t l) {
                        const double v0 = double(voxels[r.line[l] + i0 * r.stride]);
                        return v0 + f * (double(voxels[r.line[l] + i1 * r.stride]) - v0);
                    };
                    const double v0 = line(0), v1 = r.fb == 0 ? v0 : line(1);
                    const double near = v0 + r.fb * (v1 - v0);
                    if (r.fc == 0) {
                        stored = near;
                    } else {
                        const double u0 = line(2), u1 = r.fb == 0 ? u0 : line(3);
                        stored = near + r.fc * (u0 + r.fb * (u1 - u0) - near);
                    }
                } else {
                    const std::size_t i = std::min(std::size_t(std::max(0.0, t + 0.5)), r.count - 1);
                    const std::size_t l = (r.fb >= 0.5 ? 1 : 0) + (r.fc >= 0.5 ? 2 : 0);
                    stored = double(voxels[r.line[l] + i * r.stride]);
                }
                const double grey = std::clamp(stored * a + b, 0.0, 255.0);
                g = std::uint8_t((invert ? 255.0 - grey : grey) + 0.5);
            }
            out[0] = out[1] = out[2] = g;
            out[3] = 255;
        }
        return;
    }
    for (int x = 0; x < width; ++x, w.start += w.step, out += 4) {
        std::uint8_t g = 0;
        if (inside(w.start, d)) {
            const double stored = linear ? trilinear([voxels](std::size_t n) { return voxels[n]; }, w.start, d)
                                         : double(voxels[nearestIndex(w.start, d)]);
            const double grey = std::clamp(stored * a + b, 0.0, 255.0);
            g = std::uint8_t((invert ? 255.0 - grey : grey) + 0.5);
        }
        out[0] = out[1] = out[2] = g;
        out[3] = 255;
    }
}

void colourRow(const core::Rgb8* voxels, const core::ImageGeometry::Dims& d, RowWalk w, int width, bool linear,
               std::uint8_t* out) {
    for (int x = 0; x < width; ++x, w.start += w.step, out += 4) {
        core::Rgb8 c;
        if (inside(w.start, d)) {
            if (linear) {
                const auto* bytes = reinterpret_cast<const std::uint8_t*>(voxels);
                const auto channel = [&](std::size_t k) {
                    return std::uint8_t(trilinear([&](std::size_t n) { return bytes[3 * n + k]; }, w.start, d) + 0.5);
                };
                c = {channel(0), channel(1), channel(2)};
            } else {
                c = voxels[nearestIndex(w.start, d)];
            }
        }
        out[0] = c.r, out[1] = c.g, out[2] = c.b, out[3] = 255;
    }
}

template <typename L>
void labelRow(const L* voxels, const core::ImageGeometry::Dims& d, RowWalk w, int width, std::uint16_t* out) {
    const AlignedRow r = alignedRow(w, d);
    if (r.axis >= 0) {
        const std::size_t line = r.line[(r.fb >= 0.5 ? 1 : 0) + (r.fc >= 0.5 ? 2 : 0)];
        const double n = double(r.count);
        for (int x = 0; x < width; ++x) {
            const double t = r.start + r.step * x;
            out[x] = !r.empty && t >= -0.5 && t < n - 0.5
                         ? voxels[line + std::min(std::size_t(t + 0.5), r.count - 1) * r.stride]
                         : 0;
        }
        return;
    }
    for (int x = 0; x < width; ++x, w.start += w.step) out[x] = inside(w.start, d) ? voxels[nearestIndex(w.start, d)] : 0;
}

// The hot ramp: dark red → red → orange → yellow as the level rises.
}  // namespace

// Violet to magenta: a hue no label colour uses (the palette is earth tones, greens and a light
// blue; the old dark red → yellow map was taken for a red label).
core::Rgba SliceCompositor::heatColour(unsigned level) {
    const double t = std::min(level, 255u) / 255.0;
    return {std::uint8_t(std::lround(110 + 145 * t)), std::uint8_t(std::lround(30 + 34 * t)), std::uint8_t(std::lround(190 + 65 * t)), 255};
}

void SliceCompositor::blendHeat(const SliceCamera& camera, int width, int height, int y0, int y1, std::uint8_t* rgba,
                                std::uint16_t* scratch) const {
    const auto& d = heat_.geometry().dims();
    for (int y = y0; y < y1; ++y) {
        std::uint16_t* levels = scratch + std::size_t(y) * std::size_t(width);
        labelRow(static_cast<const std::uint8_t*>(heat_.data()), d, walk(heat_.geometry(), camera, width, height, y), width, levels);
        std::uint8_t* out = rgba + std::size_t(y) * std::size_t(width) * 4;
        for (int x = 0; x < width; ++x) {
            const unsigned level = levels[x];
            if (level < 26) continue;
            const core::Rgba c = heatColour(level);
            const unsigned alpha = unsigned(heatOpacity_ * level + 0.5), keep = 255 - alpha;
            std::uint8_t* px = out + 4 * x;
            px[0] = std::uint8_t((px[0] * keep + c.r * alpha + 127) / 255);
            px[1] = std::uint8_t((px[1] * keep + c.g * alpha + 127) / 255);
            px[2] = std::uint8_t((px[2] * keep + c.b * alpha + 127) / 255);
        }
    }
}

void SliceCompositor::sampleRows(const SliceCamera& camera, int width, int height, int y0, int y1, std::uint8_t* rgba,
                                 std::uint16_t* labelValues) const {
    const core::ImageGeometry& g = volume_.geometry();
    const auto& d = g.dims();
    const double lo = level_ - window_ / 2, scale = 255.0 / window_;
    const double a = volume_.rescale().slope * scale, b = (volume_.rescale().intercept - lo) * scale;
    const bool invert = invert_ != volume_.invertedDisplay();
    for (int y = y0; y < y1; ++y) {
        std::uint8_t* out = rgba + std::size_t(y) * std::size_t(width) * 4;
        if (volume_.empty()) {
            for (int x = 0; x < width; ++x) out[4 * x] = out[4 * x + 1] = out[4 * x + 2] = 0, out[4 * x + 3] = 255;
        } else {
            const RowWalk w = walk(g, camera, width, height, y);
            const void* frame = volume_.frameData(std::min(timePoint_, volume_.timePoints() - 1));
            if (volume_.pixelType() == core::PixelType::Rgb24)
                colourRow(static_cast<const core::Rgb8*>(frame), d, w, width, linear_, out);
            else
                core::visitScalarType(volume_.pixelType(), [&](auto t) {
                    using T = decltype(t);
                    greyRow(static_cast<const T*>(frame), d, w, width, linear_, a, b, invert, out);
                });
        }
        if (labelValues) {
            const RowWalk lw = walk(labels_.geometry(), camera, width, height, y);
            std::uint16_t* lv = labelValues + std::size_t(y) * std::size_t(width);
            const auto& ld = labels_.geometry().dims();
            if (labels_.depth() == core::PixelType::UInt16)
                labelRow(static_cast<const std::uint16_t*>(labels_.voxels().data()), ld, lw, width, lv);
            else
                labelRow(static_cast<const std::uint8_t*>(labels_.voxels().data()), ld, lw, width, lv);
        }
    }
}

void SliceCompositor::compose(const SliceCamera& camera, int width, int height, std::uint8_t* rgba) const {
    if (width <= 0 || height <= 0) return;
    const bool overlay = hasLabels_ && style_.visible;
    std::vector<std::uint16_t> values(overlay ? std::size_t(width) * std::size_t(height) : 0);
    // Bands of rows on every core: a 1024² frame is a million samples.
    const int bands = std::min(height, 32);
    core::parallelFor(std::size_t(bands), 0, [&](std::size_t band) {
        const int y0 = int(band) * height / bands, y1 = int(band + 1) * height / bands;
        sampleRows(camera, width, height, y0, y1, rgba, overlay ? values.data() : nullptr);
    });
    if (!heat_.empty() && heatOpacity_ > 0) {  // under the labels' outlines, over the image
        std::vector<std::uint16_t> levels(std::size_t(width) * std::size_t(height));
        core::parallelFor(std::size_t(bands), 0, [&](std::size_t band) {
            blendHeat(camera, width, height, int(band) * height / bands, int(band + 1) * height / bands, rgba, levels.data());
        });
    }
    if (!overlay) return;
    const int k = outlineWidth_;
    core::parallelFor(std::size_t(bands), 0, [&](std::size_t band) {
        const int y0 = int(band) * height / bands, y1 = int(band + 1) * height / bands;
        for (int y = y0; y < y1; ++y)
            for (int x = 0; x < width; ++x) {
                const std::size_t i = std::size_t(y) * std::size_t(width) + std::size_t(x);
                const std::uint16_t v = values[i];
                if (v == 0 || colours_[v].a == 0) continue;
                if (style_.outline) {  // a boundary pixel: a neighbour k pixels away is another label
                    const auto differs = [&](int dx, int dy) {
                        const int nx = x + dx, ny = y + dy;
                        return nx < 0 || ny < 0 || nx >= width || ny >= height ||
                               values[std::size_t(ny) * std::size_t(width) + std::size_t(nx)] != v;
                    };
                    if (!differs(-k, 0) && !differs(k, 0) && !differs(0, -k) && !differs(0, k)) continue;
                }
                const core::Rgba c = colours_[v];
                const unsigned alpha = c.a, keep = 255 - alpha;
                std::uint8_t* px = rgba + 4 * i;
                px[0] = std::uint8_t((px[0] * keep + c.r * alpha + 127) / 255);
                px[1] = std::uint8_t((px[1] * keep + c.g * alpha + 127) / 255);
                px[2] = std::uint8_t((px[2] * keep + c.b * alpha + 127) / 255);
            }
    });
}

}  // namespace lumen::render
