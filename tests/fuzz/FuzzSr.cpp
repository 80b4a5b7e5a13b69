// DICOM SR TID 1500 measurement reports.
#include "FuzzSupport.h"
#include "io/DicomStructuredReport.h"
#include "io/IoError.h"

using namespace lumen;

LUMEN_FUZZ_TARGET(sr) {
    fuzz::freshScratch();
    const auto path = fuzz::writeFile("sr.dcm", fuzz::text(data, size));
    try {
        io::DicomStructuredReport::read(path.string());
    } catch (const io::IoError&) {
    }
    return 0;
}
