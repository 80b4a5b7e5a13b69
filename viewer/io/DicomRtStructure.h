#pragma once
#include "core/Annotation.h"
#include "io/ImageStack.h"

#include <cstddef>
#include <string>
#include <vector>

namespace lumen::io {

// DICOM RT Structure Sets (DCMTK's dcmrt): what radiotherapy planning systems read and write.
// Each label becomes an ROI of closed planar contours, one or more per slice of the referenced
// series (holes are contours of their own); each contour references its slice's image.
class DicomRtStructure {
public:
    // Writes `set.labels` (on `source`'s grid) as an RTSTRUCT: ROI names and colours from the
    // label table, ROI numbers = label values, RT ROI Interpreted Type from the name (GTV, CTV,
    // PTV, ITV by prefix; BODY/EXTERNAL/SKIN → EXTERNAL; else ORGAN), generation algorithm from
    // the provenance (MANUAL, AUTOMATIC, SEMIAUTOMATIC). Atomic. Throws IoError.
    static void write(const core::AnnotationSet& set, const ImageStack& source, const std::string& path);

    struct Result {
        core::AnnotationSet set;  // labels on source's grid: values = ROI numbers, names, colours
        std::size_t overlaps = 0;  // voxels inside more than one ROI (the smaller ROI keeps them)
        std::vector<std::string> warnings;  // contours skipped: not closed planar, off the slices
    };
    // Rasterises the contours onto `source`'s grid: a voxel is inside when its centre is inside
    // an odd number of the ROI's contours on its slice (holes as XOR, as planning systems do).
    // Throws IoError for another frame of reference, a file that is no RTSTRUCT, no usable ROI.
    static Result read(const std::string& path, const ImageStack& source);

    // The RT ROI Interpreted Type Lumen gives a structure called `name`.
    static std::string interpretedType(const std::string& name);
};

}  // namespace lumen::io
