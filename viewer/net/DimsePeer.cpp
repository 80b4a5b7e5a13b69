#include "net/DimsePeer.h"

#include "net/PacsError.h"

#include <regex>

namespace lumen::net {

DimsePeer DimsePeer::parse(const std::string& spec) {
    static const std::regex form(R"(([^@]{1,16})@([^:]+):(\d{1,5}))");
    std::smatch m;
    if (!std::regex_match(spec, m, form))
        throw PacsError("'" + spec + "' is not AET@HOST:PORT (an AE title of up to 16 characters, a host, a port)");
    DimsePeer p;
    p.calledAet = m[1], p.host = m[2], p.port = std::stoi(m[3]);
    if (p.port < 1 || p.port > 65535) throw PacsError("'" + spec + "': the port must be 1–65535");
    return p;
}

std::string DimsePeer::text() const { return calledAet + "@" + host + ":" + std::to_string(port); }

}  // namespace lumen::net
