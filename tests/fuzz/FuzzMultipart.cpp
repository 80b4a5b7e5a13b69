// DICOMweb multipart/related bodies: the first line is the Content-Type; the body arrives in pieces
// whose size the next byte sets.
#include "FuzzSupport.h"
#include "net/PacsError.h"
#include "net/internal/MultipartReader.h"

using namespace lumen;

LUMEN_FUZZ_TARGET(multipart) {
    std::string_view all = fuzz::text(data, size);
    const std::size_t eol = all.find('\n');
    if (eol == std::string_view::npos || eol + 1 >= all.size()) return 0;
    const std::string contentType(all.substr(0, eol));
    const std::size_t piece = 1 + static_cast<unsigned char>(all[eol + 1]) % 64;
    all.remove_prefix(eol + 2);
    try {
        std::size_t bytes = 0;
        net::internal::MultipartReader reader(net::internal::MultipartReader::boundaryOf(contentType),
                                              [&](const std::string& headers, std::string_view body) { bytes += headers.size() + body.size(); });
        for (std::size_t at = 0; at < all.size(); at += piece) reader.feed(all.substr(at, piece));
        reader.finish();
    } catch (const net::PacsError&) {
    }
    return 0;
}
