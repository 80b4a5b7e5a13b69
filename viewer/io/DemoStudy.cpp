#include "io/DemoStudy.h"

#include "core/Progress.h"
#include "core/SyntheticCtGenerator.h"
#include "io/DicomSeriesWriter.h"
#include "io/ImageFileReader.h"
#include "io/IoError.h"

#include <filesystem>

#include <unistd.h>

namespace lumen::io {

namespace fs = std::filesystem;

std::string DemoStudy::brainTemplate() { return "/usr/share/mricron/templates/ch2.nii.gz"; }

bool DemoStudy::exists(const std::string& folder) {
    std::error_code ec;
    return fs::is_directory(fs::path(folder) / "brain-mr", ec) && fs::is_directory(fs::path(folder) / "body-ct", ec);
}

void DemoStudy::write(const std::string& folder, std::size_t ctSlices, core::Progress* progress) {
    if (!fs::exists(brainTemplate()))
        throw IoError(brainTemplate(), "missing: the demo brain comes from Debian's mricron-data package "
                                       "(installer/setup.sh installs it)");
    // Written beside the target and renamed into place: an interrupted write leaves no
    // half-written demo, and of two processes writing at once (parallel tests) one simply wins.
    const fs::path target(folder);
    if (exists(folder)) throw IoError(folder, "the demo study is already there");
    std::error_code notThere;
    if (fs::exists(target, notThere) && !fs::is_empty(target, notThere))
        throw IoError(folder, "the output folder exists and is not empty");
    const fs::path out = target.parent_path() / (target.filename().string() + ".partial-" + std::to_string(::getpid()));
    fs::remove_all(out);
    const core::Volume brain = ImageFileReader::read(brainTemplate());
    DicomExportOptions mr;
    mr.modality = "MR";
    mr.patient = {"LUMEN-DEMO-001", "Demo^Brain", "", "O", {}};
    mr.study.description = "Lumen demo: T1 brain";
    mr.study.studyId = "1";
    mr.seriesDescription = "T1 brain (MNI ch2, Debian mricron-data)";
    mr.seriesNumber = 1;
    mr.bodyPart = "HEAD";
    mr.windowCenter = 90;
    mr.windowWidth = 180;
    DicomSeriesWriter::write(brain, (out / "brain-mr").string(), mr, progress);

    core::SyntheticCtGenerator::Options o;
    o.slices = ctSlices;
    const core::Volume ct = core::SyntheticCtGenerator::generate(o, progress);
    DicomExportOptions options;
    options.modality = "CT";
    options.patient = {"LUMEN-DEMO-002", "Demo^Body", "", "O", {}};
    options.study.description = "Lumen demo: synthetic CT";
    options.seriesDescription = "Synthetic chest-abdomen CT (Lumen generator)";
    options.seriesNumber = 2;
    options.bodyPart = "CHESTABDOMEN";
    options.windowCenter = 40;
    options.windowWidth = 400;
    DicomSeriesWriter::write(ct, (out / "body-ct").string(), options, progress);
    std::error_code ec;
    if (fs::is_directory(target, ec) && fs::is_empty(target, ec)) fs::remove(target, ec);
    fs::rename(out, target, ec);
    if (ec) {
        fs::remove_all(out);
        if (!exists(folder)) throw IoError(folder, "cannot move the demo study into place: " + ec.message());
    }
}

}  // namespace lumen::io
