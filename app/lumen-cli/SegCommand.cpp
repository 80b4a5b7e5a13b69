// lumen-cli seg export|import: DICOM Segmentation objects to and from label maps, on their source series.
#include "Commands.h"

#include "io/DicomSegmentation.h"
#include "io/ImageFileWriter.h"
#include "io/IoError.h"
#include "io/LabelMapReader.h"
#include "io/AnnotationJson.h"
#include "core/AtomicFile.h"

#include <iostream>

namespace lumen::cli {

int runSegExport(const SegExportArgs& args) {
    const io::ImageStack source = io::DicomSegmentation::sourceStack(args.source);
    core::AnnotationSet set;
    set.seriesInstanceUid = source.seriesUid;
    std::vector<std::string> warnings;
    set.labels = io::LabelMapReader::read(args.labels, source.geometry, &warnings);
    for (const auto& w : warnings) std::cerr << "lumen-cli: warning: " << w << "\n";
    if (!args.labelTable.empty()) {
        try {
            io::readLabelSidecar(io::readAnnotationText(args.labelTable), set);
        } catch (const io::AnnotationFormatError& e) {
            throw io::IoError(args.labelTable, e.what());
        }
    }
    for (const auto& [value, count] : set.labels.histogram())
        if (!set.labels.labels().find(value))
            set.labels.labels().set({value, "Segment " + std::to_string(value), core::LabelTable::defaultColor(value)});
    io::DicomSegmentation::write(set, source, args.out);
    std::cout << "wrote " << args.out << ": " << set.labels.histogram().size() << " segment(s) on " << source.frames.size()
              << " source slices\n";
    return 0;
}

int runSegImport(const SegImportArgs& args) {
    const io::ImageStack source = io::DicomSegmentation::sourceStack(args.source);
    std::size_t overlaps = 0;
    const core::AnnotationSet set = io::DicomSegmentation::read(args.seg, source, &overlaps);
    io::ImageFileWriter::write(set.labels.voxels(), args.out);
    core::writeFileAtomically(io::labelSidecarPath(args.out), io::labelSidecarJson(set));
    if (overlaps) std::cerr << "lumen-cli: warning: " << overlaps << " voxels belong to more than one segment; the higher segment number was kept\n";
    std::cout << "wrote " << args.out << " and " << io::labelSidecarPath(args.out) << ": " << set.labels.labels().size() << " segment(s)\n";
    return 0;
}

}  // namespace lumen::cli
