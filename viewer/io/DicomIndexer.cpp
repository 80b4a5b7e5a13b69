#include "io/DicomIndexer.h"

#include "core/ParallelFor.h"
#include "core/Progress.h"
#include "io/DicomDirReader.h"
#include "io/DicomHeaderReader.h"
#include "io/IoError.h"
#include "io/internal/DcmtkSupport.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace lumen::io {

namespace fs = std::filesystem;

namespace {

const char* kMediaStorageDirectory = "1.2.840.10008.1.3.10";

struct Outcome {
    std::optional<DicomHeader> header;
    std::optional<FileError> error;
    bool skipped = false;
};

void collect(const std::string& path, std::vector<std::string>& files, std::vector<FileError>& errors) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        errors.push_back({path, "no such file or folder"});
    } else if (fs::is_directory(status)) {
        for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec)) files.push_back(it->path().string());
        if (ec) errors.push_back({path, "cannot list folder: " + ec.message()});
    } else if (DicomDirReader::isDicomDirName(path)) {
        try {
            auto referenced = DicomDirReader::referencedFiles(path);
            files.insert(files.end(), referenced.begin(), referenced.end());
        } catch (const IoError& e) {
            errors.push_back({e.file(), e.reason()});
        }
    } else {
        files.push_back(path);
    }
}

bool byInstanceOrder(const core::InstanceRecord& a, const core::InstanceRecord& b) {
    const int ia = a.instanceNumber.value_or(0), ib = b.instanceNumber.value_or(0);
    return ia != ib ? ia < ib : a.filePath < b.filePath;
}

void sortHierarchy(std::vector<core::PatientRecord>& patients) {
    for (auto& p : patients) {
        for (auto& st : p.studies) {
            for (auto& se : st.series) std::sort(se.instances.begin(), se.instances.end(), byInstanceOrder);
            std::sort(st.series.begin(), st.series.end(), [](const auto& a, const auto& b) {
                const int na = a.seriesNumber.value_or(0), nb = b.seriesNumber.value_or(0);
                return na != nb ? na < nb : a.seriesUid < b.seriesUid;
            });
        }
        std::sort(p.studies.begin(), p.studies.end(), [](const auto& a, const auto& b) {
            return a.date + a.time != b.date + b.time ? a.date + a.time < b.date + b.time : a.studyUid < b.studyUid;
        });
    }
    std::sort(patients.begin(), patients.end(), [](const auto& a, const auto& b) {
        return a.name != b.name ? a.name < b.name : a.patientId < b.patientId;
    });
}

}  // namespace

DicomIndex DicomIndexer::index(const std::vector<std::string>& paths, core::Progress* progress, unsigned threads) {
    DicomIndex result;
    std::vector<std::string> files;
    for (const auto& p : paths) collect(p, files, result.errors);
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    result.filesScanned = files.size();

    internal::ensureDcmtkReady();  // once, before the worker threads start
    if (progress) progress->beginStage("Reading DICOM headers", files.size());
    std::vector<Outcome> outcomes(files.size());
    core::parallelFor(files.size(), threads, [&](std::size_t i) {
        if (progress) progress->checkCanceled();
        Outcome& o = outcomes[i];
        try {
            o.header = DicomHeaderReader::read(files[i]);
            o.skipped = !o.header || o.header->instance.sopClassUid == kMediaStorageDirectory;
        } catch (const IoError& e) {
            o.error = FileError{e.file(), e.reason()};
        } catch (const std::exception& e) {
            o.error = FileError{files[i], e.what()};
        }
        if (progress) progress->advance();
    });

    // Group in file order (deterministic), then sort each level.
    std::map<std::pair<std::string, std::string>, std::size_t> patientIndex;
    std::map<std::string, std::pair<std::size_t, std::size_t>> studyIndex;
    std::map<std::pair<std::string, std::string>, std::size_t> seriesIndex;  // (study, series) → slot
    std::set<std::string> seenInstances;
    for (auto& o : outcomes) {
        if (o.error) { result.errors.push_back(*o.error); continue; }
        if (o.skipped) { ++result.skipped; continue; }
        DicomHeader& h = *o.header;
        const std::string instanceKey =
            h.instance.sopInstanceUid.empty() ? h.instance.filePath : h.instance.sopInstanceUid;
        if (!seenInstances.insert(instanceKey).second) { ++result.duplicates; continue; }

        const auto pKey = std::make_pair(h.patient.patientId, h.patient.name);
        auto [pIt, pNew] = patientIndex.try_emplace(pKey, result.patients.size());
        if (pNew) result.patients.push_back(h.patient);
        core::PatientRecord& patient = result.patients[pIt->second];

        auto [sIt, sNew] = studyIndex.try_emplace(h.study.studyUid, std::make_pair(pIt->second, patient.studies.size()));
        if (sNew) patient.studies.push_back(h.study);
        core::StudyRecord& study = result.patients[sIt->second.first].studies[sIt->second.second];

        auto [seIt, seNew] = seriesIndex.try_emplace({h.study.studyUid, h.series.seriesUid}, study.series.size());
        if (seNew) study.series.push_back(h.series);
        study.series[seIt->second].instances.push_back(std::move(h.instance));
    }
    sortHierarchy(result.patients);
    return result;
}

}  // namespace lumen::io
