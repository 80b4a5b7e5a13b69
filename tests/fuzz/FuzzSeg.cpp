// DICOM SEG onto tests/fuzz/data/source, the series the seed SEG refers to.
#include "FuzzSupport.h"
#include "io/DicomSegmentation.h"
#include "io/IoError.h"

using namespace lumen;

LUMEN_FUZZ_TARGET(seg) {
    static const io::ImageStack source = io::DicomSegmentation::sourceStack((fuzz::dataDir() / "source").string());
    fuzz::freshScratch();
    const auto path = fuzz::writeFile("seg.dcm", fuzz::text(data, size));
    try {
        io::DicomSegmentation::read(path.string(), source);
    } catch (const io::IoError&) {
    }
    return 0;
}
