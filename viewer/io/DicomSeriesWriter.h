#pragma once
#include "core/PatientRecord.h"
#include "core/Volume.h"

#include <optional>
#include <string>
#include <vector>

namespace lumen::core { class Progress; }

namespace lumen::io {

struct DicomExportOptions {
    std::string modality = "OT";      // CT and MR get their own IODs; anything else Secondary Capture
    core::PatientRecord patient;      // copied from the source series when there is one
    core::StudyRecord study;          // an empty studyUid starts a new study
    std::string seriesDescription;
    std::string bodyPart;             // BodyPartExamined, e.g. HEAD; empty: unknown
    int seriesNumber = 1000;
    std::string frameOfReferenceUid;  // empty: a new frame of reference
    std::optional<double> windowCenter, windowWidth;
};

struct DicomExportResult {
    std::string studyUid, seriesUid;
    std::vector<std::string> files;
    std::vector<std::string> warnings;  // e.g. values that had to be quantised
};

// Writes a volume as a new single-frame DICOM series (new series and instance UIDs), one
// file per slice and time point, little-endian explicit VR. The folder appears complete or
// not at all: files are written to a temporary sibling folder that is then renamed.
class DicomSeriesWriter {
public:
    // Throws IoError when the folder exists and is not empty, or on any write failure.
    static DicomExportResult write(const core::Volume& volume, const std::string& folder,
                                   const DicomExportOptions& options, core::Progress* progress = nullptr);
};

}  // namespace lumen::io
