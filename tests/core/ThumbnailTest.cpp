// Study-browser thumbnails: aspect ratio, window, and the viewer's orientation whatever the
// file's voxel order.
#include "core/Thumbnail.h"

#include <gtest/gtest.h>

using namespace lumen::core;

namespace {

// 40 × 20 voxels of 1 mm, one bright voxel column near index x = 0, y = 0.
Volume marked(const Matrix3& direction) {
    Volume v = Volume::zeros(PixelType::UInt8, ImageGeometry({40, 20, 3}, {1, 1, 1}, {0, 0, 0}, direction));
    for (std::size_t k = 0; k < 3; ++k)
        for (std::size_t j = 0; j < 4; ++j)
            for (std::size_t i = 0; i < 4; ++i) v.as<std::uint8_t>()[v.linearIndex(i, j, k)] = 200;
    for (std::size_t i = 0; i < v.voxelsPerFrame(); i += 7) v.as<std::uint8_t>()[i] = std::max<std::uint8_t>(v.as<std::uint8_t>()[i], 100);
    return v;
}

// Where the brightest pixels are: (-1 left / +1 right, -1 top / +1 bottom).
std::pair<int, int> brightCorner(const Thumbnail& t) {
    long sx = 0, sy = 0, n = 0;
    for (int y = 0; y < t.height; ++y)
        for (int x = 0; x < t.width; ++x)
            if (t.grey[std::size_t(y * t.width + x)] == 255) sx += x, sy += y, ++n;
    return {sx / n < t.width / 2 ? -1 : 1, sy / n < t.height / 2 ? -1 : 1};
}

TEST(Thumbnail, KeepsTheAspectRatioAndUsesTheWholeGreyRange) {
    const Thumbnail t = makeThumbnail(marked(Matrix3::identity()), 96);
    EXPECT_EQ(t.width, 96);
    EXPECT_EQ(t.height, 48);
    EXPECT_EQ(*std::max_element(t.grey.begin(), t.grey.end()), 255);
    EXPECT_EQ(*std::min_element(t.grey.begin(), t.grey.end()), 0);
}

TEST(Thumbnail, ShowsThePlaneAsTheViewerDoes) {
    // DICOM order (x → patient left, y → posterior): index (0, 0) is the patient's right and
    // anterior, so top left in an axial view.
    EXPECT_EQ(brightCorner(makeThumbnail(marked(Matrix3::identity()))), std::make_pair(-1, -1));
    // Stored the other way along x and y (as many NIfTI files are): still right-anterior.
    const Matrix3 flipped({-1, 0, 0, 0, -1, 0, 0, 0, 1});
    EXPECT_EQ(brightCorner(makeThumbnail(marked(flipped))), std::make_pair(1, 1));
    // Rows and columns swapped: x index runs posterior, y index runs left.
    const Matrix3 swapped({0, 1, 0, 1, 0, 0, 0, 0, -1});
    const Thumbnail t = makeThumbnail(marked(swapped));
    EXPECT_EQ(t.width, 48) << "the 20 mm side is now across";
    EXPECT_EQ(brightCorner(t), std::make_pair(-1, -1));
}

TEST(Thumbnail, EmptyVolumeGivesNoPicture) { EXPECT_TRUE(makeThumbnail(Volume()).empty()); }

}  // namespace
