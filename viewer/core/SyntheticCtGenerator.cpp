#include "core/SyntheticCtGenerator.h"

#include "core/ParallelFor.h"
#include "core/Progress.h"

#include <algorithm>
#include <cmath>

namespace lumen::core {

namespace {

// (x/a)² + (y/b)² + (z/c)² for an axis-aligned ellipsoid centred at (cx, cy, cz).
double ellipsoid(const Point3& p, double cx, double cy, double cz, double a, double b, double c) {
    const double dx = (p.x - cx) / a, dy = (p.y - cy) / b, dz = (p.z - cz) / c;
    return dx * dx + dy * dy + dz * dz;
}

double ellipse(const Point3& p, double cx, double cy, double a, double b) {
    const double dx = (p.x - cx) / a, dy = (p.y - cy) / b;
    return dx * dx + dy * dy;
}

// Cheap, stateless, reproducible noise: a hashed voxel index → approximately normal (sum of
// four uniforms), so every slice can be generated independently on any thread.
double noise(std::uint64_t index, std::uint32_t seed) {
    std::uint64_t h = index * 0x9E3779B97F4A7C15ull ^ (std::uint64_t(seed) << 32);
    double sum = 0;
    for (int i = 0; i < 4; ++i) {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        sum += double(h & 0xFFFF) / 65535.0;
    }
    return (sum - 2.0) * 1.7320508;  // unit variance
}

}  // namespace

double SyntheticCtGenerator::houndsfieldAt(const Point3& p, double zExtent) {
    // Patient axes (LPS): x to the patient's left, y posterior, z superior. The body is an
    // elliptic cylinder; the chest occupies the upper part of the z range, the abdomen the rest.
    const double zTop = zExtent / 2, chestFloor = zTop - 0.45 * zExtent;
    const double table = ellipse(p, 0, 400, 260, 260);
    if (p.y > 150 && p.y < 160 && std::abs(p.x) < 220 && table > 1) return 60;  // carbon-fibre table top
    const double body = ellipse(p, 0, 10, 165, 115);
    if (body > 1.0) return -1000;
    if (body > 0.80) return -100;  // subcutaneous fat
    if (body > 0.76) return 45;    // abdominal wall / chest wall muscle

    // Spine: vertebral bodies with discs every 30 mm; cortical rim, cancellous core.
    const double vertebra = ellipse(p, 0, 75, 22, 18);
    if (vertebra <= 1.0) {
        const double phase = std::fmod(std::abs(p.z) + 1000.0, 30.0);
        if (phase < 5.0) return 90;  // intervertebral disc
        return vertebra > 0.7 ? 700 : 250;
    }
    if (ellipse(p, 0, 105, 12, 14) <= 1.0) return 400;  // spinous process
    const double aorta = ellipse(p, -25 + (p.z < chestFloor ? 5.0 : 0.0), 50, 12, 12);
    if (aorta <= 1.0) return 210;  // contrast-enhanced lumen

    if (p.z > chestFloor) {
        // Ribs: arcs in the chest wall every 25 mm, sloping down towards the front and ending
        // short of the sternum, which sits in front of the heart.
        const double ring = body;
        const double ribPhase = std::fmod(std::abs(p.z + 0.3 * (p.y + 100.0)) + 1000.0, 25.0);
        if (ring > 0.62 && ring < 0.72 && p.y > -75 && ribPhase < 9.0) return 600;
        if (std::abs(p.x) < 14 && p.y < -95 && p.y > -108) return 450;  // sternum
        const double heart = ellipsoid(p, 25, -20, chestFloor + 60, 60, 50, 55);
        if (heart <= 1.0) return 40;
        for (double side : {-1.0, 1.0}) {
            const double lung = ellipsoid(p, side * 75, 15, chestFloor + 0.55 * (zTop - chestFloor), 62, 80,
                                          0.55 * (zTop - chestFloor));
            if (lung <= 1.0) {
                // Vessels branch through the lung as thin bright tubes.
                const double vx = std::sin(p.z * 0.21 + side) * 18 + side * 75, vy = std::cos(p.z * 0.17) * 22;
                if (std::hypot(p.x - vx, p.y - vy) < 3.5) return 40;
                return -860;
            }
        }
        return 35;  // mediastinum
    }
    // Abdomen.
    const double liverZ = chestFloor - 70;
    if (ellipsoid(p, -70, -10, liverZ, 80, 70, 75) <= 1.0) return 60;
    for (double side : {-1.0, 1.0})
        if (ellipsoid(p, side * 65, 60, liverZ - 80, 28, 22, 50) <= 1.0) return 150;  // enhancing kidney
    if (ellipsoid(p, 60, -30, liverZ + 10, 40, 30, 40) <= 1.0) return -500;  // gas in the stomach
    return 35;  // bowel and soft tissue
}

Volume SyntheticCtGenerator::generate(const Options& o, Progress* progress) {
    const double half = double(o.size - 1) / 2.0 * o.pixelSpacing;
    const double zExtent = double(o.slices - 1) * o.sliceSpacing;
    // Axial slices stacked foot to head: origin at the right-anterior-inferior corner.
    const ImageGeometry geometry({o.size, o.size, o.slices}, {o.pixelSpacing, o.pixelSpacing, o.sliceSpacing},
                                 {-half, -half, -zExtent / 2});
    Volume volume = Volume::allocate(PixelType::Int16, geometry);
    volume.setRescale({1.0, -1024.0, "HU"});
    auto* voxels = volume.as<std::int16_t>();
    if (progress) progress->beginStage("Generating synthetic CT", o.slices);
    parallelFor(o.slices, 0, [&](std::size_t k) {
        if (progress) progress->checkCanceled();
        std::int16_t* slice = voxels + k * o.size * o.size;
        for (std::size_t j = 0; j < o.size; ++j)
            for (std::size_t i = 0; i < o.size; ++i) {
                const Point3 p = geometry.indexToWorld({double(i), double(j), double(k)});
                const std::size_t index = (k * o.size + j) * o.size + i;
                double hu = houndsfieldAt(p, zExtent);
                if (hu > -1000) hu += o.noiseHu * noise(index, o.seed);
                slice[j * o.size + i] = std::int16_t(std::clamp(std::lround(hu + 1024.0), 0L, 4095L));
            }
        if (progress) progress->advance();
    });
    return volume;
}

}  // namespace lumen::core
