#include "logic/AnonymisedExport.h"

#include "io/IdentityMap.h"
#include "io/IoError.h"
#include "logic/DataLocations.h"

#include <algorithm>
#include <filesystem>

namespace lumen::logic {

namespace fs = std::filesystem;

std::string AnonymisedExport::defaultMapPath() { return (fs::path(DataLocations::dataDirectory().toStdString()) / "identity-map.json").string(); }

AnonymisedExport::Result AnonymisedExport::run(const AnnotationExchange::Snapshot& snapshot, const Request& request) {
    if (!snapshot.fromDicom || snapshot.source.instances.empty()) throw io::IoError("", "only a DICOM series can be exported de-identified");
    const fs::path out = fs::weakly_canonical(request.outDir), map = fs::weakly_canonical(request.mapPath);
    if (map.string().rfind(out.string() + "/", 0) == 0) throw io::IoError(request.mapPath, "the identity map must be kept outside the folder that is exported");
    std::vector<std::string> inputs;
    for (const auto& instance : snapshot.source.instances) inputs.push_back(instance.filePath);
    // The annotations as DICOM objects in a scratch folder, de-identified with the images (their
    // references are remapped with the same map), then removed.
    const fs::path scratch = out / ".lumen-annotations";
    struct Removed {
        const fs::path& path;
        ~Removed() {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    } removed{scratch};
    std::size_t objects = 0;
    if (request.annotations) {
        fs::create_directories(scratch);
        for (const std::string& file : AnnotationExchange::writeDicomObjects(snapshot, scratch.string())) inputs.push_back(file), ++objects;
    }
    io::IdentityMap identities = io::IdentityMap::load(request.mapPath);
    io::DicomDeidentifier deidentifier(request.options, identities);
    const io::DeidentificationResult written = deidentifier.run(inputs, out.string());
    fs::create_directories(map.parent_path());
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
