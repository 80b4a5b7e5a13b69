#include "net/internal/MultipartReader.h"

#include "net/PacsError.h"

#include <algorithm>
#include <cctype>

namespace lumen::net::internal {

std::string MultipartReader::boundaryOf(const std::string& contentType) {
    std::string lower = contentType;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (lower.rfind("multipart/related", 0) != 0)
        throw PacsError("the PACS answered with " + (contentType.empty() ? std::string("no content type") : "'" + contentType + "'") +
                        ", not multipart/related DICOM");
    const auto at = lower.find("boundary=");
    if (at == std::string::npos) throw PacsError("the PACS's multipart answer names no boundary");
    std::string b = contentType.substr(at + 9);
    b = b.substr(0, b.find(';'));
    if (!b.empty() && b.front() == '"') b = b.substr(1, b.find('"', 1) - 1);
    while (!b.empty() && std::isspace(static_cast<unsigned char>(b.back()))) b.pop_back();
    if (b.empty()) throw PacsError("the PACS's multipart answer has an empty boundary");
    return b;
}

MultipartReader::MultipartReader(std::string boundary, std::function<void(const std::string&, std::string_view)> onPart)
    : delimiter_("\r\n--" + boundary), onPart_(std::move(onPart)) {
    buffer_ = "\r\n";  // the first delimiter may open the body without a preceding CRLF
}

void MultipartReader::feed(std::string_view bytes) {
    if (state_ == State::Done) return;  // the epilogue is ignored
    buffer_.append(bytes);
    scan();
}

void MultipartReader::scan() {
    for (;;) {
        if (state_ == State::Preamble || state_ == State::Body) {
            // Only the new bytes are searched (and the delimiter's length before them, as it may
            // straddle two reads): a part of megabytes arrives in many small reads.
            const auto at = buffer_.find(delimiter_, searchFrom_);
            if (at == std::string::npos) {
                searchFrom_ = buffer_.size() > delimiter_.size() ? buffer_.size() - delimiter_.size() : 0;
                return;
            }
            const std::size_t after = at + delimiter_.size();
            if (buffer_.size() < after + 2) {
                searchFrom_ = at;
                return;
            }
            if (state_ == State::Body) {
                onPart_(headers_, std::string_view(buffer_).substr(0, at));
                ++parts_;
            }
            if (buffer_.compare(after, 2, "--") == 0) {
                state_ = State::Done;
                buffer_.clear();
                return;
            }
            buffer_.erase(0, after);
            searchFrom_ = 0;
            state_ = State::Headers;
        }
        if (state_ == State::Headers) {
            const auto end = buffer_.find("\r\n\r\n");
            if (end == std::string::npos) return;
            headers_ = buffer_.substr(0, end);
            std::transform(headers_.begin(), headers_.end(), headers_.begin(), [](unsigned char c) { return char(std::tolower(c)); });
            buffer_.erase(0, end + 4);
            state_ = State::Body;  // everything up to the next "\r\n--boundary"
            searchFrom_ = 0;
        }
    }
}

void MultipartReader::finish() const {
    if (state_ == State::Done) return;
    if (state_ == State::Preamble && parts_ == 0) throw PacsError("the PACS's multipart answer holds no part at all");
    throw PacsError("the PACS's answer was cut off after " + std::to_string(parts_) + " complete instance(s): the next one is incomplete");
}

}  // namespace lumen::net::internal
