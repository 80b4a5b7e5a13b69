#include "core/ViewOrientation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace lumen::core {

ViewFrame standardViewFrame(ViewOrientation o) {
    switch (o) {
        case ViewOrientation::Axial: return {{0, 0, 1}, {0, -1, 0}, {1, 0, 0}};
        case ViewOrientation::Coronal: return {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}};
        case ViewOrientation::Sagittal: return {{-1, 0, 0}, {0, 0, 1}, {0, 1, 0}};
    }
    return {};
}

ViewFrame gridAlignedViewFrame(ViewOrientation o, const ImageGeometry& g) {
    const ViewFrame standard = standardViewFrame(o);
    // The grid axis (signed) nearest to `v`, skipping `taken`.
    auto snap = [&g](const Vector3& v, int taken, int& chosen) {
        double best = -1;
        for (int a = 0; a < 3; ++a) {
            if (a == taken) continue;
            const double d = std::abs(g.axis(a).dot(v));
            if (d > best) best = d, chosen = a;
        }
        const Vector3 axis = g.axis(chosen);
        return axis.dot(v) < 0 ? axis * -1.0 : axis;
    };
    int viewAxis = -1, upAxis = -1;
    ViewFrame f;
    f.viewDirection = snap(standard.viewDirection, -1, viewAxis);
    f.up = snap(standard.up, viewAxis, upAxis);
    f.right = f.viewDirection.cross(f.up);
    return f;
}

const char* orientationName(ViewOrientation o) {
    switch (o) {
        case ViewOrientation::Axial: return "axial";
        case ViewOrientation::Coronal: return "coronal";
        case ViewOrientation::Sagittal: return "sagittal";
    }
    return "";
}

std::string orientationLetters(const Vector3& d) {
    const Vector3 n = d.normalized();
    std::array<std::pair<double, char>, 3> parts{{{std::abs(n.x), n.x > 0 ? 'L' : 'R'},
                                                  {std::abs(n.y), n.y > 0 ? 'P' : 'A'},
                                                  {std::abs(n.z), n.z > 0 ? 'S' : 'I'}}};
    std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string letters;
    for (const auto& [weight, letter] : parts)
        if (weight >= 0.25 || letters.empty()) letters.push_back(letter);
    return letters;
}

}  // namespace lumen::core
