#pragma once
#include <map>
#include <string>

namespace lumen::net {

// What to look for in a PACS (C-FIND; QIDO-RS): study level, or the series of one study. Empty
// fields match anything; names may hold DICOM wildcards (*, ?); dates are YYYYMMDD.
struct PacsQuery {
    enum class Level { Study, Series };
    Level level = Level::Study;
    std::string patientId, patientName, accessionNumber, modality, studyDescription;
    std::string studyDateFrom, studyDateTo;
    std::string studyInstanceUid;  // required at series level
};

// One match: DICOM keyword → value ("StudyInstanceUID", "PatientName", "NumberOfStudyRelatedInstances").
using PacsRecord = std::map<std::string, std::string>;

}  // namespace lumen::net
