#pragma once
#include <cmath>

namespace lumen::core {

// A 3-vector of doubles: a world point (LPS, mm), a direction, or a continuous voxel index.
struct Vector3 {
    double x = 0, y = 0, z = 0;

    constexpr double operator[](int i) const { return i == 0 ? x : (i == 1 ? y : z); }
    constexpr double& operator[](int i) { return i == 0 ? x : (i == 1 ? y : z); }

    constexpr Vector3 operator+(const Vector3& o) const { return {x + o.x, y + o.y, z + o.z}; }
    constexpr Vector3 operator-(const Vector3& o) const { return {x - o.x, y - o.y, z - o.z}; }
    constexpr Vector3 operator*(double s) const { return {x * s, y * s, z * s}; }
    constexpr Vector3 operator/(double s) const { return {x / s, y / s, z / s}; }
    constexpr Vector3 operator-() const { return {-x, -y, -z}; }
    Vector3& operator+=(const Vector3& o) { x += o.x; y += o.y; z += o.z; return *this; }
    Vector3& operator-=(const Vector3& o) { x -= o.x; y -= o.y; z -= o.z; return *this; }

    constexpr double dot(const Vector3& o) const { return x * o.x + y * o.y + z * o.z; }
    constexpr Vector3 cross(const Vector3& o) const {
        return {y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x};
    }
    // Component-wise product (index ∘ spacing).
    constexpr Vector3 scaled(const Vector3& o) const { return {x * o.x, y * o.y, z * o.z}; }
    double norm() const { return std::sqrt(dot(*this)); }
    Vector3 normalized() const { double n = norm(); return n > 0 ? *this / n : *this; }
    bool isFinite() const { return std::isfinite(x) && std::isfinite(y) && std::isfinite(z); }
    bool isApprox(const Vector3& o, double tol) const {
        return std::abs(x - o.x) <= tol && std::abs(y - o.y) <= tol && std::abs(z - o.z) <= tol;
    }
};

using Point3 = Vector3;

}  // namespace lumen::core
