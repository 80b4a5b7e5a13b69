#include "Commands.h"

#include "core/RealValues.h"
#include "io/DicomSeriesWriter.h"
#include "io/ImageFileWriter.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"

#include <cstdio>

namespace lumen::cli {

int runConvert(const ConvertArgs& args) {
    const bool toDicom = args.toDicom || (!args.output.empty() && args.output.back() == '/');
    if (!toDicom && !io::ImageFileWriter::canWrite(args.output))
        throw io::IoError(args.output, "unknown output format: use .nii, .nii.gz, .nrrd, .mha, or a folder ending in '/'");
    const io::LoadedImage image = io::ImageLoader::load({args.input, args.seriesUid, args.stack, 0});
    for (const auto& w : image.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());

    if (!toDicom) {
        io::ImageFileWriter::write(core::toRealValues(image.volume), args.output);
        return 0;
    }
    io::DicomExportOptions options;
    if (image.fromDicom) {
        // A derived series of the same study and patient, in the same frame of reference.
        options.patient = image.patient;
        options.study = image.study;
        options.modality = image.series.modality;
        options.frameOfReferenceUid = image.series.frameOfReferenceUid;
        options.seriesDescription = image.series.description.empty() ? "Lumen export" : image.series.description + " (Lumen)";
    } else {
        options.patient.name = args.patientName.empty() ? "Anonymous^Patient" : args.patientName;
        options.patient.patientId = args.patientId.empty() ? "LUMEN" : args.patientId;
        options.seriesDescription = "Converted by Lumen";
    }
    if (!args.modality.empty()) options.modality = args.modality;
    if (!args.patientName.empty()) options.patient.name = args.patientName;
    if (!args.patientId.empty()) options.patient.patientId = args.patientId;
    const auto result = io::DicomSeriesWriter::write(image.volume, args.output, options);
    for (const auto& w : result.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    std::printf("wrote %zu files, series %s\n", result.files.size(), result.seriesUid.c_str());
    return 0;
}

}  // namespace lumen::cli
