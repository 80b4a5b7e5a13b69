#include "core/SeriesRecord.h"
#include "core/StudyRecord.h"

namespace lumen::core {

std::size_t SeriesRecord::imageCount() const {
    std::size_t n = 0;
    for (const auto& i : instances) n += i.hasPixelData;
    return n;
}

std::size_t StudyRecord::instanceCount() const {
    std::size_t n = 0;
    for (const auto& s : series) n += s.instances.size();
    return n;
}

}  // namespace lumen::core
