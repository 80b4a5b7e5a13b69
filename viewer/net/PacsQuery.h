#pragma once
#include <map>
#include <string>

namespace lumen::net {

// What to look for in a PACS (C-FIND; QIDO-RS): study level, the series of one study, or the
// instances of one series (their positions, so that a retrieved series can be laid out before it
// has arrived). Empty fields match anything; names may hold DICOM wildcards (*, ?); dates are YYYYMMDD.
struct PacsQuery {
    enum class Level { Study, Series, Instance };
    Level level = Level::Study;
    std::string patientId, patientName, accessionNumber, modality, studyDescription;
    std::string studyDateFrom, studyDateTo;
    std::string studyInstanceUid;   // required at series and instance level
    std::string seriesInstanceUid;  // required at instance level
};

// One match: DICOM keyword → value ("StudyInstanceUID", "PatientName", "NumberOfStudyRelatedInstances").
using PacsRecord = std::map<std::string, std::string>;

}  // namespace lumen::net
