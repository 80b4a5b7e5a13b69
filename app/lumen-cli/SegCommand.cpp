// lumen-cli seg|rtstruct export|import: DICOM Segmentation objects and RT Structure Sets to and
// from label maps, on their source series.
#include "Commands.h"

#include "io/AnnotationJson.h"
#include "io/DicomRtStructure.h"
#include "io/DicomSegmentation.h"
#include "io/IoError.h"
#include "io/LabelMapReader.h"
#include "io/LabelMapWriter.h"

#include <iostream>

namespace lumen::cli {

namespace {

// The label map on the source series' grid, named from --label-table and, failing that, by value.
core::AnnotationSet labelsOnSource(const std::string& labels, const std::string& labelTable, const io::ImageStack& source,
                                   const char* unnamed) {
    core::AnnotationSet set;
    set.seriesInstanceUid = source.seriesUid;
    std::vector<std::string> warnings;
    set.labels = io::LabelMapReader::read(labels, source.geometry, &warnings);
    for (const auto& w : warnings) std::cerr << "lumen-cli: warning: " << w << "\n";
    if (!labelTable.empty()) {
        try {
            io::readLabelSidecar(io::readAnnotationText(labelTable), set);
        } catch (const io::AnnotationFormatError& e) {
            throw io::IoError(labelTable, e.what());
        }
    }
    for (const auto& [value, count] : set.labels.histogram())
        if (!set.labels.labels().find(value))
            set.labels.labels().set({value, unnamed + std::to_string(value), core::LabelTable::defaultColor(value)});
    return set;
}

void writeImported(const core::AnnotationSet& set, const std::string& out) {
    io::LabelMapWriter::write(set, out);
    std::cout << "wrote " << out << (io::LabelMapWriter::isSlicerPath(out) ? std::string() : " and " + io::labelSidecarPath(out)) << ": "
              << set.labels.labels().size() << " label(s)\n";
}

}  // namespace

int runSegExport(const SegExportArgs& args) {
    const io::ImageStack source = io::DicomSegmentation::sourceStack(args.source);
    const core::AnnotationSet set = labelsOnSource(args.labels, args.labelTable, source, "Segment ");
    io::DicomSegmentation::write(set, source, args.out);
    std::cout << "wrote " << args.out << ": " << set.labels.histogram().size() << " segment(s) on " << source.frames.size()
              << " source slices\n";
    return 0;
}

int runSegImport(const SegImportArgs& args) {
    const io::ImageStack source = io::DicomSegmentation::sourceStack(args.source);
    std::size_t overlaps = 0;
    const core::AnnotationSet set = io::DicomSegmentation::read(args.seg, source, &overlaps);
    if (overlaps) std::cerr << "lumen-cli: warning: " << overlaps << " voxels belong to more than one segment; the higher segment number was kept\n";
    writeImported(set, args.out);
    return 0;
}

int runRtStructExport(const SegExportArgs& args) {
    const io::ImageStack source = io::DicomSegmentation::sourceStack(args.source);
    const core::AnnotationSet set = labelsOnSource(args.labels, args.labelTable, source, "ROI ");
    io::DicomRtStructure::write(set, source, args.out);
    std::cout << "wrote " << args.out << ": " << set.labels.histogram().size() << " ROI(s) on " << source.frames.size() << " slices\n";
    return 0;
}

int runRtStructImport(const SegImportArgs& args) {
    const io::ImageStack source = io::DicomSegmentation::sourceStack(args.source);
    const io::DicomRtStructure::Result read = io::DicomRtStructure::read(args.seg, source);
    for (const auto& w : read.warnings) std::cerr << "lumen-cli: warning: " << w << "\n";
    if (read.overlaps)
        std::cerr << "lumen-cli: warning: " << read.overlaps << " voxels lie inside more than one ROI; the smaller ROI keeps them\n";
    writeImported(read.set, args.out);
    return 0;
}

}  // namespace lumen::cli
