#pragma once
#include "core/StudyRecord.h"

#include <string>
#include <vector>

namespace lumen::core {

struct PatientRecord {
    std::string patientId;
    std::string name;       // DICOM PN, e.g. "Demo^Brain"
    std::string birthDate;  // YYYYMMDD
    std::string sex;        // M, F, O or empty
    std::vector<StudyRecord> studies;
};

}  // namespace lumen::core
