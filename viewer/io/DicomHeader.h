#pragma once
#include "core/PatientRecord.h"

namespace lumen::io {

// Everything one DICOM file's header says, sorted by the level of the DICOM hierarchy it
// belongs to. The patient/study/series records carry no children here.
struct DicomHeader {
    core::PatientRecord patient;
    core::StudyRecord study;
    core::SeriesRecord series;
    core::InstanceRecord instance;
};

}  // namespace lumen::io
