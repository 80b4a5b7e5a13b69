// lumen-cli anonymize: DICOM PS3.15 de-identification of files or folders into a new folder.
#include "Commands.h"

#include "io/DicomDeidentifier.h"
#include "io/IdentityMap.h"
#include "io/IoError.h"

#include <filesystem>
#include <iostream>
#include <sstream>

namespace lumen::cli {

namespace fs = std::filesystem;

std::vector<std::string> deidentifyInto(const AnonymizeArgs& args, const std::vector<std::string>& inputs, const std::string& out,
                                        std::size_t& refused, std::string* method) {
    io::DeidentificationOptions options;
    options.patientId = args.patientId, options.allowBurnedIn = args.allowBurnedIn;
    std::stringstream profile(args.profile);
    for (std::string part; std::getline(profile, part, ',');) {
        if (part == "basic") continue;
        else if (part == "modified-dates") options.modifiedDates = true;
        else if (part == "clean-descriptors") options.cleanDescriptors = true;
        else if (part == "retain-device") options.retainDeviceIdentity = true;
        else throw io::IoError("", "unknown profile option \"" + part + "\" (basic, modified-dates, clean-descriptors, retain-device)");
    }
    if (!args.map.empty()) io::IdentityMap::requireApart(args.map, out);
    io::IdentityMap map = args.map.empty() ? io::IdentityMap() : io::IdentityMap::load(args.map);
    io::DicomDeidentifier deidentifier(options, map);
    const io::DeidentificationResult result = deidentifier.run(inputs, out);
    if (!args.map.empty()) map.save(args.map);
    for (const std::string& why : result.refused) std::cerr << "lumen-cli: refused " << why << "\n";
    refused = result.refused.size();
    if (method) *method = deidentifier.methodDescription();
    if (result.skipped) std::cerr << "lumen-cli: " << result.skipped << " file(s) not DICOM, skipped\n";
    return result.files;
}

int runAnonymize(const AnonymizeArgs& args) {
    std::size_t refused = 0;
    std::string method;
    const std::vector<std::string> written = deidentifyInto(args, args.inputs, args.out, refused, &method);
    std::cout << "wrote " << written.size() << " de-identified file(s) to " << args.out << " (" << method << ")";
    if (refused) std::cout << "; " << refused << " refused";
    std::cout << "\n";
    return refused == 0 ? 0 : 3;
}

}  // namespace lumen::cli
