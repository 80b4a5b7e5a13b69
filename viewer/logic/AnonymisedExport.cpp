#include "logic/AnonymisedExport.h"

#include "io/IdentityMap.h"
#include "io/IoError.h"
#include "logic/DataLocations.h"

#include <QTemporaryDir>

#include <algorithm>
#include <filesystem>

namespace lumen::logic {

namespace fs = std::filesystem;

std::string AnonymisedExport::defaultMapPath() { return (fs::path(DataLocations::dataDirectory().toStdString()) / "identity-map.json").string(); }

AnonymisedExport::Result AnonymisedExport::run(const AnnotationExchange::Snapshot& snapshot, const Request& request) {
    if (!snapshot.fromDicom || snapshot.source.instances.empty()) throw io::IoError("", "only a DICOM series can be exported de-identified");
    io::IdentityMap::requireApart(request.mapPath, request.outDir);
    std::vector<std::string> inputs;
    for (const auto& instance : snapshot.source.instances) inputs.push_back(instance.filePath);
    // The annotations as DICOM objects in a scratch folder, de-identified with the images (their
    // references are remapped with the same map), then removed.
    QTemporaryDir scratch;
    std::size_t objects = 0;
    if (request.annotations) {
        if (!scratch.isValid()) throw io::IoError(scratch.path().toStdString(), "cannot make a scratch folder for the annotations");
        for (const std::string& file : AnnotationExchange::writeDicomObjects(snapshot, scratch.path().toStdString())) inputs.push_back(file), ++objects;
    }
    io::IdentityMap identities = io::IdentityMap::load(request.mapPath);
    io::DicomDeidentifier deidentifier(request.options, identities);
    const io::DeidentificationResult written = deidentifier.run(inputs, request.outDir);
    fs::create_directories(fs::path(request.mapPath).parent_path());
    identities.save(request.mapPath);
    Result result;
    result.refused = written.refused;
    result.annotationObjects = int(objects) - int(std::count_if(written.refused.begin(), written.refused.end(), [&](const std::string& r) {
                                   return r.find("segmentation.dcm") != std::string::npos || r.find("report.dcm") != std::string::npos;
                               }));
    result.images = written.written - result.annotationObjects;
    return result;
}

}  // namespace lumen::logic
