#include "io/SeriesAssembler.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <tuple>

namespace lumen::io {

using core::Vector3;

std::size_t ImageStack::missingSlices() const {
    return std::size_t(std::count_if(frames.begin(), frames.end(),
                                     [](const StackFrame& f) { return f.instance == StackFrame::kGap; }));
}

namespace {

struct Entry {
    std::size_t instance = 0;  // index into series.instances
    std::uint32_t frame = 0;
    std::optional<Vector3> position;
    std::optional<std::array<double, 6>> orientation;
    std::array<double, 2> pixelSpacing{1, 1};
    bool hasPixelSpacing = false;
    double slope = 1, intercept = 0;
    int stackId = 0;
    int acquisition = 0;
    std::optional<double> temporal;  // what orders repeated positions in time
    double along = 0;                // position along the slice normal
};

std::string format(const char* fmt, double a, double b = 0, double c = 0) {
    char buf[200];
    std::snprintf(buf, sizeof buf, fmt, a, b, c);
    return buf;
}

double timeOfDaySeconds(const std::string& tm) {
    if (tm.size() < 6) return std::atof(tm.c_str());
    return std::atof(tm.substr(0, 2).c_str()) * 3600 + std::atof(tm.substr(2, 2).c_str()) * 60 +
           std::atof(tm.substr(4).c_str());
}

Vector3 normalOf(const std::array<double, 6>& o) {
    return Vector3{o[0], o[1], o[2]}.cross(Vector3{o[3], o[4], o[5]}).normalized();
}

std::vector<Entry> expand(const core::SeriesRecord& series) {
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < series.instances.size(); ++i) {
        const auto& r = series.instances[i];
        if (!r.hasPixelData) continue;
        for (std::uint32_t f = 0; f < r.numberOfFrames; ++f) {
            Entry e;
            e.instance = i;
            e.frame = f;
            e.position = r.position;
            e.orientation = r.orientation;
            if (r.pixelSpacing) { e.pixelSpacing = *r.pixelSpacing; e.hasPixelSpacing = true; }
            e.slope = r.rescaleSlope;
            e.intercept = r.rescaleIntercept;
            e.acquisition = r.acquisitionNumber.value_or(0);
            if (r.temporalPositionIdentifier) e.temporal = *r.temporalPositionIdentifier;
            else if (r.triggerTime) e.temporal = *r.triggerTime;
            else if (!r.acquisitionTime.empty()) e.temporal = timeOfDaySeconds(r.acquisitionTime);
            else if (!r.contentTime.empty()) e.temporal = timeOfDaySeconds(r.contentTime);

            if (!r.frames.empty()) {  // enhanced multi-frame
                const auto& fr = r.frames[f];
                e.position = fr.position;
                e.orientation = fr.orientation;
                if (fr.pixelSpacing) { e.pixelSpacing = *fr.pixelSpacing; e.hasPixelSpacing = true; }
                e.slope = fr.rescaleSlope.value_or(e.slope);
                e.intercept = fr.rescaleIntercept.value_or(e.intercept);
                e.stackId = fr.stackId.value_or(0);
                if (fr.temporalPositionIndex) e.temporal = *fr.temporalPositionIndex;
            } else if (r.numberOfFrames > 1 && r.position && r.orientation) {  // classic multi-frame
                const Vector3 n = normalOf(*r.orientation);
                if (r.gridFrameOffsets.size() == r.numberOfFrames) {
                    e.position = *r.position + n * (r.gridFrameOffsets[f] - r.gridFrameOffsets[0]);
                } else if (double s = r.spacingBetweenSlices.value_or(r.sliceThickness.value_or(0)); s > 0) {
                    e.position = *r.position + n * (s * f);
                } else {
                    e.temporal = f;  // a cine loop: every frame at the same place
                }
            }
            if (e.position && e.orientation) e.along = normalOf(*e.orientation).dot(*e.position);
            entries.push_back(e);
        }
    }
    return entries;
}

// Frames that can share one grid: same size, pixel format, orientation, pixel spacing, echo
// and enhanced stack. Rounding keeps scanner jitter (1e-4) from splitting stacks. Acquisition
// is not part of it: sequential CT numbers every slice as its own acquisition.
using PartitionKey = std::tuple<std::uint32_t, std::uint32_t, int, int, std::string, bool,
                                std::array<long, 6>, std::array<long, 2>, int, int>;

PartitionKey partitionKey(const Entry& e, const core::SeriesRecord& s) {
    const auto& r = s.instances[e.instance];
    std::array<long, 6> ori{};
    if (e.orientation)
        for (int i = 0; i < 6; ++i) ori[i] = std::lround((*e.orientation)[i] * 1000);
    const std::array<long, 2> ps{std::lround(e.pixelSpacing[0] * 1000), std::lround(e.pixelSpacing[1] * 1000)};
    const bool colour = r.samplesPerPixel == 3 || r.photometricInterpretation == "PALETTE COLOR";
    return {r.rows, r.columns, r.bitsAllocated, r.pixelRepresentation, colour ? "colour" : "grey",
            bool(e.position && e.orientation), ori, ps, r.echoNumber.value_or(0), e.stackId};
}

struct Slot {
    double along;
    std::vector<Entry> entries;  // one per time point
};

ImageStack newStack(const core::SeriesRecord& series, const std::vector<Entry>& used,
                    std::map<std::size_t, std::size_t>& remap) {
    ImageStack stack;
    stack.seriesUid = series.seriesUid;
    stack.modality = series.modality;
    for (const Entry& e : used) {
        if (remap.count(e.instance)) continue;
        remap[e.instance] = stack.instances.size();
        stack.instances.push_back(series.instances[e.instance]);
    }
    const Entry& first = used.front();
    stack.rescale = {first.slope, first.intercept, series.instances[first.instance].rescaleType};
    for (const Entry& e : used)
        if (e.slope != first.slope || e.intercept != first.intercept) stack.perFrameRescale = true;
    if (stack.rescale.units.empty() && series.modality == "CT") stack.rescale.units = "HU";
    const auto& r = series.instances[first.instance];
    stack.label = std::to_string(r.columns) + "x" + std::to_string(r.rows);
    if (r.echoNumber) stack.label += ", echo " + std::to_string(*r.echoNumber);
    if (r.acquisitionNumber) stack.label += ", acquisition " + std::to_string(*r.acquisitionNumber);
    return stack;
}

// Slice spacing and gap analysis along the normal.
struct SliceLayout {
    std::vector<std::size_t> gridIndexOfSlot;  // where each acquired slice sits on the grid
    std::size_t gridSlices = 1;
    double spacing = 1;
    bool irregular = false;  // spacing varies by other than whole missing slices
    bool separate = false;   // gaps too wide to bridge: the acquired slices one after another
};

// A gap wider than this many times the slice spacing is not filled by interpolation: that would
// fabricate anatomy over centimetres (pydicom's "Routine Brain": 4 slices, one 202 mm away).
constexpr double kMaxInterpolatedGap = 3.0;

SliceLayout layoutSlices(const std::vector<Slot>& slots, const core::InstanceRecord& first,
                         std::vector<std::string>& warnings) {
    SliceLayout layout;
    const std::size_t n = slots.size();
    layout.gridIndexOfSlot.resize(n, 0);
    if (n == 1) {
        layout.spacing = first.spacingBetweenSlices.value_or(first.sliceThickness.value_or(1.0));
        if (!(layout.spacing > 0)) layout.spacing = 1.0;
        return layout;
    }
    std::vector<double> gaps(n - 1);
    for (std::size_t k = 0; k + 1 < n; ++k) gaps[k] = slots[k + 1].along - slots[k].along;
    std::vector<double> sorted = gaps;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    const double nominal = sorted[sorted.size() / 2];
    const double tol = std::max(0.01, 0.01 * nominal);
    const auto [minGap, maxGap] = std::minmax_element(gaps.begin(), gaps.end());

    bool multiples = true;
    std::size_t missing = 0;
    for (double g : gaps) {
        const double k = std::round(g / nominal);
        if (k < 1 || std::abs(g - k * nominal) > tol * k) multiples = false;
        else missing += std::size_t(k) - 1;
    }
    const double extent = slots.back().along - slots.front().along;
    if ((!multiples || missing > 4 * n) && *maxGap > kMaxInterpolatedGap * *minGap) {
        layout.separate = true;
        layout.spacing = *minGap;
        layout.gridSlices = n;
        for (std::size_t k = 0; k < n; ++k) layout.gridIndexOfSlot[k] = k;
        warnings.push_back(std::to_string(n) + format(" images up to %.4g mm apart (more than %.3g times their %.4g mm spacing): ",
                                                      *maxGap, kMaxInterpolatedGap, *minGap) +
                           "shown one after another as acquired, not interpolated; distances across slices are not to scale");
        return layout;
    }
    if (!multiples || missing > 4 * n) {
        // Resampled onto the finest acquired spacing (as dcm2niix's equidistant output).
        layout.irregular = true;
        layout.spacing = *minGap;
        layout.gridSlices = std::size_t(std::floor(extent / *minGap + 1e-6)) + 1;
        warnings.push_back(format("non-uniform slice spacing (%.3g to %.3g mm): resampled onto a regular %.4g mm "
                                  "grid by linear interpolation between the acquired slices",
                                  *minGap, *maxGap, layout.spacing));
        return layout;
    }
    std::size_t grid = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (k > 0) grid += std::size_t(std::round(gaps[k - 1] / nominal));
        layout.gridIndexOfSlot[k] = grid;
    }
    layout.gridSlices = grid + 1;
    layout.spacing = extent / double(grid);
    if (missing > 0)
        warnings.push_back(std::to_string(missing) + " missing slice(s): the gaps are left blank so that "
                           "the other slices keep their true positions");
    return layout;
}

