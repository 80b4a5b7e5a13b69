// The CPU picture of a 2D view, checked pixel by pixel against the voxels it must show.
#include "core/LabelTable.h"
#include "core/ViewOrientation.h"
#include "render/SliceCompositor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

using namespace lumen;

namespace {

// 20 × 10 × 6 voxels of 1 mm, value 10·i + 100·j + 1000·k (every voxel distinct).
core::Volume ramp(const core::Matrix3& direction = core::Matrix3::identity()) {
    core::Volume v = core::Volume::zeros(core::PixelType::Int16, core::ImageGeometry({20, 10, 6}, {1, 1, 1}, {0, 0, 0}, direction));
    for (std::size_t k = 0; k < 6; ++k)
        for (std::size_t j = 0; j < 10; ++j)
            for (std::size_t i = 0; i < 20; ++i) v.as<std::int16_t>()[v.linearIndex(i, j, k)] = std::int16_t(10 * i + 100 * j + 1000 * k);
    return v;
}

// The axial plane through slice k, one screen pixel per millimetre, 40 × 20 pixels centred on the grid.
render::SliceCamera axial(double k) {
    const core::ViewFrame f = core::standardViewFrame(core::ViewOrientation::Axial);
    return {{9.5, 4.5, k}, f.viewDirection, f.up, 20.0};
}

std::vector<std::uint8_t> compose(const render::SliceCompositor& c, const render::SliceCamera& camera, int w = 40, int h = 20) {
    std::vector<std::uint8_t> rgba(std::size_t(w) * std::size_t(h) * 4);
    c.compose(camera, w, h, rgba.data());
    return rgba;
}

// Pixel (x, y) with y from the top, as a person reads the screen.
const std::uint8_t* pixel(const std::vector<std::uint8_t>& rgba, int x, int y, int w = 40, int h = 20) {
    return &rgba[(std::size_t(h - 1 - y) * std::size_t(w) + std::size_t(x)) * 4];
}

TEST(SliceCompositor, NearestShowsEachVoxelWindowedWhereTheViewPutsIt) {
    render::SliceCompositor c;
    c.setVolume(ramp());
    c.setLinearInterpolation(false);
    c.setWindowLevel(5100, 2550, false);  // stored 0..5100 → grey 0..255: grey = value / 20
    const auto rgba = compose(c, axial(2));
    // The grid spans screen x 10..29 (patient right → left) and y 0..9 top (anterior) to bottom.
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 40; ++x) {
            const int i = x - 10, j = y - 5;
            const bool in = i >= 0 && i < 20 && j >= 0 && j < 10;
            const double expected = in ? (10.0 * i + 100.0 * j + 2000) / 20.0 : 0;
            EXPECT_NEAR(pixel(rgba, x, y)[0], expected, 0.5 + 1e-9) << x << "," << y;
            EXPECT_EQ(pixel(rgba, x, y)[3], 255);
        }
}

TEST(SliceCompositor, LinearBetweenSlicesAndTheGeneralPathAgreesWithTheFastOne) {
    render::SliceCompositor c;
    c.setVolume(ramp());
    c.setWindowLevel(5100, 2550, false);
    // Half way between slices 2 and 3: 1000·2.5 added.
    const auto between = compose(c, axial(2.5));
    EXPECT_NEAR(pixel(between, 15, 8)[0], (10.0 * 5 + 100.0 * 3 + 2500) / 20.0, 0.5 + 1e-9);
    // A grid turned by a hair takes the general (trilinear) path; the picture must not change.
    const double a = 1e-7;
    const core::Matrix3 hair({std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a), 0, 0, 0, 1});
    render::SliceCompositor general;
    general.setVolume(ramp(hair));
    general.setWindowLevel(5100, 2550, false);
    const auto slightlyTurned = compose(general, axial(2.5));
    int worst = 0;
    for (std::size_t i = 0; i < between.size(); ++i) worst = std::max(worst, std::abs(int(between[i]) - int(slightlyTurned[i])));
    EXPECT_LE(worst, 1);
}

