#pragma once
#include "core/Vector3.h"

#include <array>

namespace lumen::core {

// A 3×3 matrix, row-major. Image directions store the index axes as columns.
class Matrix3 {
public:
    constexpr Matrix3() : m_{1, 0, 0, 0, 1, 0, 0, 0, 1} {}
    constexpr explicit Matrix3(const std::array<double, 9>& rowMajor) : m_(rowMajor) {}
    static Matrix3 fromColumns(const Vector3& c0, const Vector3& c1, const Vector3& c2);
    static constexpr Matrix3 identity() { return Matrix3(); }

    constexpr double operator()(int row, int col) const { return m_[row * 3 + col]; }
    constexpr double& operator()(int row, int col) { return m_[row * 3 + col]; }
    Vector3 column(int c) const { return {m_[c], m_[3 + c], m_[6 + c]}; }
    void setColumn(int c, const Vector3& v);
    const std::array<double, 9>& rowMajor() const { return m_; }

    Vector3 operator*(const Vector3& v) const;
    Matrix3 operator*(const Matrix3& o) const;
    Matrix3 transposed() const;
    double determinant() const;
    // Throws std::domain_error for a singular matrix.
    Matrix3 inverse() const;
    bool isOrthonormal(double tol = 1e-4) const;
    bool isApprox(const Matrix3& o, double tol) const;

private:
    std::array<double, 9> m_;
};

}  // namespace lumen::core
