#pragma once
#include <string>
#include <vector>

namespace lumen::logic {

class Document;

// The viewer's File ▸ Export / Import of annotations: the same io code as lumen-cli's seg and sr
// commands, on the open series. Throws std::runtime_error (io::IoError) with a message for the
// user; the document is unchanged when an import fails.
class AnnotationExchange {
public:
    enum class Format { DicomSeg, DicomSr, NiftiLabels };
    static void exportTo(const Document& document, Format format, const std::string& path);
    // SEG: replaces the label map (its geometry must match the open series). SR: adds the
    // report's findings, measurements and classifications.
    static void importFrom(Document& document, Format format, const std::string& path);
    // What goes back to the PACS: a SEG when voxels are labelled, an SR when there are findings,
    // measurements or classifications, written into `folder`. Throws when there is neither.
    static std::vector<std::string> exportForSending(const Document& document, const std::string& folder);
};

}  // namespace lumen::logic
