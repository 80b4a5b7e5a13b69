#include "io/StudyDatabase.h"

#include "io/IoError.h"
#include "io/internal/RecordJson.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace lumen::io {

namespace {

const char* kSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS patient (
  id INTEGER PRIMARY KEY, patient_id TEXT NOT NULL, name TEXT NOT NULL, birth_date TEXT, sex TEXT,
  UNIQUE (patient_id, name));
CREATE TABLE IF NOT EXISTS study (
  id INTEGER PRIMARY KEY, patient INTEGER NOT NULL REFERENCES patient(id) ON DELETE CASCADE,
  study_uid TEXT NOT NULL UNIQUE, date TEXT, time TEXT, description TEXT, accession TEXT);
CREATE TABLE IF NOT EXISTS series (
  id INTEGER PRIMARY KEY, study INTEGER NOT NULL REFERENCES study(id) ON DELETE CASCADE,
  series_uid TEXT NOT NULL UNIQUE, modality TEXT, description TEXT, number INTEGER,
  frame_of_reference TEXT, body_part TEXT, images INTEGER NOT NULL DEFAULT 0, image_file TEXT,
  records TEXT, thumb_width INTEGER, thumb_height INTEGER, thumbnail BLOB);
)sql";

// A prepared statement that finalizes itself.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
            throw IoError("", std::string("study database: ") + sqlite3_errmsg(db));
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement& bind(int i, const std::string& v) { sqlite3_bind_text(stmt_, i, v.c_str(), int(v.size()), SQLITE_TRANSIENT); return *this; }
    Statement& bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); return *this; }
    Statement& bindOptional(int i, const std::optional<int>& v) {
        if (v) sqlite3_bind_int64(stmt_, i, *v); else sqlite3_bind_null(stmt_, i);
        return *this;
    }
    Statement& bindBlob(int i, const std::vector<std::uint8_t>& v) {
        sqlite3_bind_blob(stmt_, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw IoError("", std::string("study database: ") + sqlite3_errmsg(db_));
    }
    std::string text(int c) const {
        const auto* t = sqlite3_column_text(stmt_, c);
        return t ? reinterpret_cast<const char*>(t) : "";
    }
    std::int64_t integer(int c) const { return sqlite3_column_int64(stmt_, c); }
    bool isNull(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
    std::vector<std::uint8_t> blob(int c) const {
        const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, c));
        return p ? std::vector<std::uint8_t>(p, p + sqlite3_column_bytes(stmt_, c)) : std::vector<std::uint8_t>();
    }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string instanceKey(const core::InstanceRecord& r) { return r.sopInstanceUid.empty() ? r.filePath : r.sopInstanceUid; }

}  // namespace

struct StudyDatabase::Impl {
    sqlite3* db = nullptr;
    void exec(const char* sql) {
        char* error = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string why = error ? error : "unknown error";
            sqlite3_free(error);
            throw IoError("", "study database: " + why);
        }
    }
    std::int64_t patientId(const core::PatientRecord& p) {
        Statement(db, "INSERT INTO patient (patient_id, name, birth_date, sex) VALUES (?1, ?2, ?3, ?4) "
                      "ON CONFLICT (patient_id, name) DO NOTHING")
            .bind(1, p.patientId).bind(2, p.name).bind(3, p.birthDate).bind(4, p.sex).step();
        Statement q(db, "SELECT id FROM patient WHERE patient_id = ?1 AND name = ?2");
        q.bind(1, p.patientId).bind(2, p.name).step();
        return q.integer(0);
    }
    std::int64_t studyId(std::int64_t patient, const core::StudyRecord& s) {
        Statement(db, "INSERT INTO study (patient, study_uid, date, time, description, accession) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                      "ON CONFLICT (study_uid) DO UPDATE SET description = excluded.description")
            .bind(1, patient).bind(2, s.studyUid).bind(3, s.date).bind(4, s.time).bind(5, s.description)
            .bind(6, s.accessionNumber).step();
        Statement q(db, "SELECT id FROM study WHERE study_uid = ?1");
        q.bind(1, s.studyUid).step();
        return q.integer(0);
    }
};

