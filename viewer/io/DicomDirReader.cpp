#include "io/DicomDirReader.h"

#include "io/IoError.h"
#include "io/internal/DcmtkSupport.h"
#include "io/internal/DicomFileLoad.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace lumen::io {

namespace fs = std::filesystem;

namespace {

bool equalsIgnoreCase(const std::string& a, const std::string& b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::toupper(x) == std::toupper(y); });
}

// File IDs on media are upper case (ISO 9660) but copies to disk are often lower case.
fs::path resolveComponent(const fs::path& dir, const std::string& name) {
    fs::path exact = dir / name;
    std::error_code ec;
    if (fs::exists(exact, ec)) return exact;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (equalsIgnoreCase(entry.path().filename().string(), name)) return entry.path();
    return exact;
}

}  // namespace

bool DicomDirReader::isDicomDirName(const std::string& path) {
    return equalsIgnoreCase(fs::path(path).filename().string(), "DICOMDIR");
}

std::vector<std::string> DicomDirReader::referencedFiles(const std::string& dicomdirPath) {
    internal::ensureDcmtkReady();
    DcmFileFormat file;
    const OFCondition cond = internal::loadDicomFile(file, dicomdirPath);
    if (cond.bad()) throw IoError(dicomdirPath, std::string("cannot read DICOMDIR: ") + cond.text());
    DcmSequenceOfItems* records = nullptr;
    if (file.getDataset()->findAndGetSequence(DCM_DirectoryRecordSequence, records).bad() || !records)
        throw IoError(dicomdirPath, "DICOMDIR has no DirectoryRecordSequence");

    const fs::path root = fs::path(dicomdirPath).parent_path();
    std::vector<std::string> files;
    for (unsigned long i = 0; i < records->card(); ++i) {
        DcmItem* record = records->getItem(i);
        OFString fileId;
        if (record->findAndGetOFStringArray(DCM_ReferencedFileID, fileId).bad() || fileId.empty()) continue;
        // Components are separated by backslashes (the VM separator of CS).
        fs::path p = root;
        std::string id(fileId.c_str());
        std::size_t start = 0;
        while (start <= id.size()) {
            const std::size_t end = std::min(id.find('\\', start), id.size());
            std::string part = id.substr(start, end - start);
            part.erase(part.find_last_not_of(' ') + 1);
            // File IDs name files below the DICOMDIR's folder (PS3.10 8.5): never above it.
            if (part == ".." || part == "." || part.find('/') != std::string::npos)
                throw IoError(dicomdirPath, "a record names a file outside the DICOMDIR's folder (" + id + ")");
            if (!part.empty()) p = resolveComponent(p, part);
            start = end + 1;
        }
        files.push_back(p.string());
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

}  // namespace lumen::io
