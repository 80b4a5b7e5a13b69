#pragma once
#include "net/PacsQuery.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace lumen::net::internal {

// A QIDO-RS answer (DICOM JSON, PS3.18 F.2) as the records C-FIND gives: keyword → value, strings
// joined by '\', a person name's alphabetic form. Throws PacsError naming `url` when the body is
// not DICOM JSON or not a list of matches; attributes it cannot read are left out.
std::vector<PacsRecord> readQidoAnswer(const std::string& body, const std::string& url);

// One DICOM JSON attribute's values as C-FIND gives them: strings joined by '\', a person name's
// alphabetic form, numbers as written; "" when it has none it can read.
std::string dicomJsonText(const nlohmann::json& attribute);

}  // namespace lumen::net::internal
