#pragma once
#include <stdexcept>
#include <string>

namespace lumen::core {

// Writes that readers see whole or not at all: write a temporary beside the target, fsync it,
// rename it over the target, fsync the folder. Failures throw AtomicFileError and remove the
// temporary. (io wraps these in IoError; ai and lumen-ai use them directly.)
class AtomicFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A path next to `target` to write into before renaming it over the target. Keeps every
// extension ("x.nii.gz" → "x.lumen-tmp-123.nii.gz") so writers that pick a format by
// extension still do.
std::string temporarySibling(const std::string& target);

// fsyncs `temporary` and renames it to `target`, then fsyncs the folder.
void commitFile(const std::string& temporary, const std::string& target);

// The whole sequence for a file held in memory.
void writeFileAtomically(const std::string& target, const std::string& bytes);

}  // namespace lumen::core
