#include "core/Annotation.h"

namespace lumen::core {

const SegmentInfo* AnnotationSet::segment(std::uint16_t value) const {
    for (const auto& s : segments)
        if (s.value == value) return &s;
    return nullptr;
}

const char* findingStatusName(Finding::Status status) {
    switch (status) {
        case Finding::Status::Proposed: return "proposed";
        case Finding::Status::Accepted: return "accepted";
        case Finding::Status::Rejected: return "rejected";
        case Finding::Status::Edited: return "edited";
    }
    return "accepted";
}

}  // namespace lumen::core
