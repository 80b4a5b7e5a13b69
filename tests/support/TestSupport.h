#pragma once
// Helpers shared by Lumen's test suites: temp folders, running commands and oracles.
#include <filesystem>
#include <string>
#include <vector>

namespace lumen::test {

// Debian's interpreter, which has pydicom, gdcm, nibabel and numpy (not the python3 on PATH).
inline const char* kDebianPython = "/usr/bin/python3";
inline const char* kPydicomTestFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";
inline const char* kMricronTemplates = "/usr/share/mricron/templates";

std::filesystem::path sourceDir();
std::filesystem::path binaryDir();
std::filesystem::path oracleScript(const std::string& name);
std::filesystem::path lumenCli();

struct CommandResult {
    int exitCode = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};
// Runs `command` through /bin/sh, capturing stdout and stderr.
CommandResult run(const std::string& command);
std::string quote(const std::string& s);

// A fresh folder under the build tree, removed when the object goes.
class TempDir {
public:
    explicit TempDir(const std::string& tag = "lumen");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

std::vector<std::string> filesUnder(const std::filesystem::path& dir);

// dciodvfy's verdict on a DICOM file: the "Error - ..." lines (empty: valid), after checking that
// it validated against `iod` (e.g. "MRImage", "Segmentation"); an error line says so otherwise.
std::vector<std::string> dciodvfyErrors(const std::string& file, const std::string& iod);
std::string readText(const std::filesystem::path& file);

}  // namespace lumen::test