// Degrees by which the slices are sheared off their normal (gantry tilt), 0 when stacked straight.
double tiltDegrees(const std::vector<Slot>& slots, const Vector3& normal, double& drift) {
    drift = 0;
    if (slots.size() < 2) return 0;
    const Vector3 v = *slots.back().entries[0].position - *slots.front().entries[0].position;
    const double along = v.dot(normal);
    drift = (v - normal * along).norm();
    return std::atan2(drift, std::abs(along)) * 180.0 / 3.14159265358979323846;
}

void finishStack(const core::SeriesRecord& series, std::vector<Slot> slots, std::vector<ImageStack>& out,
                 std::vector<std::string> warnings) {
    std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.along < b.along; });
    std::vector<Entry> used;
    for (const auto& s : slots) used.insert(used.end(), s.entries.begin(), s.entries.end());
    std::map<std::size_t, std::size_t> remap;
    ImageStack stack = newStack(series, used, remap);
    const Entry& e0 = slots.front().entries.front();
    const auto& o = *e0.orientation;
    const Vector3 row{o[0], o[1], o[2]}, col{o[3], o[4], o[5]}, normal = normalOf(o);
    if (!e0.hasPixelSpacing) warnings.push_back(kMissingSpacingWarning);
    const auto& r = series.instances[e0.instance];
    const double dx = e0.pixelSpacing[1], dy = e0.pixelSpacing[0];

    SliceLayout layout = layoutSlices(slots, r, warnings);
    double drift = 0;
    const double tilt = layout.separate ? 0 : tiltDegrees(slots, normal, drift);  // separate images are not sheared
    const bool colour = r.samplesPerPixel == 3 || r.photometricInterpretation == "PALETTE COLOR";
    const bool resample = (layout.irregular || tilt > 0.01) && !colour;
    if (tilt > 0.01)
        warnings.push_back(format(resample ? "gantry/detector tilt of %.2f degrees (%.1f mm in-plane drift): slices "
                                             "resampled onto an orthogonal grid"
                                           : "gantry/detector tilt of %.2f degrees (%.1f mm in-plane drift): colour "
                                             "slices shown unsheared, positions are approximate",
                                  tilt, drift));

    const std::size_t nt = slots.front().entries.size();
    stack.timePoints = nt;
    core::Point3 origin = *e0.position;
    std::size_t nx = r.columns, ny = r.rows, nz = layout.gridSlices;
    if (resample) {
        // Frames are the acquired slices; the grid covers every slice's footprint.
        double minU = 0, maxU = 0, minV = 0, maxV = 0;
        for (const auto& s : slots) {
            const Vector3 d = *s.entries[0].position - *e0.position;
            stack.acquiredSliceOrigins.push_back(*s.entries[0].position);
            minU = std::min(minU, d.dot(row)), maxU = std::max(maxU, d.dot(row));
            minV = std::min(minV, d.dot(col)), maxV = std::max(maxV, d.dot(col));
        }
        nx += std::size_t(std::ceil((maxU - minU) / dx - 1e-6));
        ny += std::size_t(std::ceil((maxV - minV) / dy - 1e-6));
        origin = origin + row * minU + col * minV;
        layout.gridIndexOfSlot.resize(slots.size());
        for (std::size_t k = 0; k < slots.size(); ++k) layout.gridIndexOfSlot[k] = k;
        if (!layout.irregular) layout.spacing = (slots.back().along - slots.front().along) / double(slots.size() - 1);
        if (!layout.irregular) nz = slots.size();
    }
    const std::size_t frameSlices = resample ? slots.size() : nz;
    stack.frames.assign(frameSlices * nt, StackFrame{});
    stack.slicePositionsMm.assign(nz, 0.0);
    for (std::size_t k = 0; k < nz; ++k) stack.slicePositionsMm[k] = slots.front().along + double(k) * layout.spacing;
    for (std::size_t s = 0; s < slots.size(); ++s) {
        const std::size_t k = layout.gridIndexOfSlot[s];
        if (!resample) stack.slicePositionsMm[k] = slots[s].along;
        for (std::size_t t = 0; t < nt; ++t) {
            const Entry& e = slots[s].entries[t];
            stack.frames[t * frameSlices + k] = {remap[e.instance], e.frame, e.slope, e.intercept};
        }
    }
    stack.geometry = core::ImageGeometry({nx, ny, nz}, {dx, dy, layout.spacing}, origin,
                                         core::Matrix3::fromColumns(row, col, normal));
    if (nt > 1) stack.label += ", " + std::to_string(nt) + " time points";
    stack.warnings = std::move(warnings);
    out.push_back(std::move(stack));
}

