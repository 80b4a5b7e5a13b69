#pragma once
#include <stdexcept>
#include <string>

namespace lumen::net {

// A PACS operation that failed, in words a user can act on: "cannot reach 10.0.0.5:104
// (connection refused)", "PACS refused the association: called AE title not recognized".
class PacsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace lumen::net
