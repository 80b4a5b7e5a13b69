#pragma once
#include "core/Annotation.h"
#include "io/ImageStack.h"

#include <string>
#include <vector>

namespace lumen::logic {

class Document;

// The viewer's File ▸ Export / Import of annotations: the same io code as lumen-cli's seg,
// rtstruct and sr commands, on the open series. Each is split in two so that the file work runs
// off the GUI thread: a snapshot (export) or the read (import) happens on any thread, the
// document is touched only on its own. Throws std::runtime_error (io::IoError) with a message for
// the user; the document is unchanged when an import fails.
class AnnotationExchange {
public:
    // NiftiLabels: NIfTI/NRRD/MHA with JSON and ITK-SNAP sidecars on export, any label map file
    // (also Slicer's .seg.nrrd) on import; SlicerSegmentation: a .seg.nrrd.
    enum class Format { DicomSeg, DicomSr, NiftiLabels, DicomRtStruct, SlicerSegmentation };

    // What an export needs, taken from the document: its annotations without unaccepted
    // proposals, the voxels copied (the user may paint on while the file is written).
    struct Snapshot {
        core::AnnotationSet set;  // empty for an import's target
        io::ImageStack source;  // the DICOM series (empty instances for an image file)
        bool fromDicom = false;
        std::string seriesUid;
        core::ImageGeometry grid;  // the open image's
    };
    static Snapshot snapshot(const Document& document);
    // The open series without its annotations: what an import reads onto.
    static Snapshot target(const Document& document);
    static void write(const Snapshot& snapshot, Format format, const std::string& path);
    static void exportTo(const Document& document, Format format, const std::string& path) { write(snapshot(document), format, path); }

    // What an import read, not yet in the document. SEG, RTSTRUCT and label maps replace the
    // label map (a label map on another grid is placed on the series': reordered exactly, or
    // resampled with a warning); SR adds its findings, measurements and classifications.
    struct Imported {
        Format format = Format::DicomSeg;
        std::string seriesUid;  // the series it was read onto
        core::AnnotationSet set;
        std::vector<std::string> warnings;  // what the user should be told
    };
    static Imported read(const Snapshot& target, Format format, const std::string& path);
    // Throws when the document no longer shows the series the import was read onto.
    static void apply(Document& document, Imported imported);
    static std::vector<std::string> importFrom(Document& document, Format format, const std::string& path);

    // What goes back to the PACS: a SEG when voxels are labelled, an SR when there are findings,
    // measurements or classifications, written into `folder`. Throws when there is neither.
    static std::vector<std::string> exportForSending(const Document& document, const std::string& folder);
    // The same from a snapshot, on any thread: the files written (none when there is nothing).
    static std::vector<std::string> writeDicomObjects(const Snapshot& snapshot, const std::string& folder);
};

}  // namespace lumen::logic
