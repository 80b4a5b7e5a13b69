#pragma once
#include "core/Volume.h"

#include <string>

namespace lumen::io {

// NIfTI (.nii, .nii.gz), NRRD (.nrrd, .nhdr) and MetaImage (.mha, .mhd) through ITK. ITK
// turns NIfTI's RAS into DICOM's LPS as it reads: the volume's geometry is LPS like all of
// Lumen's. 4D files become time points.
class ImageFileReader {
public:
    // By extension (.nii, .nii.gz, .nrrd, .nhdr, .mha, .mhd): read() then says what is wrong.
    static bool hasImageExtension(const std::string& path);
    static bool canRead(const std::string& path);
    // Throws IoError for unreadable files, unsupported voxel types or volumes that do not fit.
    static core::Volume read(const std::string& path);
};

}  // namespace lumen::io
