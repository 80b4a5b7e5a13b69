#pragma once
#include <string>

namespace lumen::io {

// A path next to `target` to write into before renaming it over the target. Keeps every
// extension ("x.nii.gz" → "x.lumen-tmp-123.nii.gz") so writers that pick a format by
// extension still do.
std::string temporarySibling(const std::string& target);

// fsyncs `temporary` and renames it to `target` (atomic on POSIX file systems), then fsyncs
// the folder. Throws IoError and removes the temporary on failure.
void commitFile(const std::string& temporary, const std::string& target);

}  // namespace lumen::io
