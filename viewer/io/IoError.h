#pragma once
#include <stdexcept>
#include <string>

namespace lumen::io {

// A file that could not be read or written: says which file and why, in words a user can act on.
class IoError : public std::runtime_error {
public:
    IoError(std::string file, std::string reason)
        : std::runtime_error(file.empty() ? reason : file + ": " + reason),
          file_(std::move(file)), reason_(std::move(reason)) {}
    const std::string& file() const { return file_; }
    const std::string& reason() const { return reason_; }

private:
    std::string file_;
    std::string reason_;
};

}  // namespace lumen::io
