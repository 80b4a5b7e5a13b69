#pragma once
#include "core/Measurement.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace lumen::logic {

// The measurements of the open document, in creation order, each with a stable id.
class MeasurementList {
public:
    std::uint64_t add(core::Measurement m);  // assigns the id (and a label if empty)
    bool remove(std::uint64_t id);
    void clear() { items_.clear(); }
    void setItems(std::vector<core::Measurement> items);  // restored ones keep their ids
    const core::Measurement* find(std::uint64_t id) const;
    const std::vector<core::Measurement>& items() const { return items_; }
    std::optional<std::uint64_t> selected() const { return selected_; }
    void select(std::optional<std::uint64_t> id) { selected_ = id; }

private:
    std::vector<core::Measurement> items_;
    std::uint64_t nextId_ = 1;
    std::optional<std::uint64_t> selected_;
};

}  // namespace lumen::logic
