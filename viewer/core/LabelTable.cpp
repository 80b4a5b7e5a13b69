#include "core/LabelTable.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace lumen::core {

void LabelTable::set(const Label& label) {
    if (label.value == 0) throw std::invalid_argument("label value 0 is reserved for background");
    auto it = std::lower_bound(labels_.begin(), labels_.end(), label.value,
                               [](const Label& l, std::uint16_t v) { return l.value < v; });
    if (it != labels_.end() && it->value == label.value)
        *it = label;
    else
        labels_.insert(it, label);
}

bool LabelTable::remove(std::uint16_t value) {
    auto it = std::find_if(labels_.begin(), labels_.end(), [&](const Label& l) { return l.value == value; });
    if (it == labels_.end()) return false;
    labels_.erase(it);
    return true;
}

const Label* LabelTable::find(std::uint16_t value) const {
    for (const Label& l : labels_)
        if (l.value == value) return &l;
    return nullptr;
}

std::uint16_t LabelTable::nextFreeValue() const {
    std::uint16_t v = 1;
    for (const Label& l : labels_) {
        if (l.value != v) break;
        ++v;
    }
    return v;
}

Rgba LabelTable::defaultColor(std::uint16_t value) {
    // Colours chosen to stay distinguishable on grey anatomy (after Slicer's generic table).
    static constexpr std::array<Rgba, 12> palette{{
        {128, 174, 128, 255}, {241, 214, 145, 255}, {177, 122, 101, 255}, {111, 184, 210, 255},
        {216, 101, 79, 255},  {221, 130, 101, 255}, {144, 238, 144, 255}, {192, 104, 88, 255},
        {220, 245, 20, 255},  {78, 63, 0, 255},     {255, 250, 220, 255}, {230, 220, 70, 255}}};
    return palette[(value + palette.size() - 1) % palette.size()];
}

Rgba LabelTable::distinctColor() const {
    auto distance = [](const Rgba& a, const Rgba& b) {
        const int dr = a.r - b.r, dg = a.g - b.g, db = a.b - b.b;
        return dr * dr + dg * dg + db * db;
    };
    Rgba best = defaultColor(nextFreeValue());
    int bestDistance = -1;
    for (std::uint16_t k = 0; k < 12; ++k) {
        const Rgba c = defaultColor(std::uint16_t(nextFreeValue() + k));  // the usual colour first on ties
        int nearest = 1 << 30;
        for (const auto& l : labels_) nearest = std::min(nearest, distance(c, l.color));
        if (nearest > bestDistance) best = c, bestDistance = nearest;
    }
    return best;
}

bool LabelTable::operator==(const LabelTable& o) const {
    if (labels_.size() != o.labels_.size()) return false;
    for (std::size_t i = 0; i < labels_.size(); ++i) {
        const Label &a = labels_[i], &b = o.labels_[i];
        if (a.value != b.value || a.name != b.name || !(a.color == b.color)) return false;
    }
    return true;
}

}  // namespace lumen::core
