#include "core/AtomicFile.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace lumen::core {

namespace fs = std::filesystem;

std::string temporarySibling(const std::string& target) {
    static std::atomic<unsigned> counter{0};
    const fs::path p(target);
    const std::string name = p.filename().string();
    const auto dot = name.find('.', 1);
    const std::string stem = dot == std::string::npos ? name : name.substr(0, dot);
    const std::string ext = dot == std::string::npos ? "" : name.substr(dot);
    const std::string tag = ".lumen-tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    return (p.parent_path() / (stem + tag + ext)).string();
}

namespace {
void syncPath(const std::string& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}
}  // namespace

void commitFile(const std::string& temporary, const std::string& target) {
    syncPath(temporary, O_RDONLY);
    if (std::rename(temporary.c_str(), target.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        std::error_code ec;
        fs::remove(temporary, ec);
        throw AtomicFileError(target + ": cannot replace the file: " + why);
    }
    const fs::path dir = fs::path(target).parent_path();
    syncPath(dir.empty() ? "." : dir.string(), O_RDONLY | O_DIRECTORY);
}

void writeFileAtomically(const std::string& target, const std::string& bytes) {
    const std::string temporary = temporarySibling(target);
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw AtomicFileError(target + ": cannot write (" + std::strerror(errno) + ")");
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(temporary.c_str());
            throw AtomicFileError(target + ": write failed (" + why + ")");
        }
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    commitFile(temporary, target);  // fsyncs it before the rename
}

}  // namespace lumen::core
