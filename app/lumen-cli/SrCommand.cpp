// lumen-cli sr export|import: DICOM SR TID 1500 measurement reports to and from annotations.json.
#include "Commands.h"

#include "core/AtomicFile.h"
#include "io/AnnotationJson.h"
#include "io/DicomStructuredReport.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"

#include <iostream>

namespace lumen::cli {

int runSrExport(const SrExportArgs& args) {
    core::AnnotationSet set;
    try {
        set = io::annotationsFromJson(io::readAnnotationText(args.annotations)).set;
    } catch (const io::AnnotationFormatError& e) {
        throw io::IoError(args.annotations, e.what());
    }
    const io::ImageStack source = io::ImageLoader::dicomStack(args.source);
    if (!set.seriesInstanceUid.empty() && set.seriesInstanceUid != source.seriesUid)
        throw io::IoError(args.source, "the annotations belong to series " + set.seriesInstanceUid + ", not to this one (" + source.seriesUid + ")");
    io::DicomStructuredReport::write(set, source, args.out);
    std::cout << "wrote " << args.out << ": " << set.findings.size() << " finding(s), " << set.measurements.size() << " measurement(s), "
              << set.classifications.size() << " classification(s), referencing " << source.instances.size() << " image(s)\n";
    return 0;
}

int runSrImport(const SrImportArgs& args) {
    std::size_t skipped = 0;
    const core::AnnotationSet set = io::DicomStructuredReport::read(args.sr, &skipped);
    core::writeFileAtomically(args.out, io::annotationsToJson(set, "", 0));
    if (skipped) std::cerr << "lumen-cli: warning: " << skipped << " measurement group(s) of unknown content were skipped\n";
    std::cout << "wrote " << args.out << ": " << set.findings.size() << " finding(s), " << set.measurements.size() << " measurement(s), "
              << set.classifications.size() << " classification(s)\n";
    return 0;
}

}  // namespace lumen::cli
