#pragma once
#include "ai/Finding.h"
#include "core/LabelMap.h"
#include "core/Volume.h"

#include <string>
#include <vector>

namespace lumen::ai {

// One case of a datalist, loaded. Which truth is filled depends on the model's task.
struct TrainingSample {
    std::string image, label;            // paths as the datalist gives them (provenance)
    std::string imageSha256, labelSha256;
    core::Volume volume;
    core::LabelMap labels;               // segmentation: on the image's grid
    std::uint16_t classValue = 0;        // classification
    std::vector<Finding> boxes;          // detection: worldMin/worldMax/centre + classValue
    std::string group;                   // the datalist entry's "group" (evaluation reports per group)
};

// The MONAI / Decathlon datalist split: fine-tuning never trains on "validation".
struct TrainingSet {
    std::vector<TrainingSample> training, validation;
};

}  // namespace lumen::ai
