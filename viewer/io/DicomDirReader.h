#pragma once
#include <string>
#include <vector>

namespace lumen::io {

// Lists the files a DICOMDIR references (image, SR, ... records), as paths on this disk.
class DicomDirReader {
public:
    // Throws IoError when the DICOMDIR cannot be parsed. Referenced files that do not exist
    // are still listed: the indexer reports them as errors, naming the missing file.
    static std::vector<std::string> referencedFiles(const std::string& dicomdirPath);
    static bool isDicomDirName(const std::string& path);
};

}  // namespace lumen::io
