#include "Commands.h"

#include "core/SyntheticCtGenerator.h"
#include "io/DicomSeriesWriter.h"
#include "io/ImageFileReader.h"
#include "io/IoError.h"

#include <cstdio>
#include <filesystem>

namespace lumen::cli {

namespace fs = std::filesystem;

namespace {

const char* kBrainTemplate = "/usr/share/mricron/templates/ch2.nii.gz";

io::DicomExportResult writeSyntheticCt(const SynthCtArgs& args, const std::string& folder, const std::string& patientId,
                                       const std::string& studyUid) {
    core::SyntheticCtGenerator::Options o;
    o.size = args.size;
    o.slices = args.slices;
    o.pixelSpacing = args.pixelSpacing;
    o.sliceSpacing = args.sliceSpacing;
    const core::Volume ct = core::SyntheticCtGenerator::generate(o);
    io::DicomExportOptions options;
    options.modality = "CT";
    options.patient.name = args.patientName;
    options.patient.patientId = patientId;
    options.study.studyUid = studyUid;
    options.study.description = "Lumen synthetic CT";
    options.seriesDescription = "Synthetic chest-abdomen CT (Lumen generator)";
    options.seriesNumber = 2;
    options.bodyPart = "CHESTABDOMEN";
    options.windowCenter = 40;
    options.windowWidth = 400;
    return io::DicomSeriesWriter::write(ct, folder, options);
}

}  // namespace

int runSynthCt(const SynthCtArgs& args) {
    const auto result = writeSyntheticCt(args, args.outDir, "LUMEN-SYNTH", "");
    std::printf("wrote %zu slices to %s\n", result.files.size(), args.outDir.c_str());
    return 0;
}

int runDemoData(const DemoDataArgs& args) {
    if (!fs::exists(kBrainTemplate))
        throw io::IoError(kBrainTemplate, "missing: the demo brain comes from Debian's mricron-data package "
                                          "(installer/setup.sh installs it)");
    const fs::path out(args.outDir);
    const fs::path brainDir = out / "brain-mr", ctDir = out / "body-ct";

    // The real T1 brain (MNI "ch2", one subject) as an MR series.
    const core::Volume brain = io::ImageFileReader::read(kBrainTemplate);
    io::DicomExportOptions mr;
    mr.modality = "MR";
    mr.patient = {"LUMEN-DEMO-001", "Demo^Brain", "", "O", {}};
    mr.study.description = "Lumen demo: T1 brain";
    mr.study.studyId = "1";
    mr.seriesDescription = "T1 brain (MNI ch2, Debian mricron-data)";
    mr.seriesNumber = 1;
    mr.bodyPart = "HEAD";
    mr.windowCenter = 90;
    mr.windowWidth = 180;
    const auto brainResult = io::DicomSeriesWriter::write(brain, brainDir.string(), mr);
    std::printf("wrote %zu MR slices to %s\n", brainResult.files.size(), brainDir.c_str());

    SynthCtArgs ct;
    ct.slices = args.ctSlices;
    ct.patientName = "Demo^Body";
    const auto ctResult = writeSyntheticCt(ct, ctDir.string(), "LUMEN-DEMO-002", "");
    std::printf("wrote %zu CT slices to %s\n", ctResult.files.size(), ctDir.c_str());
    return 0;
}

}  // namespace lumen::cli