TEST(SliceCompositor, RescaleWindowAndInversion) {
    core::Volume v = ramp();
    v.setRescale({0.5, -1000, "HU"});  // stored 2000 + 10 i + 100 j → HU
    render::SliceCompositor c;
    c.setVolume(v);
    c.setLinearInterpolation(false);
    c.setWindowLevel(100, 0, false);  // -50..50 HU
    const auto rgba = compose(c, axial(2));
    // Voxel (0, 0, 2): stored 2000 → 0 HU → mid grey; (10, 0, 2): 2100 → 50 HU → white.
    EXPECT_NEAR(pixel(rgba, 10, 5)[0], 127.5, 0.5 + 1e-9);
    EXPECT_EQ(pixel(rgba, 20, 5)[0], 255);
    c.setWindowLevel(100, 0, true);
    EXPECT_EQ(pixel(compose(c, axial(2)), 20, 5)[0], 0);
    v.setInvertedDisplay(true);  // MONOCHROME1 and the user's invert cancel
    c.setVolume(v);
    EXPECT_EQ(pixel(compose(c, axial(2)), 20, 5)[0], 255);
}

core::LabelMap squareLabel(const core::Volume& v) {
    core::LabelMap labels(v.geometry());
    for (std::size_t k = 0; k < 6; ++k)
        for (std::size_t j = 2; j < 8; ++j)
            for (std::size_t i = 4; i < 12; ++i) labels.set(i, j, k, 3);
    labels.labels().set({3, "lesion", {0, 255, 0, 255}});
    return labels;
}

// The ramp with the square label, nearest neighbour, grey = value / 20.
struct Labelled {
    core::Volume volume = ramp();
    core::LabelMap labels = squareLabel(volume);
    render::SliceCompositor c;
    Labelled() {
        c.setVolume(volume);
        c.setLinearInterpolation(false);
        c.setWindowLevel(5100, 2550, false);
        c.setLabelMap(&labels);
    }
};

TEST(SliceCompositor, FilledLabelsBlendTheirColourAtTheirOpacity) {
    Labelled scene;
    render::SliceCompositor& c = scene.c;
    render::OverlayStyle style;
    style.opacity = 0.4;
    c.setOverlayStyle(style);
    const auto rgba = compose(c, axial(2));
    const double grey = (10.0 * 5 + 100.0 * 3 + 2000) / 20.0;  // voxel (5, 3): inside the square
    EXPECT_NEAR(pixel(rgba, 15, 8)[0], 0.6 * grey, 1.0);
    EXPECT_NEAR(pixel(rgba, 15, 8)[1], 0.6 * grey + 0.4 * 255, 1.0);
    EXPECT_EQ(pixel(rgba, 10, 5)[0], pixel(rgba, 10, 5)[1]) << "outside the label: grey";
    style.hidden = {3};
    c.setOverlayStyle(style);
    EXPECT_EQ(pixel(compose(c, axial(2)), 15, 8)[1], pixel(compose(c, axial(2)), 15, 8)[0]) << "hidden";
    style.hidden.clear();
    style.visible = false;
    c.setOverlayStyle(style);
    EXPECT_EQ(pixel(compose(c, axial(2)), 15, 8)[1], pixel(compose(c, axial(2)), 15, 8)[0]) << "overlay off";
}

TEST(SliceCompositor, OutlinesAreTheLabelsBoundaryPixelsOnly) {
    Labelled scene;
    render::SliceCompositor& c = scene.c;
    render::OverlayStyle style;
    style.outline = true;
    c.setOverlayStyle(style);
    const auto rgba = compose(c, axial(2));
    // The square covers screen x 14..21, y 7..12: its border is pure green, its inside grey.
    for (int y = 7; y <= 12; ++y)
        for (int x = 14; x <= 21; ++x) {
            const bool border = x == 14 || x == 21 || y == 7 || y == 12;
            const auto* p = pixel(rgba, x, y);
            if (border) EXPECT_TRUE(p[0] == 0 && p[1] == 255 && p[2] == 0) << x << "," << y;
            else EXPECT_TRUE(p[0] == p[1] && p[1] == p[2]) << x << "," << y;
        }
    EXPECT_EQ(pixel(rgba, 13, 8)[0], pixel(rgba, 13, 8)[1]) << "just outside";
}

