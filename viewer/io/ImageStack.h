#pragma once
#include "core/ImageGeometry.h"
#include "core/InstanceRecord.h"
#include "core/Rescale.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace lumen::io {

// One frame of a stack: which file and which frame inside it. `instance == kGap` marks a
// slice missing from the series, kept so that the grid stays geometrically exact.
struct StackFrame {
    static constexpr std::size_t kGap = std::numeric_limits<std::size_t>::max();
    std::size_t instance = kGap;  // index into ImageStack::instances
    std::uint32_t frame = 0;
    double slope = 1.0, intercept = 0.0;  // this frame's modality rescale
};

// A regular grid assembled from (part of) a series: what the loader turns into a Volume.
struct ImageStack {
    std::string seriesUid;
    std::string modality;
    std::size_t stackIndex = 0;  // position among the stacks of its series
    std::string label;           // what sets it apart from the other stacks of the series
    core::ImageGeometry geometry;
    std::size_t timePoints = 1;
    std::vector<core::InstanceRecord> instances;
    std::vector<StackFrame> frames;        // slice k of time point t at [t * dims[2] + k]
    std::vector<double> slicePositionsMm;  // measured position of each slice along the normal
    std::vector<std::string> warnings;
    core::Rescale rescale;       // shared by all frames unless perFrameRescale
    bool perFrameRescale = false;

    // Gantry tilt or irregular spacing: `frames` then hold the acquired slices (one per origin
    // here, slice fastest), and the loader resamples them onto `geometry`.
    std::vector<core::Point3> acquiredSliceOrigins;
    bool needsResampling() const { return !acquiredSliceOrigins.empty(); }
    std::size_t frameSlices() const { return needsResampling() ? acquiredSliceOrigins.size() : geometry.dims()[2]; }

    const core::InstanceRecord& firstInstance() const { return instances.front(); }
    std::size_t missingSlices() const;
};

}  // namespace lumen::io
