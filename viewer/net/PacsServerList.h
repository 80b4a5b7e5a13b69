#pragma once
#include "net/PacsServer.h"

#include <optional>
#include <string>
#include <vector>

namespace lumen::net {

// The configured servers, kept as JSON in one file that the GUI and `lumen-cli pacs --server`
// share: $LUMEN_PACS_SERVERS if set, else $XDG_CONFIG_HOME/Lumen/pacs-servers.json. Written
// atomically; a file that cannot be read is an error, never an empty list that a save would
// then write over. A hospital's IT deploys the site's servers in /etc/lumen/pacs-servers.json
// ($LUMEN_SYSTEM_CONFIG_DIR overrides /etc/lumen): a user without a file of their own reads that
// one, and saving from the GUI writes the user's own copy.
class PacsServerList {
public:
    static std::string defaultPath();  // the user's file: where saving writes
    static std::string sitePath();     // /etc/lumen/pacs-servers.json
    static std::string readPath();     // the user's file if it exists, else the site's if that exists
    // The servers in `path`; none if it does not exist. Throws PacsError on a malformed file.
    static PacsServerList load(const std::string& path);
    void save(const std::string& path) const;

    std::vector<PacsServer> servers;
    std::optional<PacsServer> find(const std::string& name) const;
};

}  // namespace lumen::net
