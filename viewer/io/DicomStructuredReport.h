#pragma once
#include "core/Annotation.h"
#include "io/ImageStack.h"

#include <string>

namespace lumen::io {

// DICOM SR "Imaging Measurement Report" (TID 1500, Comprehensive 3D SR, DCMTK's dcmsr) for
// findings, measurements and classifications, referencing the images of their source series.
//
// One Measurement Group (TID 1501/1410/1411 rows) per item, in world coordinates (SCOORD3D on the
// series' frame of reference): tracking identifier and UID, observer (person, or device with
// algorithm name and version for AI items), the finding or class as a coded Finding, the region
// (POINT, MULTIPOINT box corners, POLYLINE, POLYGON, ELLIPSE) and the values as NUMs with UCUM
// units (Length, Angle, Area, Mean, Standard Deviation, Minimum, Maximum, Probability). What the
// standard has no concept for (review status, provenance times and correction effort, drawing
// plane) goes in private 99LUMEN items that other readers may ignore.
class DicomStructuredReport {
public:
    // Writes the report; the label map and label table of `set` are not part of it (that is the
    // SEG's job). Atomic. Throws IoError.
    static void write(const core::AnnotationSet& set, const ImageStack& source, const std::string& path);

    // Reads a TID 1500 report written by Lumen, or by another system with the same content
    // items; groups it does not understand are skipped and counted in `skipped`. Throws IoError
    // when the file is not an Imaging Measurement Report.
    static core::AnnotationSet read(const std::string& path, std::size_t* skipped = nullptr);
};

}  // namespace lumen::io
