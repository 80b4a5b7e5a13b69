// The AI worker's protocol lines, as requests and as events: what decodes must encode to a line that
// decodes the same.
#include "FuzzSupport.h"
#include "ai/protocol/WorkerProtocol.h"

#include <algorithm>
#include <cstdlib>

using namespace lumen;

LUMEN_FUZZ_TARGET(worker_protocol) {
    const std::string_view all = fuzz::text(data, size);
    for (std::size_t from = 0; from <= all.size();) {
        const std::size_t end = std::min(all.find('\n', from), all.size());
        const std::string line(all.substr(from, end - from));
        from = end + 1;
        try {
            const std::string once = ai::protocol::encode(ai::protocol::decodeRequest(line));
            if (ai::protocol::encode(ai::protocol::decodeRequest(once)) != once) std::abort();
        } catch (const ai::protocol::ProtocolError&) {
        }
        try {
            const std::string once = ai::protocol::encode(ai::protocol::decodeEvent(line));
            if (ai::protocol::encode(ai::protocol::decodeEvent(once)) != once) std::abort();
        } catch (const ai::protocol::ProtocolError&) {
        }
    }
    return 0;
}
