// Opening windows: CT presets, the file-less default by modality, the histogram window.
#include "core/WindowLevel.h"

#include <gtest/gtest.h>

using namespace lumen::core;

namespace {

Volume ramp(std::size_t n, Rescale rescale = {}) {
    Volume v = Volume::zeros(PixelType::UInt16, ImageGeometry({n, 1, 1}, {1, 1, 1}, {0, 0, 0}));
    for (std::size_t i = 0; i < n; ++i) v.as<std::uint16_t>()[i] = std::uint16_t(i);
    v.setRescale(rescale);
    return v;
}

TEST(WindowLevel, CtPresetsAreTheUsualOnesInKeyOrder) {
    const auto& p = ctWindowLevelPresets();
    ASSERT_EQ(p.size(), 8u);
    EXPECT_EQ(p[0].name, "CT brain");
    EXPECT_DOUBLE_EQ(p[0].value.window, 80);
    EXPECT_EQ(p[3].name, "CT lung");
    EXPECT_DOUBLE_EQ(p[3].value.level, -600);
    EXPECT_EQ(p[7].name, "CT bone");
    EXPECT_DOUBLE_EQ(p[7].value.window, 1800);
}

TEST(WindowLevel, AutomaticWindowSpansThe1stTo99thPercentile) {
    const WindowLevel wl = autoWindowLevel(ramp(1001));  // values 0..1000
    EXPECT_NEAR(wl.level - wl.window / 2, 10, 1);
    EXPECT_NEAR(wl.level + wl.window / 2, 990, 1);
}

TEST(WindowLevel, AutomaticWindowUsesRealValues) {
    Rescale r;
    r.slope = 2;
    r.intercept = -1000;
    const WindowLevel wl = autoWindowLevel(ramp(1001, r));  // -1000..1000
    EXPECT_NEAR(wl.level, 0, 2);
    EXPECT_NEAR(wl.window, 1960, 4);
}

TEST(WindowLevel, ConstantImagesStillGetAWindow) {
    Volume v = Volume::zeros(PixelType::Int16, ImageGeometry({8, 8, 1}, {1, 1, 1}, {0, 0, 0}));
    EXPECT_GE(autoWindowLevel(v).window, 1.0);
}

TEST(WindowLevel, CtOpensInSoftTissueOtherwiseAutomatic) {
    Rescale hu;
    hu.intercept = -1024;
    hu.units = "HU";
    EXPECT_DOUBLE_EQ(defaultWindowLevel(ramp(100, hu)).window, 400);
    EXPECT_DOUBLE_EQ(defaultWindowLevel(ramp(100, hu)).level, 50);
    EXPECT_NEAR(defaultWindowLevel(ramp(1001)).window, 980, 2);
}

}  // namespace
