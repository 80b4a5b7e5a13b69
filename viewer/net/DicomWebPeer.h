#pragma once
#include <string>

namespace lumen::net {

// A DICOMweb service and how Lumen calls it: the base URL (".../dicom-web"), authentication, the
// CA that HTTPS trusts, the time to wait. The password or token comes from the keyring or a file
// for each session; it is never stored with the server settings.
struct DicomWebPeer {
    enum class Auth { None, Basic, Bearer };
    std::string baseUrl;
    Auth auth = Auth::None;
    std::string user;    // Basic
    std::string secret;  // Basic: the password; Bearer: the token
    std::string caFile;  // empty: the system's CAs
    int timeoutSeconds = 10;
};

}  // namespace lumen::net