TEST(SliceCompositor, ColourImagesAndEmptyVolumes) {
    core::Volume colour = core::Volume::zeros(core::PixelType::Rgb24, core::ImageGeometry({4, 4, 1}, {1, 1, 1}, {0, 0, 0}));
    static_cast<core::Rgb8*>(colour.data())[colour.linearIndex(1, 2, 0)] = {200, 10, 30};
    render::SliceCompositor c;
    c.setVolume(colour);
    c.setLinearInterpolation(false);
    const core::ViewFrame f = core::standardViewFrame(core::ViewOrientation::Axial);
    std::vector<std::uint8_t> rgba(4 * 4 * 4);
    c.compose({{1.5, 1.5, 0}, f.viewDirection, f.up, 4.0}, 4, 4, rgba.data());
    const std::uint8_t* p = &rgba[(std::size_t(4 - 1 - 2) * 4 + 1) * 4];
    EXPECT_EQ((std::array<int, 3>{p[0], p[1], p[2]}), (std::array<int, 3>{200, 10, 30}));
    c.setVolume(core::Volume());
    c.compose({{1.5, 1.5, 0}, f.viewDirection, f.up, 4.0}, 4, 4, rgba.data());
    EXPECT_EQ(*std::max_element(rgba.begin(), rgba.begin() + 3), 0);
}

}  // namespace

TEST(SliceCompositor, AHeatMapOnItsOwnGridBlendsItsColourByLevel) {
    render::SliceCompositor c;
    c.setVolume(ramp());
    c.setWindowLevel(8000, 4000, false);
    const auto base = compose(c, axial(2));
    // 2 mm heat voxels: (2, 1, 1) covers image voxels i 4-5, j 2-3, k 2-3 and is fully unsure;
    // everything else is at 10/255, below the drawing threshold.
    core::Volume heat = core::Volume::zeros(core::PixelType::UInt8, core::ImageGeometry({10, 5, 3}, {2, 2, 2}, {0.5, 0.5, 0.5}));
    for (std::size_t v = 0; v < heat.geometry().voxelCount(); ++v) heat.as<std::uint8_t>()[v] = 10;
    heat.as<std::uint8_t>()[heat.linearIndex(2, 1, 1)] = 255;
    c.setHeatMap(heat, 0.7);
    const auto hot = compose(c, axial(2));
    const unsigned alpha = 179;  // 0.7 × 255, rounded
    const std::uint8_t grey = pixel(base, 15, 8)[0];
    EXPECT_EQ(pixel(hot, 15, 8)[0], (grey * (255 - alpha) + 255 * alpha + 127) / 255) << "magenta at full level";
    EXPECT_NE(pixel(hot, 15, 8)[1], pixel(hot, 15, 8)[0]) << "not grey any more";
    // The map's colours are none of the label palette's (a red label and the map were confused).
    for (unsigned level : {26u, 128u, 255u})
        for (std::uint16_t v = 1; v <= 12; ++v) {
            const core::Rgba h = render::SliceCompositor::heatColour(level), l = core::LabelTable::defaultColor(v);
            EXPECT_GT(std::abs(h.r - l.r) + std::abs(h.g - l.g) + std::abs(h.b - l.b), 90) << level << " vs label " << v;
        }
    for (int ch = 0; ch < 3; ++ch) EXPECT_EQ(pixel(hot, 10, 5)[ch], pixel(base, 10, 5)[ch]) << "a low level draws nothing";
    c.setHeatMap(core::Volume(), 0.7);
    EXPECT_EQ(compose(c, axial(2)), base) << "cleared";
    c.setHeatMap(heat, 0);
    EXPECT_EQ(compose(c, axial(2)), base) << "hidden (opacity 0)";
}