std::vector<Slot> slotsOf(std::vector<Entry> part) {
    std::stable_sort(part.begin(), part.end(), [](const Entry& a, const Entry& b) { return a.along < b.along; });
    std::vector<Slot> slots;
    for (const Entry& e : part) {
        if (slots.empty() || e.along - slots.back().along > 0.01) slots.push_back({e.along, {}});
        slots.back().entries.push_back(e);
    }
    return slots;
}

void buildGeometricStacks(const core::SeriesRecord& series, std::vector<Entry> part, std::vector<ImageStack>& out,
                          bool splitAcquisitions = true) {
    std::vector<Slot> slots = slotsOf(part);
    std::size_t maxCount = 0, minCount = part.size();
    for (const auto& s : slots) {
        maxCount = std::max(maxCount, s.entries.size());
        minCount = std::min(minCount, s.entries.size());
    }
    if (maxCount == 1) return finishStack(series, std::move(slots), out, {});

    // Repeated positions: time points when a temporal attribute orders them.
    bool temporal = minCount == maxCount;
    for (auto& s : slots) {
        std::stable_sort(s.entries.begin(), s.entries.end(), [](const Entry& a, const Entry& b) {
            return a.temporal.value_or(0) < b.temporal.value_or(0);
        });
        for (std::size_t i = 0; temporal && i < s.entries.size(); ++i)
            if (!s.entries[i].temporal || (i > 0 && *s.entries[i].temporal == *s.entries[i - 1].temporal))
                temporal = false;
    }
    if (temporal) return finishStack(series, std::move(slots), out, {});

    // Separate acquisitions (a scout and the main run, repeated scans) become separate stacks.
    std::map<int, std::vector<Entry>> byAcquisition;
    for (const Entry& e : part) byAcquisition[e.acquisition].push_back(e);
    if (splitAcquisitions && byAcquisition.size() > 1) {
        for (auto& [acquisition, entries] : byAcquisition) buildGeometricStacks(series, entries, out, false);
        return;
    }

    // Nothing tells the repeats apart: the n-th image at each position goes to stack n.
    for (std::size_t occurrence = 0; occurrence < maxCount; ++occurrence) {
        std::vector<Slot> sub;
        for (const auto& s : slots) {
            std::vector<Entry> byFileOrder = s.entries;
            std::sort(byFileOrder.begin(), byFileOrder.end(), [](const Entry& a, const Entry& b) {
                return std::tie(a.instance, a.frame) < std::tie(b.instance, b.frame);
            });
            if (occurrence < byFileOrder.size()) sub.push_back({s.along, {byFileOrder[occurrence]}});
        }
        finishStack(series, std::move(sub), out,
                    {"images repeat slice positions with no temporal attribute telling them apart: "
                     "split into " + std::to_string(maxCount) + " stacks in file order"});
    }
}

