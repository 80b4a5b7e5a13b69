#pragma once
#include "core/PatientRecord.h"

#include <string>
#include <vector>

namespace lumen::io {

struct FileError {
    std::string file;
    std::string reason;
};

// What indexing found: patients → studies → series → instances, and what it could not use.
struct DicomIndex {
    std::vector<core::PatientRecord> patients;
    std::size_t filesScanned = 0;
    std::size_t skipped = 0;     // files that are not DICOM (and DICOMDIR files themselves)
    std::size_t duplicates = 0;  // the same SOP instance found in more than one file
    std::vector<FileError> errors;

    std::vector<const core::SeriesRecord*> allSeries() const;
    const core::SeriesRecord* findSeries(const std::string& seriesUid) const;
    const core::StudyRecord* studyOf(const core::SeriesRecord& series) const;
    const core::PatientRecord* patientOf(const core::SeriesRecord& series) const;
    std::size_t studyCount() const;
    std::size_t instanceCount() const;
};

}  // namespace lumen::io
