#include "core/LabelMapEdit.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace lumen::core {

namespace {

struct TileGrid {
    std::array<std::size_t, 3> count{};
    explicit TileGrid(const ImageGeometry& g) {
        for (int a = 0; a < 3; ++a) count[a] = (g.dims()[a] + LabelMapEdit::kTile - 1) / LabelMapEdit::kTile;
    }
    std::size_t index(std::size_t tx, std::size_t ty, std::size_t tz) const { return (tz * count[1] + ty) * count[0] + tx; }
};

// Calls fn(linear voxel index) for every voxel of tile `index`, x fastest.
template <typename Fn>
void forTileVoxels(const ImageGeometry& g, std::size_t index, Fn&& fn) {
    const TileGrid grid(g);
    const std::size_t tx = index % grid.count[0], ty = index / grid.count[0] % grid.count[1], tz = index / (grid.count[0] * grid.count[1]);
    const auto& d = g.dims();
    const std::size_t T = LabelMapEdit::kTile;
    for (std::size_t k = tz * T; k < std::min(d[2], tz * T + T); ++k)
        for (std::size_t j = ty * T; j < std::min(d[1], ty * T + T); ++j) {
            const std::size_t row = (k * d[1] + j) * d[0];
            for (std::size_t i = tx * T; i < std::min(d[0], tx * T + T); ++i) fn(row + i);
        }
}

std::vector<std::uint16_t> readTile(const LabelMap& map, std::size_t index) {
    std::vector<std::uint16_t> out;
    out.reserve(LabelMapEdit::kTile * LabelMapEdit::kTile * LabelMapEdit::kTile);
    forTileVoxels(map.geometry(), index, [&](std::size_t v) { out.push_back(map.at(v)); });
    return out;
}

template <typename Runs>
void writeRuns(LabelMap& map, std::size_t index, const Runs& runs) {
    auto run = runs.begin();
    std::uint32_t left = run == runs.end() ? 0 : run->second;
    forTileVoxels(map.geometry(), index, [&](std::size_t v) {
        while (left == 0) left = (++run)->second;
        map.set(v, run->first);
        --left;
    });
}

template <typename Runs>
Runs encode(const std::vector<std::uint16_t>& values) {
    Runs runs;
    for (std::uint16_t v : values) {
        if (!runs.empty() && runs.back().first == v) ++runs.back().second;
        else runs.emplace_back(v, 1);
    }
    return runs;
}

}  // namespace

void LabelMapEdit::capture(const LabelMap& map, const VoxelRegion& region) {
    if (region.empty()) return;
    const auto& d = map.geometry().dims();
    const TileGrid grid(map.geometry());
    std::array<std::size_t, 3> lo{}, hi{};
    for (int a = 0; a < 3; ++a) {
        lo[a] = std::min(region.lo[a], d[a] - 1) / kTile;
        hi[a] = (std::min(region.hi[a], d[a]) - 1) / kTile;
    }
    for (std::size_t tz = lo[2]; tz <= hi[2]; ++tz)
        for (std::size_t ty = lo[1]; ty <= hi[1]; ++ty)
            for (std::size_t tx = lo[0]; tx <= hi[0]; ++tx) {
                const std::size_t index = grid.index(tx, ty, tz);
                if (!pending_.count(index)) pending_.emplace(index, readTile(map, index));
            }
}

bool LabelMapEdit::finish(const LabelMap& map) {
    std::vector<std::size_t> order;
    for (const auto& [index, before] : pending_) order.push_back(index);
    std::sort(order.begin(), order.end());
    for (std::size_t index : order) {
        const auto& before = pending_.at(index);
        const auto after = readTile(map, index);
        if (after == before) continue;
        for (std::size_t n = 0; n < after.size(); ++n) {
            if (after[n] == before[n]) continue;
            if (before[n] == 0) ++added_;
            else ++removed_;
            if (before[n] != 0) ++changes_[before[n]].lost;
            if (after[n] != 0) ++changes_[after[n]].gained;
        }
        tiles_.push_back({index, encode<Runs>(before), encode<Runs>(after)});
    }
    pending_.clear();
    tiles_.shrink_to_fit();
    return !tiles_.empty();
}

