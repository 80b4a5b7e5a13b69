#pragma once
#include "core/PatientRecord.h"
#include "core/Thumbnail.h"
#include "io/DicomIndex.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lumen::io {

struct SeriesSummary {
    std::string seriesUid, modality, description, frameOfReferenceUid, bodyPart;
    std::optional<int> seriesNumber;
    std::size_t images = 0;
    std::string imageFile;  // NIfTI/NRRD/MHA imports: the file; empty for DICOM
    core::Thumbnail thumbnail;
};

struct StudySummary {
    std::string studyUid, date, time, description, accessionNumber;
    std::vector<SeriesSummary> series;
};

struct PatientSummary {
    std::string patientId, name, birthDate, sex;
    std::vector<StudySummary> studies;
};

// What the browser shows: case-insensitive text in the patient's name or ID, a modality, and
// study dates (YYYYMMDD, inclusive; empty = open).
struct StudyFilter {
    std::string text, modality, dateFrom, dateTo;
};

// The local database of imported studies (SQLite, WAL). Files are referenced where they are;
// the instance records are stored so that opening a series needs no header reading. One
// object is one connection: use one per thread (an import writes through its own).
class StudyDatabase {
public:
    // Opens or creates the database; throws IoError when the file cannot be used.
    explicit StudyDatabase(const std::string& path);
    ~StudyDatabase();
    StudyDatabase(const StudyDatabase&) = delete;
    StudyDatabase& operator=(const StudyDatabase&) = delete;

    // Adds (or merges into) the series of an index; importing the same files again changes
    // nothing. Returns the number of series touched.
    std::size_t add(const DicomIndex& index);
    // A NIfTI/NRRD/MHA file as a series of its own.
    void addImageFile(const std::string& path, const std::string& description);
    void setThumbnail(const std::string& seriesUid, const core::Thumbnail& thumbnail);

    std::vector<PatientSummary> patients(const StudyFilter& filter = {}) const;
    // The series with its instances, ready for SeriesAssembler (DICOM series only).
    std::optional<core::SeriesRecord> series(const std::string& seriesUid) const;
    std::optional<SeriesSummary> summary(const std::string& seriesUid) const;
    // The patient and study a series belongs to (records without children).
    std::optional<std::pair<core::PatientRecord, core::StudyRecord>> context(const std::string& seriesUid) const;
    bool removeSeries(const std::string& seriesUid);
    bool removeStudy(const std::string& studyUid);
    std::size_t seriesCount() const;
    const std::string& path() const { return path_; }

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
    std::string path_;
};

}  // namespace lumen::io
