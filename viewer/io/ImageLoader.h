#pragma once
#include "core/PatientRecord.h"
#include "core/Volume.h"
#include "io/DicomIndex.h"
#include "io/ImageStack.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lumen::core { class Progress; }

namespace lumen::io {

// What the user asked to open, loaded: the volume plus where it came from.
struct LoadedImage {
    core::Volume volume;
    std::vector<std::string> warnings;
    bool fromDicom = false;
    core::PatientRecord patient;  // DICOM only (no children)
    core::StudyRecord study;      // DICOM only (no children)
    core::SeriesRecord series;    // DICOM only (no instances)
    std::size_t stackIndex = 0;
    ImageStack stack;             // DICOM only: the files it came from (what SEG and SR reference)
    std::size_t files = 0;
    std::optional<double> windowCenter, windowWidth;  // the scanner's window, if the files give one
    double indexMs = 0, decodeMs = 0;
};

struct LoadRequest {
    std::string path;        // DICOM file, folder or DICOMDIR; or NIfTI/NRRD/MHA file
    std::string seriesUid;   // empty: the series with the most images
    int stackIndex = -1;     // -1: the stack with the most slices
    unsigned threads = 0;
};

// A stack of a series, loaded, and the files that were left out of it.
struct LoadedStack {
    ImageStack stack;
    core::Volume volume;
    std::vector<std::string> skipped;  // "file: why" for each file whose pixels could not be read
};

// Opens anything Lumen reads, the same way for the command line and the viewer.
class ImageLoader {
public:
    static bool isImageFile(const std::string& path);  // NIfTI/NRRD/MHA by extension (not a folder)
    // Throws IoError when nothing loadable is there or the series/stack does not exist.
    static LoadedImage load(const LoadRequest& request, core::Progress* progress = nullptr);
    // The largest series/stack under a path.
    static LoadedImage load(const std::string& path, core::Progress* progress = nullptr) {
        LoadRequest request;
        request.path = path;
        return load(request, progress);
    }
    // The stack a request selects from an index: its series (default: the largest) and stack
    // (default: the one with the most slices). Throws IoError naming request.path.
    static ImageStack selectStack(const DicomIndex& index, const LoadRequest& request, const core::SeriesRecord** series);
    // The stack the viewer opens for a DICOM path (indexes it first): what SEG and SR exports
    // reference. Throws IoError when there is no DICOM image series.
    static ImageStack dicomStack(const std::string& path);
    // Assembles `series` and loads its stack `stackIndex` (-1: the one with the most frames). A
    // file whose pixels cannot be read is left out and the series assembled again without it, so
    // that one bad file does not hide the rest; throws only when no file can be read.
    // `onStack` sees the stack before its voxels are read (a viewer shows a slice of it meanwhile).
    static LoadedStack loadSeries(core::SeriesRecord series, int stackIndex, core::Progress* progress = nullptr,
                                  unsigned threads = 0, const std::function<void(const ImageStack&)>& onStack = {});
    // Every stack of a series in an index (also used by `info`).
    static std::vector<ImageStack> stacksOf(const DicomIndex& index, const std::string& seriesUid,
                                            const core::SeriesRecord** chosen);
};

}  // namespace lumen::io
