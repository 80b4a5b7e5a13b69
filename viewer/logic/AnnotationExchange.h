#pragma once
#include <string>

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
};

}  // namespace lumen::logic
