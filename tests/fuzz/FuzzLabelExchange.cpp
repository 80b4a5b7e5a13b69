// Label maps from other tools: 3D Slicer's .seg.nrrd (voxels attached, raw or gzip) and DICOM
// RTSTRUCT contours rasterised onto tests/fuzz/data/source. The first byte picks which.
#include "FuzzSupport.h"
#include "io/DicomRtStructure.h"
#include "io/DicomSegmentation.h"
#include "io/IoError.h"
#include "io/SlicerSegmentation.h"

using namespace lumen;

LUMEN_FUZZ_TARGET(label_exchange) {
    if (size == 0) return 0;
    static const io::ImageStack source = io::DicomSegmentation::sourceStack((fuzz::dataDir() / "source").string());
    fuzz::freshScratch();
    const std::string_view file = fuzz::text(data + 1, size - 1);
    try {
        if (data[0] % 2 == 0) io::SlicerSegmentation::read(fuzz::writeFile("labels.seg.nrrd", file).string());
        else io::DicomRtStructure::read(fuzz::writeFile("rs.dcm", file).string(), source);
    } catch (const io::IoError&) {
    }
    return 0;
}
