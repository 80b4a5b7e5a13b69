#include "Commands.h"

#include "core/SyntheticCtGenerator.h"
#include "io/DemoStudy.h"
#include "io/DicomSeriesWriter.h"

#include <cstdio>

namespace lumen::cli {

int runSynthCt(const SynthCtArgs& args) {
    core::SyntheticCtGenerator::Options o;
    o.size = args.size;
    o.slices = args.slices;
    o.pixelSpacing = args.pixelSpacing;
    o.sliceSpacing = args.sliceSpacing;
    io::DicomExportOptions options;
    options.modality = "CT";
    options.patient.name = args.patientName;
    options.patient.patientId = "LUMEN-SYNTH";
    options.study.description = "Lumen synthetic CT";
    options.seriesDescription = "Synthetic chest-abdomen CT (Lumen generator)";
    options.bodyPart = "CHESTABDOMEN";
    options.windowCenter = 40;
    options.windowWidth = 400;
    const auto result = io::DicomSeriesWriter::write(core::SyntheticCtGenerator::generate(o), args.outDir, options);
    std::printf("wrote %zu slices to %s\n", result.files.size(), args.outDir.c_str());
    return 0;
}

int runDemoData(const DemoDataArgs& args) {
    io::DemoStudy::write(args.outDir, args.ctSlices);
    std::printf("wrote the demo study (brain-mr, body-ct) to %s\n", args.outDir.c_str());
    return 0;
}

}  // namespace lumen::cli
