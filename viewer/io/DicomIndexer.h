#pragma once
#include "io/DicomIndex.h"

#include <string>
#include <vector>

namespace lumen::core { class Progress; }

namespace lumen::io {

// Finds the DICOM files under files, folder trees and DICOMDIRs and reads their headers in
// parallel (never the pixel data). Unreadable files become errors and non-DICOM files are
// counted as skipped; neither stops the rest.
class DicomIndexer {
public:
    // threads = 0 uses every core. Throws core::OperationCanceled when progress is canceled.
    static DicomIndex index(const std::vector<std::string>& paths, core::Progress* progress = nullptr,
                            unsigned threads = 0);
};

}  // namespace lumen::io
