#include "NiftiOracle.h"

#include "TestSupport.h"
#include "core/Matrix3.h"

#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace lumen::test {

core::Vector3 NiftiVolume::worldOf(const core::Vector3& p) const {
    core::Vector3 w;
    for (int r = 0; r < 3; ++r) w[r] = lps[r][0] * p.x + lps[r][1] * p.y + lps[r][2] * p.z + lps[r][3];
    return w;
}

core::Vector3 NiftiVolume::indexOf(const core::Vector3& world) const {
    core::Matrix3 a;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) a(r, c) = lps[r][c];
    return a.inverse() * (world - core::Vector3{lps[0][3], lps[1][3], lps[2][3]});
}

std::vector<NiftiVolume> readOracleVolumes(const std::filesystem::path& dir) {
    const auto j = nlohmann::json::parse(readText(dir / "volumes.json"));
    std::vector<NiftiVolume> result;
    for (const auto& v : j["volumes"]) {
        NiftiVolume n;
        n.name = v["name"];
        for (int a = 0; a < 3; ++a) n.shape[a] = v["shape"][a];
        for (int row = 0; row < 4; ++row)
            for (int c = 0; c < 4; ++c) {
                const double x = v["affine_ras"][row][c];
                n.lps[row][c] = row < 2 ? -x : x;  // RAS → LPS: negate the first two rows
            }
        const std::string raw = readText(dir / v["data"].get<std::string>());
        n.data.resize(raw.size() / sizeof(double));
        std::memcpy(n.data.data(), raw.data(), raw.size());
        result.push_back(std::move(n));
    }
    return result;
}

std::vector<NiftiVolume> readWithNibabel(const std::vector<std::string>& files, const std::filesystem::path& workDir) {
    std::string cmd = std::string(kDebianPython) + " " + quote(oracleScript("nibabel_read.py")) + " " + quote(workDir);
    for (const auto& f : files) cmd += " " + quote(f);
    const auto r = run(cmd);
    if (r.exitCode != 0) throw std::runtime_error("nibabel_read.py failed: " + r.err);
    return readOracleVolumes(workDir);
}

PlacementComparison compareByPlacement(const core::Volume& v, const NiftiVolume& n, std::optional<double> background) {
    PlacementComparison c;
    const auto& g = v.geometry();
    const auto& d = g.dims();
    for (std::size_t k = 0; k < d[2]; ++k)
        for (std::size_t j = 0; j < d[1]; ++j)
            for (std::size_t i = 0; i < d[0]; ++i) {
                const core::Vector3 world = g.indexToWorld({double(i), double(j), double(k)});
                const core::Vector3 idx = n.indexOf(world);
                const long ni = std::lround(idx.x), nj = std::lround(idx.y), nk = std::lround(idx.z);
                if (ni < 0 || nj < 0 || nk < 0 || ni >= long(n.shape[0]) || nj >= long(n.shape[1]) ||
                    nk >= long(n.shape[2])) {
                    ++c.differing;
                    c.maxPositionErrorMm = 1e9;
                    continue;
                }
                const core::Vector3 back = n.worldOf({double(ni), double(nj), double(nk)});
                c.maxPositionErrorMm = std::max(c.maxPositionErrorMm, (back - world).norm());
                const double mine = v.realValueAt(i, j, k), theirs = n.at(ni, nj, nk);
                if (background && (mine == *background) != (theirs == *background)) {
                    ++c.edgeDisagreements;
                    continue;
                }
                const double diff = std::abs(mine - theirs);
                c.maxValueError = std::max(c.maxValueError, diff);
                ++c.compared;
                c.differing += diff > 0;
            }
    return c;
}

}  // namespace lumen::test
