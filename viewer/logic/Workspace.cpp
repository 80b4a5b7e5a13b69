#include "logic/Workspace.h"

#include "core/AtomicFile.h"
#include "io/ImageFileWriter.h"
#include "io/IoError.h"
#include "io/LabelMapReader.h"
#include "io/AnnotationJson.h"

#include <cctype>
#include <chrono>
#include <system_error>
#include <unistd.h>

namespace lumen::logic {

namespace fs = std::filesystem;

namespace {

constexpr const char* kJson = "annotations.json";
constexpr const char* kAutosave = "autosave";

bool isLabelFile(const fs::path& p) {
    const std::string name = p.filename().string();
    return name.rfind("labels-", 0) == 0 && name.size() > 14 && name.compare(name.size() - 7, 7, ".nii.gz") == 0;
}

void writeState(const fs::path& folder, const core::AnnotationSet& set) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw WorkspaceError("cannot create " + folder.string() + ": " + ec.message());
    std::string labelFile;
    std::uint64_t checksum = 0;
    try {
        if (!set.labels.empty()) {
            // A name no earlier state used: the current annotations.json keeps pointing at its own file.
            const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
            labelFile = "labels-" + std::to_string(stamp) + "-" + std::to_string(::getpid()) + ".nii.gz";
            // Fastest gzip: written on every autosave, and a 512 × 512 × 400 map of runs of
            // zeros is barely smaller at the default level for several times the CPU.
            io::ImageFileWriter::write(set.labels.voxels(), (folder / labelFile).string(), true, 1);
            checksum = io::labelChecksum(set.labels);
        }
        core::writeFileAtomically((folder / kJson).string(), io::annotationsToJson(set, labelFile, checksum));
    } catch (const io::IoError& e) {
        throw WorkspaceError(std::string("saving the annotations failed: ") + e.what());
    } catch (const core::AtomicFileError& e) {
        throw WorkspaceError(std::string("saving the annotations failed: ") + e.what());
    }
    // Only now may the previous label files go (and any a crash left behind).
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (isLabelFile(entry.path()) && entry.path().filename() != labelFile) fs::remove(entry.path(), ec);
}

core::AnnotationSet readState(const fs::path& folder, const core::ImageGeometry& series) {
    if (!fs::exists(folder / kJson)) throw WorkspaceError("no annotations in " + folder.string());
    io::ParsedAnnotations parsed;
    try {
        parsed = io::annotationsFromJson(io::readAnnotationText(folder / kJson));
    } catch (const io::AnnotationFormatError& e) {
        throw WorkspaceError((folder / kJson).string() + ": " + e.what());
    }
    core::AnnotationSet set = std::move(parsed.set);
    if (!parsed.labelFile.empty()) {
        const core::LabelTable table = set.labels.labels();
        try {
            set.labels = io::LabelMapReader::read((folder / parsed.labelFile).string(), series);
        } catch (const io::IoError& e) {
            throw WorkspaceError("the saved label map cannot be used: " + std::string(e.what()));
        }
        if (io::labelChecksum(set.labels) != parsed.labelChecksum)
            throw WorkspaceError("the saved label map " + parsed.labelFile + " is not the one annotations.json was written with");
        set.labels.labels() = table;
    }
    return set;
}

}  // namespace

fs::path Workspace::folderFor(const fs::path& dataDir, const std::string& seriesUid) {
    std::string safe = seriesUid;
    for (char& c : safe)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-')) c = '_';
    return dataDir / "workspaces" / (safe.empty() ? "unnamed" : safe);
}

bool Workspace::hasSaved() const { return fs::exists(folder_ / kJson); }
bool Workspace::hasRecovery() const { return fs::exists(folder_ / kAutosave / kJson); }

core::AnnotationSet Workspace::load(const core::ImageGeometry& series) const { return readState(folder_, series); }
core::AnnotationSet Workspace::loadRecovery(const core::ImageGeometry& series) const { return readState(folder_ / kAutosave, series); }

void Workspace::save(const core::AnnotationSet& set) {
    writeState(folder_, set);
    discardRecovery();
}

void Workspace::autosave(const core::AnnotationSet& set) { writeState(folder_ / kAutosave, set); }

void Workspace::discardRecovery() {
    std::error_code ec;
    fs::remove_all(folder_ / kAutosave, ec);
}

}  // namespace lumen::logic
