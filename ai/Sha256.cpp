#include "ai/Sha256.h"

#include "ai/ModelError.h"

#include <openssl/evp.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace lumen::ai {

std::string sha256OfFile(const std::filesystem::path& file) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(file.c_str(), "rb"), &std::fclose);
    if (!in) throw ModelError(file.string() + ": cannot be read");
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) throw ModelError("SHA-256 is unavailable");
    std::vector<unsigned char> buffer(1 << 20);
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), in.get())) > 0) EVP_DigestUpdate(ctx.get(), buffer.data(), n);
    if (std::ferror(in.get())) throw ModelError(file.string() + ": read error");
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &length);
    static const char* hex = "0123456789abcdef";
    std::string text;
    for (unsigned int i = 0; i < length; ++i) {
        text += hex[digest[i] >> 4];
        text += hex[digest[i] & 15];
    }
    return text;
}

}  // namespace lumen::ai