StudyDatabase::StudyDatabase(const std::string& path) : d_(std::make_unique<Impl>()), path_(path) {
    if (sqlite3_open_v2(path.c_str(), &d_->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string why = d_->db ? sqlite3_errmsg(d_->db) : "cannot open";
        sqlite3_close(d_->db);
        d_->db = nullptr;
        throw IoError(path, "study database: " + why);
    }
    sqlite3_busy_timeout(d_->db, 5000);  // another connection may be importing
    try {
        d_->exec(kSchema);
    } catch (const IoError& e) {
        sqlite3_close(d_->db);
        d_->db = nullptr;
        throw IoError(path, e.reason());
    }
}

StudyDatabase::~StudyDatabase() {
    if (d_ && d_->db) sqlite3_close(d_->db);
}

std::size_t StudyDatabase::add(const DicomIndex& index) {
    std::size_t touched = 0;
    d_->exec("BEGIN IMMEDIATE");
    try {
        for (const auto& patient : index.patients) {
            const std::int64_t pid = d_->patientId(patient);
            for (const auto& study : patient.studies) {
                const std::int64_t sid = d_->studyId(pid, study);
                for (const auto& series : study.series) {
                    // Merge with what an earlier import found, instance by instance.
                    std::map<std::string, core::InstanceRecord> instances;
                    if (auto existing = this->series(series.seriesUid))
                        for (auto& r : existing->instances) instances[instanceKey(r)] = std::move(r);
                    for (const auto& r : series.instances) instances[instanceKey(r)] = r;
                    nlohmann::json records = nlohmann::json::array();
                    std::size_t images = 0;
                    for (const auto& [key, r] : instances) {
                        records.push_back(r);
                        images += r.hasPixelData;
                    }
                    Statement(d_->db,
                              "INSERT INTO series (study, series_uid, modality, description, number, frame_of_reference, "
                              "body_part, images, records) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                              "ON CONFLICT (series_uid) DO UPDATE SET images = excluded.images, records = excluded.records")
                        .bind(1, sid).bind(2, series.seriesUid).bind(3, series.modality).bind(4, series.description)
                        .bindOptional(5, series.seriesNumber).bind(6, series.frameOfReferenceUid).bind(7, series.bodyPart)
                        .bind(8, std::int64_t(images)).bind(9, records.dump())
                        .step();
                    ++touched;
                }
            }
        }
        d_->exec("COMMIT");
    } catch (...) {
        sqlite3_exec(d_->db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    return touched;
}

void StudyDatabase::addImageFile(const std::string& path, const std::string& description) {
    d_->exec("BEGIN IMMEDIATE");
    try {
        const std::int64_t pid = d_->patientId({"", "", "", "", {}});
        core::StudyRecord study;
        study.studyUid = "file:" + path;
        study.description = description;
        const std::int64_t sid = d_->studyId(pid, study);
        Statement(d_->db, "INSERT INTO series (study, series_uid, modality, description, images, image_file) "
                          "VALUES (?1, ?2, '', ?3, 1, ?4) ON CONFLICT (series_uid) DO NOTHING")
            .bind(1, sid).bind(2, "file:" + path).bind(3, description).bind(4, path).step();
        d_->exec("COMMIT");
    } catch (...) {
        sqlite3_exec(d_->db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void StudyDatabase::setThumbnail(const std::string& seriesUid, const core::Thumbnail& t) {
    Statement(d_->db, "UPDATE series SET thumb_width = ?1, thumb_height = ?2, thumbnail = ?3 WHERE series_uid = ?4")
        .bind(1, t.width).bind(2, t.height).bindBlob(3, t.grey).bind(4, seriesUid).step();
}

namespace {
SeriesSummary readSummary(const Statement& q, int first) {
    SeriesSummary s;
    s.seriesUid = q.text(first);
    s.modality = q.text(first + 1);
    s.description = q.text(first + 2);
    if (!q.isNull(first + 3)) s.seriesNumber = int(q.integer(first + 3));
    s.frameOfReferenceUid = q.text(first + 4);
    s.bodyPart = q.text(first + 5);
    s.images = std::size_t(q.integer(first + 6));
    s.imageFile = q.text(first + 7);
    s.thumbnail.width = int(q.integer(first + 8));
    s.thumbnail.height = int(q.integer(first + 9));
    s.thumbnail.grey = q.blob(first + 10);
    if (s.thumbnail.grey.size() != std::size_t(s.thumbnail.width) * std::size_t(std::max(s.thumbnail.height, 0)))
        s.thumbnail = {};
    return s;
}
const char* kSeriesColumns = "se.series_uid, se.modality, se.description, se.number, se.frame_of_reference, "
                             "se.body_part, se.images, se.image_file, se.thumb_width, se.thumb_height, se.thumbnail";
}  // namespace

std::vector<PatientSummary> StudyDatabase::patients(const StudyFilter& filter) const {
    const std::string sql = std::string("SELECT p.patient_id, p.name, p.birth_date, p.sex, st.study_uid, st.date, st.time, "
                                        "st.description, st.accession, ") + kSeriesColumns +
                            " FROM patient p JOIN study st ON st.patient = p.id JOIN series se ON se.study = st.id "
                            "ORDER BY p.name, p.patient_id, st.date, st.time, st.study_uid, se.number, se.series_uid";
    Statement q(d_->db, sql.c_str());
    std::vector<PatientSummary> out;
    const std::string text = lower(filter.text), modality = lower(filter.modality);
    while (q.step()) {
        const std::string pid = q.text(0), name = q.text(1), date = q.text(5);
        if (!text.empty() && lower(pid).find(text) == std::string::npos && lower(name).find(text) == std::string::npos)
            continue;
        if (!filter.dateFrom.empty() && date < filter.dateFrom) continue;
        if (!filter.dateTo.empty() && date > filter.dateTo) continue;
        SeriesSummary series = readSummary(q, 9);
        if (!modality.empty() && lower(series.modality) != modality) continue;
        if (out.empty() || out.back().patientId != pid || out.back().name != name)
            out.push_back({pid, name, q.text(2), q.text(3), {}});
        auto& studies = out.back().studies;
        if (studies.empty() || studies.back().studyUid != q.text(4))
            studies.push_back({q.text(4), date, q.text(6), q.text(7), q.text(8), {}});
        studies.back().series.push_back(std::move(series));
    }
    return out;
}

std::optional<SeriesSummary> StudyDatabase::summary(const std::string& uid) const {
    Statement q(d_->db, (std::string("SELECT ") + kSeriesColumns + " FROM series se WHERE se.series_uid = ?1").c_str());
    q.bind(1, uid);
    if (!q.step()) return std::nullopt;
    return readSummary(q, 0);
}

std::optional<core::SeriesRecord> StudyDatabase::series(const std::string& uid) const {
    Statement q(d_->db, "SELECT se.series_uid, st.study_uid, se.modality, se.description, se.number, se.frame_of_reference, "
                        "se.body_part, se.records FROM series se JOIN study st ON se.study = st.id WHERE se.series_uid = ?1");
    q.bind(1, uid);
    if (!q.step() || q.isNull(7)) return std::nullopt;
    core::SeriesRecord s;
    s.seriesUid = q.text(0);
    s.studyUid = q.text(1);
    s.modality = q.text(2);
    s.description = q.text(3);
    if (!q.isNull(4)) s.seriesNumber = int(q.integer(4));
    s.frameOfReferenceUid = q.text(5);
    s.bodyPart = q.text(6);
    try {
        s.instances = nlohmann::json::parse(q.text(7)).get<std::vector<core::InstanceRecord>>();
    } catch (const std::exception& e) {
        throw IoError(path_, std::string("study database: unreadable series record: ") + e.what());
    }
    std::sort(s.instances.begin(), s.instances.end(), [](const auto& a, const auto& b) {
        return a.instanceNumber.value_or(0) != b.instanceNumber.value_or(0) ? a.instanceNumber.value_or(0) < b.instanceNumber.value_or(0)
                                                                            : a.filePath < b.filePath;
    });
    return s;
}

std::optional<std::pair<core::PatientRecord, core::StudyRecord>> StudyDatabase::context(const std::string& uid) const {
    Statement q(d_->db, "SELECT p.patient_id, p.name, p.birth_date, p.sex, st.study_uid, st.date, st.time, st.description, "
                        "st.accession FROM series se JOIN study st ON se.study = st.id JOIN patient p ON st.patient = p.id "
                        "WHERE se.series_uid = ?1");
    q.bind(1, uid);
    if (!q.step()) return std::nullopt;
    core::PatientRecord p{q.text(0), q.text(1), q.text(2), q.text(3), {}};
    core::StudyRecord st;
    st.studyUid = q.text(4);
    st.date = q.text(5);
    st.time = q.text(6);
    st.description = q.text(7);
    st.accessionNumber = q.text(8);
    return std::make_pair(p, st);
}

bool StudyDatabase::removeSeries(const std::string& uid) {
    Statement(d_->db, "DELETE FROM series WHERE series_uid = ?1").bind(1, uid).step();
    const bool removed = sqlite3_changes(d_->db) > 0;
    d_->exec("DELETE FROM study WHERE id NOT IN (SELECT study FROM series);"
             "DELETE FROM patient WHERE id NOT IN (SELECT patient FROM study);");
    return removed;
}

bool StudyDatabase::removeStudy(const std::string& uid) {
    Statement(d_->db, "DELETE FROM study WHERE study_uid = ?1").bind(1, uid).step();
    const bool removed = sqlite3_changes(d_->db) > 0;
    d_->exec("DELETE FROM patient WHERE id NOT IN (SELECT patient FROM study);");
    return removed;
}

std::size_t StudyDatabase::seriesCount() const {
    Statement q(d_->db, "SELECT COUNT(*) FROM series");
    q.step();
    return std::size_t(q.integer(0));
}

}  // namespace lumen::io
