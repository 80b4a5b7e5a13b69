#include "core/Matrix3.h"

#include <cmath>
#include <stdexcept>

namespace lumen::core {

Matrix3 Matrix3::fromColumns(const Vector3& c0, const Vector3& c1, const Vector3& c2) {
    Matrix3 m;
    m.setColumn(0, c0);
    m.setColumn(1, c1);
    m.setColumn(2, c2);
    return m;
}

void Matrix3::setColumn(int c, const Vector3& v) {
    m_[c] = v.x;
    m_[3 + c] = v.y;
    m_[6 + c] = v.z;
}

Vector3 Matrix3::operator*(const Vector3& v) const {
    return {m_[0] * v.x + m_[1] * v.y + m_[2] * v.z,
            m_[3] * v.x + m_[4] * v.y + m_[5] * v.z,
            m_[6] * v.x + m_[7] * v.y + m_[8] * v.z};
}

Matrix3 Matrix3::operator*(const Matrix3& o) const {
    Matrix3 r;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            r(i, j) = (*this)(i, 0) * o(0, j) + (*this)(i, 1) * o(1, j) + (*this)(i, 2) * o(2, j);
    return r;
}

Matrix3 Matrix3::transposed() const {
    Matrix3 r;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) r(i, j) = (*this)(j, i);
    return r;
}

double Matrix3::determinant() const {
    const auto& a = m_;
    return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) +
           a[2] * (a[3] * a[7] - a[4] * a[6]);
}

Matrix3 Matrix3::inverse() const {
    const double det = determinant();
    if (std::abs(det) < 1e-12) throw std::domain_error("singular 3x3 matrix");
    const auto& a = m_;
    Matrix3 r(std::array<double, 9>{
        a[4] * a[8] - a[5] * a[7], a[2] * a[7] - a[1] * a[8], a[1] * a[5] - a[2] * a[4],
        a[5] * a[6] - a[3] * a[8], a[0] * a[8] - a[2] * a[6], a[2] * a[3] - a[0] * a[5],
        a[3] * a[7] - a[4] * a[6], a[1] * a[6] - a[0] * a[7], a[0] * a[4] - a[1] * a[3]});
    for (double& v : r.m_) v /= det;
    return r;
}

bool Matrix3::isOrthonormal(double tol) const {
    return (transposed() * (*this)).isApprox(Matrix3::identity(), tol);
}

bool Matrix3::isApprox(const Matrix3& o, double tol) const {
    for (int i = 0; i < 9; ++i)
        if (!(std::abs(m_[i] - o.m_[i]) <= tol)) return false;
    return true;
}

}  // namespace lumen::core
