// A folder of up to eight DICOM files (the input's parts): series assembly across them, then loading.
#include "FuzzSupport.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"

using namespace lumen;

LUMEN_FUZZ_TARGET(dicom_series) {
    fuzz::freshScratch();
    std::filesystem::path folder;
    int n = 0;
    for (std::string_view part : fuzz::parts(data, size, 8)) folder = fuzz::writeFile("series/" + std::to_string(n++) + ".dcm", part).parent_path();
    try {
        io::ImageLoader::load(io::LoadRequest{folder.string(), {}, -1, 1});
    } catch (const io::IoError&) {
    }
    return 0;
}
