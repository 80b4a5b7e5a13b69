// annotations.json, label sidecars and ITK-SNAP label descriptions (the first byte picks which).
#include "FuzzSupport.h"
#include "io/AnnotationJson.h"
#include "io/IoError.h"
#include "io/LabelMapReader.h"

using namespace lumen;

LUMEN_FUZZ_TARGET(annotations) {
    if (size == 0) return 0;
    const std::string text(fuzz::text(data + 1, size - 1));
    try {
        switch (data[0] % 3) {
        case 0: io::annotationsFromJson(text); break;
        case 1: {
            core::AnnotationSet set;
            io::readLabelSidecar(text, set);
            break;
        }
        default:
            fuzz::freshScratch();
            io::LabelMapReader::readLabelDescription(fuzz::writeFile("labels.txt", text).string());
        }
    } catch (const io::AnnotationFormatError&) {
    } catch (const io::IoError&) {
    }
    return 0;
}
