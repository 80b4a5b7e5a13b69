#include "io/LabelMapWriter.h"

#include "core/AtomicFile.h"
#include "io/AnnotationJson.h"
#include "io/ImageFileWriter.h"
#include "io/IoError.h"
#include "io/LabelMapReader.h"
#include "io/SlicerSegmentation.h"

namespace lumen::io {

bool LabelMapWriter::isSlicerPath(const std::string& path) {
    const std::string ending = ".seg.nrrd";
    return path.size() > ending.size() && path.compare(path.size() - ending.size(), ending.size(), ending) == 0;
}

void LabelMapWriter::write(const core::AnnotationSet& set, const std::string& path) {
    if (set.labels.empty()) throw IoError(path, "there is no label map to write");
    if (isSlicerPath(path)) {
        SlicerSegmentation::write(set.labels, path);
        return;
    }
    ImageFileWriter::write(set.labels.voxels(), path, true, 1);  // mostly zeros: the fastest level is nearly as small
    core::writeFileAtomically(labelSidecarPath(path), labelSidecarJson(set));
    writeItkSnapLabels(set.labels.labels(), LabelMapReader::sidecarTextPath(path));
}

}  // namespace lumen::io
