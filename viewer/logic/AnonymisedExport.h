#pragma once
#include "io/DicomDeidentifier.h"
#include "logic/AnnotationExchange.h"

#include <string>
#include <vector>

namespace lumen::logic {

// File ▸ Export anonymised: the open DICOM series and its annotations (as a SEG and an SR that
// point at it) de-identified together by io::DicomDeidentifier into a folder, so that the SEG
// still lands on the de-identified images. The identity map stays where the site keeps it
// (defaultMapPath()), apart from the folder that leaves. Headless: run() works on a snapshot on
// any thread; the dialog only gathers the request.
class AnonymisedExport {
public:
    struct Request {
        io::DeidentificationOptions options;
        std::string outDir, mapPath;
        bool annotations = true;
    };
    struct Result {
        int images = 0, annotationObjects = 0;  // files written
        std::vector<std::string> refused;      // "file: why" (no identity)
    };
    // Throws io::IoError when the series is not DICOM, the folder cannot be written or the map is
    // inside it.
    static Result run(const AnnotationExchange::Snapshot& snapshot, const Request& request);
    static std::string defaultMapPath();  // <data>/identity-map.json
};

}  // namespace lumen::logic
