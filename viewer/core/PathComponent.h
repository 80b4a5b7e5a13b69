#pragma once
#include <string>

namespace lumen::core {

// A UID from a file or a PACS, as one component of a path Lumen writes (<study>/<series>/<sop>.dcm).
// A real UID (digits and dots, at most 64 characters) is itself; anything else — "../..", "/etc",
// an empty string, a name — becomes "x" and a hash of it, so that a hostile value can neither
// climb out of the folder nor collide with a real UID.
std::string uidPathComponent(const std::string& uid);

}  // namespace lumen::core
