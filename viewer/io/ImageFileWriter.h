#pragma once
#include "core/Volume.h"

#include <string>

namespace lumen::io {

// Writes a volume as NIfTI, NRRD or MetaImage (chosen by extension) through ITK, atomically:
// a temporary file in the same folder is renamed over the target only once complete.
class ImageFileWriter {
public:
    static bool canWrite(const std::string& path);
    // Stored values are written as they are; call core::toRealValues() first to write real
    // values (HU). `compress` gzips (.nii.gz is always compressed) at `level` (1 fastest … 9
    // smallest; 0: ITK's default). Label maps are mostly runs of zeros: 1 is nearly as small.
    static void write(const core::Volume& volume, const std::string& path, bool compress = true, int level = 0);
};

}  // namespace lumen::io
