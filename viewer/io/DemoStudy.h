#pragma once
#include <cstddef>
#include <string>

namespace lumen::core { class Progress; }

namespace lumen::io {

// The demo study: Debian's real T1 brain (mricron-data's MNI "ch2") as a DICOM MR series of
// patient Demo^Brain, and a synthetic chest-abdomen CT of patient Demo^Body made by Lumen's
// generator. Written into <folder>/brain-mr and <folder>/body-ct.
class DemoStudy {
public:
    static std::string brainTemplate();  // /usr/share/mricron/templates/ch2.nii.gz
    // Throws IoError when mricron-data is missing or the folders cannot be written.
    static void write(const std::string& folder, std::size_t ctSlices = 240, core::Progress* progress = nullptr);
    static bool exists(const std::string& folder);
};

}  // namespace lumen::io
