// QIDO-RS answers (DICOM JSON).
#include "FuzzSupport.h"
#include "net/PacsError.h"
#include "net/internal/QidoAnswer.h"

using namespace lumen;

LUMEN_FUZZ_TARGET(qido) {
    try {
        net::internal::readQidoAnswer(std::string(fuzz::text(data, size)), "http://pacs/studies");
    } catch (const net::PacsError&) {
    }
    return 0;
}
