#pragma once
#include "net/PacsServer.h"

#include <optional>
#include <string>
#include <vector>

namespace lumen::net {

// The configured servers, kept as JSON in one file that the GUI and `lumen-cli pacs --server`
// share: $LUMEN_PACS_SERVERS if set, else $XDG_CONFIG_HOME/Lumen/pacs-servers.json. Written
// atomically; a file that cannot be read is an error, never an empty list that a save would
// then write over.
class PacsServerList {
public:
    static std::string defaultPath();
    // The servers in `path`; none if it does not exist. Throws PacsError on a malformed file.
    static PacsServerList load(const std::string& path);
    void save(const std::string& path) const;

    std::vector<PacsServer> servers;
    std::optional<PacsServer> find(const std::string& name) const;
};

}  // namespace lumen::net
