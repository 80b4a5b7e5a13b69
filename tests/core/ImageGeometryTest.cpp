#include "core/ImageGeometry.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace lumen::core;

namespace {

Matrix3 rotation(double ax, double ay, double az) {
    const Matrix3 rx(std::array<double, 9>{1, 0, 0, 0, std::cos(ax), -std::sin(ax), 0, std::sin(ax), std::cos(ax)});
    const Matrix3 ry(std::array<double, 9>{std::cos(ay), 0, std::sin(ay), 0, 1, 0, -std::sin(ay), 0, std::cos(ay)});
    const Matrix3 rz(std::array<double, 9>{std::cos(az), -std::sin(az), 0, std::sin(az), std::cos(az), 0, 0, 0, 1});
    return rz * ry * rx;
}

TEST(ImageGeometry, IndexToWorldFollowsTheDicomFormula) {
    const ImageGeometry g({10, 20, 30}, {0.5, 0.7, 2.5}, {-100, 50, 12});
    const Point3 p = g.indexToWorld({2, 3, 4});
    EXPECT_DOUBLE_EQ(p.x, -100 + 2 * 0.5);
    EXPECT_DOUBLE_EQ(p.y, 50 + 3 * 0.7);
    EXPECT_DOUBLE_EQ(p.z, 12 + 4 * 2.5);
    // The 4x4 affine says the same.
    const auto m = g.indexToWorldMatrix();
    EXPECT_DOUBLE_EQ(m[0] * 2 + m[1] * 3 + m[2] * 4 + m[3], p.x);
    EXPECT_DOUBLE_EQ(m[15], 1.0);
}

TEST(ImageGeometry, WorldToIndexInvertsAnyObliqueGeometry) {
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> angle(-3.1, 3.1), coord(-500, 500);
    for (int trial = 0; trial < 200; ++trial) {
        Matrix3 d = rotation(angle(rng), angle(rng), angle(rng));
        if (trial % 2) d.setColumn(2, -d.column(2));  // left-handed grids exist too
        const ImageGeometry g({64, 64, 40}, {0.3 + trial * 0.01, 0.9, 3.0}, {coord(rng), coord(rng), coord(rng)}, d);
        const Vector3 idx{coord(rng) / 10, coord(rng) / 10, coord(rng) / 10};
        const Vector3 back = g.worldToIndex(g.indexToWorld(idx));
        EXPECT_TRUE(back.isApprox(idx, 1e-9)) << trial;
    }
}

TEST(ImageGeometry, RejectsImpossibleGrids) {
    EXPECT_THROW(ImageGeometry({1, 1, 1}, {0, 1, 1}, {}), std::invalid_argument);
    EXPECT_THROW(ImageGeometry({1, 1, 1}, {1, -1, 1}, {}), std::invalid_argument);
    EXPECT_THROW(ImageGeometry({1, 1, 1}, {1, 1, NAN}, {}), std::invalid_argument);
    EXPECT_THROW(ImageGeometry({1, 1, 1}, {1, 1, 1}, {0, INFINITY, 0}), std::invalid_argument);
    EXPECT_THROW(ImageGeometry({1, 1, 1}, {1, 1, 1}, {}, Matrix3(std::array<double, 9>{1, 0, 0, 1, 0, 0, 0, 0, 1})),
                 std::invalid_argument);
}

TEST(ImageGeometry, EqualityToleratesRoundingButNotRealDifferences) {
    const ImageGeometry a({10, 10, 10}, {1, 1, 1}, {0, 0, 0});
    EXPECT_TRUE(a.isApprox(ImageGeometry({10, 10, 10}, {1, 1, 1.00001}, {0.0004, 0, 0}), 1e-3));
    EXPECT_FALSE(a.isApprox(ImageGeometry({10, 10, 10}, {1, 1, 1.001}, {0, 0, 0}), 1e-3)) << "9 mm * 0.001 drift";
    EXPECT_FALSE(a.isApprox(ImageGeometry({10, 10, 11}, {1, 1, 1}, {0, 0, 0})));
    EXPECT_FALSE(a.isApprox(ImageGeometry({10, 10, 10}, {1, 1, 1}, {0, 0, 0}, rotation(0.01, 0, 0))));
}

TEST(ImageGeometry, OrientationCodeNamesWhereEachAxisPoints) {
    EXPECT_EQ(ImageGeometry({2, 2, 2}, {1, 1, 1}, {}).orientationCode(), "LPS");
    const Matrix3 coronal = Matrix3::fromColumns({1, 0, 0}, {0, 0, -1}, {0, 1, 0});
    EXPECT_EQ(ImageGeometry({2, 2, 2}, {1, 1, 1}, {}, coronal).orientationCode(), "LIP");
    EXPECT_EQ(ImageGeometry({2, 2, 2}, {1, 1, 1}, {}, rotation(0.3, 0, 0)).orientationCode(), "Lps")
        << "lower case marks oblique axes";
    EXPECT_EQ(patientDirectionLetter({-0.9, 0.1, 0.1}), 'R');
    EXPECT_EQ(patientDirectionLetter({0.1, -0.9, 0.2}), 'A');
    EXPECT_EQ(patientDirectionLetter({0.1, 0.2, -0.9}), 'I');
}

TEST(Matrix3, InverseAndTranspose) {
    const Matrix3 m(std::array<double, 9>{2, 1, 0, 0, 3, 1, 1, 0, 4});
    EXPECT_TRUE((m * m.inverse()).isApprox(Matrix3::identity(), 1e-12));
    EXPECT_DOUBLE_EQ(m.determinant(), 25.0);
    EXPECT_THROW(Matrix3(std::array<double, 9>{1, 2, 3, 2, 4, 6, 0, 0, 1}).inverse(), std::domain_error);
    const Matrix3 r = rotation(0.2, 0.4, -0.7);
    EXPECT_TRUE(r.isOrthonormal());
    EXPECT_TRUE(r.inverse().isApprox(r.transposed(), 1e-12));
}

}  // namespace
