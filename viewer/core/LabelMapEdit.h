#pragma once
#include "core/Annotation.h"
#include "core/LabelMap.h"

#include <array>
#include <map>
#include <optional>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace lumen::core {

// A box of voxel indices, lo inclusive, hi exclusive.
struct VoxelRegion {
    std::array<std::size_t, 3> lo{}, hi{};
    bool empty() const { return hi[0] <= lo[0] || hi[1] <= lo[1] || hi[2] <= lo[2]; }
    static VoxelRegion whole(const ImageGeometry& g) { return {{0, 0, 0}, {g.dims()[0], g.dims()[1], g.dims()[2]}}; }
};

// What a label value means beside its voxels: the table's names and colours, and the segments'
// provenance and review state.
struct LabelMetadata {
    LabelTable table;
    std::vector<SegmentInfo> segments;
};

// One edit of a label map, stored as the 16 × 16 × 16 tiles it changed, before and after, run-length
// encoded. Undo memory grows with what an edit touched, never with the size of the map (Slicer
// turned undo off because it kept whole copies).
//   LabelMapEdit e("brush");  e.capture(map, box); …change voxels in box…;  e.finish(map);
class LabelMapEdit {
public:
    static constexpr std::size_t kTile = 16;

    explicit LabelMapEdit(std::string description = {}) : description_(std::move(description)) {}

    // Remembers the current contents of every tile overlapping `region` that this edit has not
    // seen yet. Call it before changing voxels there.
    void capture(const LabelMap& map, const VoxelRegion& region);
    // Ends the edit: keeps the tiles that changed, with their new contents. False: nothing changed.
    bool finish(const LabelMap& map);

    void undo(LabelMap& map) const;
    void redo(LabelMap& map) const;

    const std::string& description() const { return description_; }
    std::size_t bytes() const;  // memory held, including bookkeeping
    std::size_t tiles() const { return tiles_.size(); }
    // Correction effort: voxels that went from background to a label, and from a label to
    // background or another label.
    std::size_t voxelsAdded() const { return added_; }
    std::size_t voxelsRemoved() const { return removed_; }
    // Per label value: voxels it gained and lost (painting label 2 over label 5 gains 2, loses 5).
    struct Change { std::size_t gained = 0, lost = 0; };
    const std::map<std::uint16_t, Change>& changes() const { return changes_; }

    // Edits that also change what labels mean (a model's proposal adds labels, deleting one removes
    // it) keep, for each label value they change, its table entry and segment before and after, so
    // that undo brings back names, colours and provenance with the voxels. Only those values are
    // touched: what happened to other labels since (an acceptance, a rename) stays.
    void setMetadata(const LabelMetadata& before, const LabelMetadata& after);
    bool hasMetadata() const { return !metadata_.empty(); }
    // Sets the edit's values in `current` to their state after (redo) or before (undo) the edit,
    // remembering their state in `current` for the way back, so undo and redo are exact inverses.
    // When the edit is first applied nothing is remembered: setMetadata's "before" stands.
    void swapMetadata(LabelMetadata& current, bool toAfter, bool remember = true);

private:
    using Runs = std::vector<std::pair<std::uint16_t, std::uint32_t>>;  // (value, count)
    struct Tile {
        std::size_t index;
        Runs before, after;
    };
    std::string description_;
    std::unordered_map<std::size_t, std::vector<std::uint16_t>> pending_;  // raw "before" while recording
    std::vector<Tile> tiles_;
    std::size_t added_ = 0, removed_ = 0;
    std::map<std::uint16_t, Change> changes_;
    struct Meaning {  // of one label value; nullopt: absent
        std::optional<Label> label;
        std::optional<SegmentInfo> segment;
    };
    std::map<std::uint16_t, std::pair<Meaning, Meaning>> metadata_;  // value → (before, after)
};

// Undo/redo of label-map edits under a memory budget: the oldest edits are forgotten first.
class LabelUndoStack {
public:
    explicit LabelUndoStack(std::size_t budgetBytes = std::size_t(256) << 20) : budget_(budgetBytes) {}

    void push(LabelMapEdit edit);  // clears the redo side
    bool canUndo() const { return !done_.empty(); }
    bool canRedo() const { return !undone_.empty(); }
    // The edit undone/redone (its description for the menu), or nullptr when there was none.
    LabelMapEdit* undo(LabelMap& map);
    LabelMapEdit* redo(LabelMap& map);
    void clear();

    std::size_t bytes() const { return bytes_; }
    std::size_t undoCount() const { return done_.size(); }
    std::size_t redoCount() const { return undone_.size(); }

private:
    std::vector<LabelMapEdit> done_, undone_;
    std::size_t budget_, bytes_ = 0;
};

}  // namespace lumen::core
