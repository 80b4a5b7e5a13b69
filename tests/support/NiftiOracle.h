#pragma once
// NIfTI volumes as nibabel reads them (written by tests/oracles/*.py), and the check that a
// Lumen volume puts every voxel at the same world position with the same value.
#include "core/Volume.h"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lumen::test {

struct NiftiVolume {
    std::string name;
    std::array<std::array<double, 4>, 4> lps{};  // index → LPS world (nibabel's RAS affine, converted)
    std::array<std::size_t, 3> shape{};
    std::vector<double> data;  // scaled values, i fastest
    double at(long i, long j, long k) const {
        return data[std::size_t((k * long(shape[1]) + j) * long(shape[0]) + i)];
    }
    core::Vector3 indexOf(const core::Vector3& world) const;
    core::Vector3 worldOf(const core::Vector3& index) const;
};

// Reads OUTDIR/volumes.json written by dcm2niix_nifti.py or nibabel_read.py.
std::vector<NiftiVolume> readOracleVolumes(const std::filesystem::path& dir);
// Runs nibabel_read.py on files.
std::vector<NiftiVolume> readWithNibabel(const std::vector<std::string>& files, const std::filesystem::path& workDir);

struct PlacementComparison {
    std::size_t compared = 0, differing = 0, edgeDisagreements = 0;
    double maxPositionErrorMm = 0, maxValueError = 0;
};

// Every voxel of `v` looked up at its world position in `n`. With `background`, voxels that
// only one side holds as background are counted apart (resampled footprints).
PlacementComparison compareByPlacement(const core::Volume& v, const NiftiVolume& n,
                                       std::optional<double> background = std::nullopt);

}  // namespace lumen::test
