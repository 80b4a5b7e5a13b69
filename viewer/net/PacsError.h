#pragma once
#include <stdexcept>
#include <string>

namespace lumen::net {

// A PACS operation that failed, in words a user can act on: "cannot reach 10.0.0.5:104
// (connection refused)", "PACS refused the association: called AE title not recognized".
// Transient: the network or the server went away (a retry may succeed); not transient: a
// configuration or a refusal (a retry would fail the same way).
class PacsError : public std::runtime_error {
public:
    explicit PacsError(const std::string& what, bool transient = false) : std::runtime_error(what), transient_(transient) {}
    bool transient() const { return transient_; }

private:
    bool transient_;
};

}  // namespace lumen::net
