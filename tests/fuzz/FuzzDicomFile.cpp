// One DICOM file as Lumen reads it: indexing, series assembly, pixel decoding in its transfer syntax.
#include "FuzzSupport.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"

using namespace lumen;

LUMEN_FUZZ_TARGET(dicom_file) {
    fuzz::freshScratch();
    const auto path = fuzz::writeFile("image.dcm", fuzz::text(data, size));
    try {
        io::ImageLoader::load(io::LoadRequest{path.string(), {}, -1, 1});
    } catch (const io::IoError&) {
    }
    return 0;
}