// No ImagePositionPatient/ImageOrientationPatient (secondary capture, some projections):
// keep file order on a nominal grid.
void buildOrderedStack(const core::SeriesRecord& series, const std::vector<Entry>& part, std::vector<ImageStack>& out) {
    std::map<std::size_t, std::size_t> remap;
    ImageStack stack = newStack(series, part, remap);
    const auto& r = series.instances[part.front().instance];
    const Entry& e0 = part.front();
    for (const Entry& e : part) stack.frames.push_back({remap[e.instance], e.frame, e.slope, e.intercept});
    stack.geometry = core::ImageGeometry({r.columns, r.rows, part.size()}, {e0.pixelSpacing[1], e0.pixelSpacing[0], 1.0},
                                         {0, 0, 0});
    stack.slicePositionsMm.resize(part.size());
    for (std::size_t k = 0; k < part.size(); ++k) stack.slicePositionsMm[k] = double(k);
    if (part.size() > 1)
        stack.warnings.push_back("no patient geometry (ImagePositionPatient/ImageOrientationPatient): "
                                 "images in file order, 1 mm apart");
    out.push_back(std::move(stack));
}

}  // namespace

std::vector<ImageStack> SeriesAssembler::assemble(const core::SeriesRecord& series) {
    const std::vector<Entry> entries = expand(series);
    std::vector<std::vector<Entry>> partitions;
    std::map<PartitionKey, std::size_t> partitionOf;
    for (const Entry& e : entries) {
        auto [it, added] = partitionOf.try_emplace(partitionKey(e, series), partitions.size());
        if (added) partitions.emplace_back();
        partitions[it->second].push_back(e);
    }
    std::vector<ImageStack> stacks;
    for (auto& part : partitions) {
        if (part.front().position && part.front().orientation)
            buildGeometricStacks(series, std::move(part), stacks);
        else
            buildOrderedStack(series, part, stacks);
    }
    for (std::size_t i = 0; i < stacks.size(); ++i) stacks[i].stackIndex = i;
    return stacks;
}

}  // namespace lumen::io
