#pragma once
#include <string>
#include <vector>

namespace lumen::logic {

class Document;

// The viewer's File ▸ Export / Import of annotations: the same io code as lumen-cli's seg,
// rtstruct and sr commands, on the open series. Throws std::runtime_error (io::IoError) with a message for the
// user; the document is unchanged when an import fails.
class AnnotationExchange {
public:
    // NiftiLabels: NIfTI/NRRD/MHA with JSON and ITK-SNAP sidecars on export, any label map file
    // (also Slicer's .seg.nrrd) on import; SlicerSegmentation: a .seg.nrrd.
    enum class Format { DicomSeg, DicomSr, NiftiLabels, DicomRtStruct, SlicerSegmentation };
    static void exportTo(const Document& document, Format format, const std::string& path);
    // SEG, RTSTRUCT and label maps replace the label map (a label map on another grid is placed
    // on the series': reordered exactly, or resampled with a warning). SR adds the report's
    // findings, measurements and classifications. Returns what the user should be told.
    static std::vector<std::string> importFrom(Document& document, Format format, const std::string& path);
    // What goes back to the PACS: a SEG when voxels are labelled, an SR when there are findings,
    // measurements or classifications, written into `folder`. Throws when there is neither.
    static std::vector<std::string> exportForSending(const Document& document, const std::string& folder);
};

}  // namespace lumen::logic
