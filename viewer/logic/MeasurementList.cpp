#include "logic/MeasurementList.h"

#include <algorithm>
#include <cctype>

namespace lumen::logic {

std::uint64_t MeasurementList::add(core::Measurement m) {
    m.id = nextId_++;
    if (m.label.empty()) {
        const std::string kind = core::measurementKindName(m.kind);
        std::size_t sameKind = 1;
        for (const auto& existing : items_) sameKind += existing.kind == m.kind;
        m.label = std::string(1, char(std::toupper(kind[0]))) + kind.substr(1) + " " + std::to_string(sameKind);
    }
    items_.push_back(std::move(m));
    return items_.back().id;
}

bool MeasurementList::remove(std::uint64_t id) {
    const auto it = std::find_if(items_.begin(), items_.end(), [&](const auto& m) { return m.id == id; });
    if (it == items_.end()) return false;
    items_.erase(it);
    if (selected_ == id) selected_.reset();
    return true;
}

const core::Measurement* MeasurementList::find(std::uint64_t id) const {
    for (const auto& m : items_)
        if (m.id == id) return &m;
    return nullptr;
}

void MeasurementList::setItems(std::vector<core::Measurement> items) {
    items_ = std::move(items);
    selected_.reset();
    nextId_ = 1;
    for (const auto& m : items_) nextId_ = std::max(nextId_, m.id + 1);
}

}  // namespace lumen::logic