namespace {

bool sameProvenance(const Provenance& a, const Provenance& b) {
    return std::tie(a.source, a.modelVersion, a.author, a.created, a.modified, a.editedByUser, a.voxelsAdded, a.voxelsRemoved,
                    a.editSeconds) == std::tie(b.source, b.modelVersion, b.author, b.created, b.modified, b.editedByUser,
                                               b.voxelsAdded, b.voxelsRemoved, b.editSeconds);
}

bool sameSegment(const std::optional<SegmentInfo>& a, const std::optional<SegmentInfo>& b) {
    if (!a || !b) return !a && !b;
    return std::tie(a->codingScheme, a->codeValue, a->codeMeaning, a->proposed) ==
               std::tie(b->codingScheme, b->codeValue, b->codeMeaning, b->proposed) &&
           sameProvenance(a->provenance, b->provenance);
}

bool sameLabel(const std::optional<Label>& a, const std::optional<Label>& b) {
    if (!a || !b) return !a && !b;
    return a->name == b->name && a->color == b->color;
}

std::optional<Label> labelOf(const LabelMetadata& m, std::uint16_t value) {
    const Label* l = m.table.find(value);
    return l ? std::optional<Label>(*l) : std::nullopt;
}

std::optional<SegmentInfo> segmentOf(const LabelMetadata& m, std::uint16_t value) {
    for (const auto& s : m.segments)
        if (s.value == value) return s;
    return std::nullopt;
}

}  // namespace

void LabelMapEdit::setMetadata(const LabelMetadata& before, const LabelMetadata& after) {
    std::set<std::uint16_t> values;
    for (const auto* m : {&before, &after}) {
        for (const auto& l : m->table.labels()) values.insert(l.value);
        for (const auto& s : m->segments) values.insert(s.value);
    }
    for (std::uint16_t v : values) {
        Meaning was{labelOf(before, v), segmentOf(before, v)}, is{labelOf(after, v), segmentOf(after, v)};
        if (!sameLabel(was.label, is.label) || !sameSegment(was.segment, is.segment)) metadata_[v] = {std::move(was), std::move(is)};
    }
}

void LabelMapEdit::swapMetadata(LabelMetadata& current, bool toAfter, bool remember) {
    auto& segments = current.segments;
    for (auto& [value, sides] : metadata_) {
        Meaning& leave = toAfter ? sides.first : sides.second;
        const Meaning& enter = toAfter ? sides.second : sides.first;
        if (remember) leave = {labelOf(current, value), segmentOf(current, value)};
        const std::uint16_t v = value;  // a structured binding cannot be captured in C++17
        if (enter.label) current.table.set(*enter.label);
        else current.table.remove(v);
        auto at = std::find_if(segments.begin(), segments.end(), [v](const SegmentInfo& s) { return s.value == v; });
        if (enter.segment && at != segments.end()) *at = *enter.segment;
        else if (enter.segment) segments.push_back(*enter.segment);
        else if (at != segments.end()) segments.erase(at);
    }
}

void LabelMapEdit::undo(LabelMap& map) const {
    for (auto t = tiles_.rbegin(); t != tiles_.rend(); ++t) writeRuns(map, t->index, t->before);
}

void LabelMapEdit::redo(LabelMap& map) const {
    for (const auto& t : tiles_) writeRuns(map, t.index, t.after);
}

std::size_t LabelMapEdit::bytes() const {
    std::size_t n = sizeof(*this) + description_.capacity() + tiles_.capacity() * sizeof(Tile);
    for (const auto& t : tiles_) n += (t.before.capacity() + t.after.capacity()) * sizeof(Runs::value_type);
    for (const auto& [index, raw] : pending_) n += raw.capacity() * sizeof(std::uint16_t) + 32;
    return n;
}

void LabelUndoStack::push(LabelMapEdit edit) {
    for (const auto& e : undone_) bytes_ -= e.bytes();
    undone_.clear();
    bytes_ += edit.bytes();
    done_.push_back(std::move(edit));
    // Forget the oldest edits beyond the budget (the newest one is always kept).
    std::size_t drop = 0;
    while (bytes_ > budget_ && drop + 1 < done_.size()) bytes_ -= done_[drop++].bytes();
    done_.erase(done_.begin(), done_.begin() + static_cast<std::ptrdiff_t>(drop));
}

LabelMapEdit* LabelUndoStack::undo(LabelMap& map) {
    if (done_.empty()) return nullptr;
    done_.back().undo(map);
    undone_.push_back(std::move(done_.back()));
    done_.pop_back();
    return &undone_.back();
}

LabelMapEdit* LabelUndoStack::redo(LabelMap& map) {
    if (undone_.empty()) return nullptr;
    undone_.back().redo(map);
    done_.push_back(std::move(undone_.back()));
    undone_.pop_back();
    return &done_.back();
}

void LabelUndoStack::clear() {
    done_.clear();
    undone_.clear();
    bytes_ = 0;
}

}  // namespace lumen::core
