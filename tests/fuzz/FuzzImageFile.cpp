// NIfTI, NRRD and MetaImage (headers and payloads, gzip included): the first byte picks the name.
#include "FuzzSupport.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"

using namespace lumen;

LUMEN_FUZZ_TARGET(image_file) {
    if (size == 0) return 0;
    static const char* const names[] = {"image.nii", "image.nii.gz", "image.nrrd", "image.mha"};
    fuzz::freshScratch();
    const auto path = fuzz::writeFile(names[data[0] % 4], fuzz::text(data + 1, size - 1));
    try {
        io::ImageLoader::load(io::LoadRequest{path.string(), {}, -1, 1});
    } catch (const io::IoError&) {
    }
    return 0;
}
