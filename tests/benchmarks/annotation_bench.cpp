// Annotation tools on a CT-sized label map (512 × 512 × 400, 0.7 × 0.7 × 1 mm): brush dab time,
// undo memory after 100 strokes (against the whole-map copies Slicer's undo used to keep),
// slice interpolation across 40 slices. Prints one JSON line; annotation_bench.sh makes the table.
#include "core/LabelMapEdit.h"
#include "logic/BrushTool.h"
#include "logic/Workspace.h"
#include "logic/LabelRegionTools.h"

#include <algorithm>
#include <chrono>
#include <unistd.h>
#include <filesystem>
#include <cmath>
#include <iostream>
#include <random>

using namespace lumen;
using Clock = std::chrono::steady_clock;

namespace {
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }
double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p / 100 * double(v.size())))];
}
}  // namespace

int main() {
    const core::ImageGeometry g({512, 512, 400}, {0.7, 0.7, 1.0}, {-179, -179, -200});
    core::LabelMap labels(g);
    core::LabelUndoStack undo(std::size_t(1) << 40);  // unbounded: measure what 100 strokes cost
    logic::BrushTool brush(labels);
    logic::BrushSettings s;
    s.radiusMm = 10;
    std::mt19937 rng(1);
    std::uniform_real_distribution<double> u(-120, 120), z(-150, 150), angle(0, 2 * M_PI);
    std::vector<double> discDab, sphereDab, strokeEnd;
    for (int stroke = 0; stroke < 100; ++stroke) {
        s.sphere = stroke % 4 == 3;  // a quarter of the strokes with the 3D ball
        s.label = static_cast<std::uint16_t>(1 + stroke % 5);
        brush.setSettings(s);
        core::Point3 p{u(rng), u(rng), z(rng)};
        const double a = angle(rng);
        const core::Vector3 step{5 * std::cos(a), 5 * std::sin(a), 0};  // 10 moves of 5 mm: a 50 mm stroke
        brush.begin(p, {0, 0, 1});
        for (int m = 0; m < 10; ++m) {
            p = p + step;
            const auto t = Clock::now();
            brush.drag(p);
            (s.sphere ? sphereDab : discDab).push_back(msSince(t));
        }
        const auto t = Clock::now();
        if (auto edit = brush.end()) undo.push(std::move(*edit));
        strokeEnd.push_back(msSince(t));
    }
    const double undoMb = double(undo.bytes()) / (1 << 20);
    const double fullCopiesMb = 100.0 * double(labels.voxels().byteSize()) / (1 << 20);

    // Workspace autosave of the painted map (what the viewer writes a second after an edit).
    const auto folder = std::filesystem::temp_directory_path() / ("lumen-annotation-bench-" + std::to_string(::getpid()));
    logic::Workspace workspace(folder);
    core::AnnotationSet painted;
    auto snapshotStart = Clock::now();  // what the viewer copies before handing it to the writer thread
    painted.labels = labels.clone();
    const double snapshotMs = msSince(snapshotStart);
    auto saveStart = Clock::now();
    workspace.autosave(painted);
    const double autosaveMs = msSince(saveStart);
    std::filesystem::remove_all(folder);

    // Interpolation: two 40 mm discs 40 slices apart, of another label.
    core::LabelMap slab(g);
    const auto disc = [&](std::size_t k, double r) {
        for (std::size_t j = 0; j < 512; ++j)
            for (std::size_t i = 0; i < 512; ++i)
                if (std::hypot((double(i) - 256) * 0.7, (double(j) - 256) * 0.7) <= r) slab.set(i, j, k, 1);
    };
    disc(180, 40);
    disc(220, 25);
    core::LabelMapEdit edit;
    auto t = Clock::now();
    const std::size_t planes = logic::interpolateSlices(slab, 1, 2, edit);
    const double interpolateMs = msSince(t);
    t = Clock::now();
    edit.finish(slab);
    const double finishMs = msSince(t);

    std::cout << "{\"disc_dab_ms_median\":" << percentile(discDab, 50) << ",\"disc_dab_ms_p95\":" << percentile(discDab, 95)
              << ",\"sphere_dab_ms_median\":" << percentile(sphereDab, 50) << ",\"sphere_dab_ms_p95\":" << percentile(sphereDab, 95)
              << ",\"stroke_end_ms_median\":" << percentile(strokeEnd, 50) << ",\"undo_mb_100_strokes\":" << undoMb
              << ",\"full_copies_mb\":" << fullCopiesMb << ",\"interpolated_planes\":" << planes
              << ",\"interpolate_ms\":" << interpolateMs + finishMs << ",\"autosave_ms\":" << autosaveMs << ",\"snapshot_ms\":" << snapshotMs << "}\n";
    return 0;
}
