#include "io/DicomIndex.h"

namespace lumen::io {

namespace {
// The study and patient holding a series record (by address), or nulls.
struct Owners {
    const core::PatientRecord* patient = nullptr;
    const core::StudyRecord* study = nullptr;
};

Owners ownersOf(const std::vector<core::PatientRecord>& patients, const core::SeriesRecord& series) {
    for (const auto& p : patients)
        for (const auto& st : p.studies)
            for (const auto& se : st.series)
                if (&se == &series) return {&p, &st};
    return {};
}
}  // namespace

std::vector<const core::SeriesRecord*> DicomIndex::allSeries() const {
    std::vector<const core::SeriesRecord*> out;
    for (const auto& p : patients)
        for (const auto& st : p.studies)
            for (const auto& se : st.series) out.push_back(&se);
    return out;
}

const core::SeriesRecord* DicomIndex::findSeries(const std::string& uid) const {
    for (const auto* s : allSeries())
        if (s->seriesUid == uid) return s;
    return nullptr;
}

const core::StudyRecord* DicomIndex::studyOf(const core::SeriesRecord& series) const {
    return ownersOf(patients, series).study;
}

const core::PatientRecord* DicomIndex::patientOf(const core::SeriesRecord& series) const {
    return ownersOf(patients, series).patient;
}

std::size_t DicomIndex::studyCount() const {
    std::size_t n = 0;
    for (const auto& p : patients) n += p.studies.size();
    return n;
}

std::size_t DicomIndex::instanceCount() const {
    std::size_t n = 0;
    for (const auto& p : patients)
        for (const auto& st : p.studies) n += st.instanceCount();
    return n;
}

}  // namespace lumen::io
