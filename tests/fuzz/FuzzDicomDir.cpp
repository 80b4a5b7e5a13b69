// A DICOMDIR (the input's first part) and up to three files it may name (IMG0, IMG1, IMG2).
#include "FuzzSupport.h"
#include "io/DicomDirReader.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"

using namespace lumen;

LUMEN_FUZZ_TARGET(dicomdir) {
    fuzz::freshScratch();
    const auto files = fuzz::parts(data, size, 4);
    const auto dicomdir = fuzz::writeFile("media/DICOMDIR", files[0]);
    for (std::size_t i = 1; i < files.size(); ++i) fuzz::writeFile("media/IMG" + std::to_string(i - 1), files[i]);
    try {
        io::DicomDirReader::referencedFiles(dicomdir.string());
        io::ImageLoader::load(io::LoadRequest{dicomdir.string(), {}, -1, 1});
    } catch (const io::IoError&) {
    }
    return 0;
}
