#pragma once
#include "core/SeriesRecord.h"

#include <string>
#include <vector>

namespace lumen::core {

struct StudyRecord {
    std::string studyUid;
    std::string studyId;
    std::string date;  // DICOM DA, YYYYMMDD
    std::string time;
    std::string description;
    std::string accessionNumber;
    std::string referringPhysician;
    std::vector<SeriesRecord> series;

    std::size_t instanceCount() const;
};

}  // namespace lumen::core
