#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace lumen::net::internal {

// A multipart/related body (RFC 2046) read as it streams in: parts are handed over whole, one at a
// time, without holding the response in memory. A body that ends before its closing delimiter is
// an error, and so is a part that is not what the caller accepts: never half a series in silence.
class MultipartReader {
public:
    // The boundary parameter of the response's Content-Type; throws PacsError when there is none.
    static std::string boundaryOf(const std::string& contentType);

    // `onPart(headers, body)` for each complete part (headers as one text block, lower-cased names).
    MultipartReader(std::string boundary, std::function<void(const std::string& headers, std::string_view body)> onPart);
    void feed(std::string_view bytes);
    // The body ended: throws PacsError if it stopped inside a part or before the closing delimiter.
    void finish() const;
    int parts() const { return parts_; }

private:
    void scan();
    std::string delimiter_;  // "\r\n--boundary"
    std::function<void(const std::string&, std::string_view)> onPart_;
    std::string buffer_;
    std::size_t searchFrom_ = 0;
    enum class State { Preamble, Headers, Body, Done } state_ = State::Preamble;
    std::string headers_;
    int parts_ = 0;
};

}  // namespace lumen::net::internal
