#include "io/AtomicFile.h"

#include "core/AtomicFile.h"
#include "io/IoError.h"

namespace lumen::io {

std::string temporarySibling(const std::string& target) { return core::temporarySibling(target); }

void commitFile(const std::string& temporary, const std::string& target) {
    try {
        core::commitFile(temporary, target);
    } catch (const core::AtomicFileError& e) {
        const std::string what = e.what();
        throw IoError(target, what.substr(target.size() + 2));  // the message is "TARGET: reason"
    }
}

}  // namespace lumen::io
