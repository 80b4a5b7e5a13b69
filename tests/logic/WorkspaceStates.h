#pragma once
// Two distinct, fully populated annotation states on one grid: what the workspace tests save,
// reload and (in the crash test) kill the writer in the middle of saving.
#include "core/Annotation.h"

namespace lumen::test {

inline core::ImageGeometry workspaceGrid() { return core::ImageGeometry({128, 128, 64}, {0.8, 0.8, 1.5}, {-50, -50, -40}); }

inline core::AnnotationSet workspaceState(int which) {
    core::AnnotationSet s;
    s.seriesInstanceUid = "1.2.826.0.1.3680043.8.498.1";
    s.labels = core::LabelMap(workspaceGrid());
    s.labels.labels().set({1, "liver", {200, 100, 50, 255}});
    s.labels.labels().set({2, which ? "lesion B" : "lesion A", {255, 0, 0, 255}});
    const core::ImageGeometry grid = workspaceGrid();
    const auto& d = grid.dims();
    for (std::size_t k = 0; k < d[2]; ++k)
        for (std::size_t j = 0; j < d[1]; ++j)
            for (std::size_t i = 0; i < d[0]; ++i)
                if ((i * 7 + j * 3 + k * (which ? 5 : 11)) % 13 < 4) s.labels.set(i, j, k, std::uint16_t(1 + (i + k) % 2));
    core::SegmentInfo seg;
    seg.value = 1;
    seg.codingScheme = "SCT", seg.codeValue = "10200004", seg.codeMeaning = "Liver";
    seg.provenance = {"brain-structures", "1.0", "annotator", "2026-11-26T10:00:00Z", "2026-11-26T10:05:00Z", true, 120, 35, 42.5,
                      "Cerebrum and brainstem is 3100 mL; in the training data it was 852–2445 mL"};
    s.segments.push_back(seg);
    core::Finding f;
    f.id = 7;
    f.className = "lesion";
    f.score = which ? 0.25 : 0.875;
    f.boxMin = {1.5, -2.25, 3};
    f.boxMax = {11.5, 8, 14.125};
    f.status = which ? core::Finding::Status::Rejected : core::Finding::Status::Accepted;
    f.provenance.source = "lesion-detector";
    f.provenance.modelVersion = "1.0";
    s.findings.push_back(f);
    // Enough findings that writing annotations.json takes as long as the label map, so that kills
    // land inside it too.
    for (std::uint64_t n = 0; n < 1500; ++n) {
        f.id = 100 + n;
        f.score = double(n % 1000) / 1000;
        s.findings.push_back(f);
    }
    core::Classification c;
    c.className = "lesion";
    c.probabilities = {{"no lesion", 0.125}, {"lesion", 0.875}};
    s.classifications.push_back(c);
    core::Measurement m;
    m.id = 3;
    m.kind = core::Measurement::Kind::Ellipse;
    m.points = {{0, 0, 0}, {10, 5, 0}};
    m.value = 39.27;
    m.statistics = core::RegionStatistics{40.5, 12.25, 3, 80, 39.27, 55};
    m.units = "HU";
    m.label = which ? "B" : "A";
    s.measurements.push_back(m);
    return s;
}

}  // namespace lumen::test
