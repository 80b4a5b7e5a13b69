#pragma once
#include "core/InstanceRecord.h"

#include <string>
#include <vector>

namespace lumen::core {

struct SeriesRecord {
    std::string seriesUid;
    std::string studyUid;
    std::string modality;
    std::string description;
    std::optional<int> seriesNumber;
    std::string frameOfReferenceUid;
    std::string bodyPart;
    std::string date, time;
    std::vector<InstanceRecord> instances;

    std::size_t imageCount() const;  // instances with pixel data
};

}  // namespace lumen::core
