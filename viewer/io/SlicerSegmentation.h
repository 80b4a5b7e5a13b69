#pragma once
#include "core/LabelMap.h"

#include <cstddef>
#include <string>
#include <vector>

namespace lumen::io {

// 3D Slicer's segmentation file (.seg.nrrd): a NRRD label volume, one layer (3D) or several
// (4D, the list axis first) whose segments are described by Segment<N>_ID, _Name, _Color,
// _LabelValue, _Layer and _Extent keys. Lumen's label map holds one label per voxel, so segments
// are read into one map: each keeps its label value when those are unique across layers, else
// segments are numbered 1..n in file order; where segments of different layers overlap, the
// later segment wins and the overlap is counted.
class SlicerSegmentation {
public:
    struct Result {
        core::LabelMap labels;   // on the file's own grid, with names and colours
        std::size_t overlaps = 0;  // voxels claimed by more than one segment
    };
    // A .nrrd whose header has Slicer's segment keys.
    static bool isSegmentation(const std::string& path);
    static Result read(const std::string& path);  // throws IoError
    // One layer, one segment per label of the table or the voxels; gzip; atomic. Throws IoError.
    static void write(const core::LabelMap& labels, const std::string& path);
};

// ITK-SNAP's label description file (what LabelMapReader reads beside a label map), atomic.
void writeItkSnapLabels(const core::LabelTable& labels, const std::string& path);

}  // namespace lumen::io
