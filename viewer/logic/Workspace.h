#pragma once
#include "core/Annotation.h"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace lumen::logic {

class WorkspaceError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A series' annotations on disk: <folder>/annotations.json + the label map it names
// (labels-<stamp>.nii.gz), and the same under <folder>/autosave/ for the state after the last
// edit. Every write is crash-safe: the label file goes under a new name first, then
// annotations.json is replaced atomically (temporary, fsync, rename, fsync the folder), and
// only then is the previous label file removed. A reader sees the old state or the new one,
// never a mix, whenever the writer dies.
class Workspace {
public:
    explicit Workspace(std::filesystem::path folder) : folder_(std::move(folder)) {}
    // <dataDir>/workspaces/<series instance UID>
    static std::filesystem::path folderFor(const std::filesystem::path& dataDir, const std::string& seriesUid);

    const std::filesystem::path& folder() const { return folder_; }
    bool hasSaved() const;
    // An autosave newer than the last save: what a crash left, for the app to offer.
    bool hasRecovery() const;

    // Throws WorkspaceError (corrupt or unreadable files, a label map not on `series`' grid);
    // nothing on disk is changed by reading.
    core::AnnotationSet load(const core::ImageGeometry& series) const;
    core::AnnotationSet loadRecovery(const core::ImageGeometry& series) const;

    void save(const core::AnnotationSet& set);      // the saved state; the recovery is dropped
    void autosave(const core::AnnotationSet& set);  // after each completed edit (the caller debounces)
    void discardRecovery();

private:
    std::filesystem::path folder_;
};

}  // namespace lumen::logic
