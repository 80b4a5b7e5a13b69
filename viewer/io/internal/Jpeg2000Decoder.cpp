#include "io/internal/Jpeg2000Decoder.h"

#include <openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace lumen::io::internal {

namespace {

struct MemoryStream {
    const std::uint8_t* data;
    std::size_t size;
    std::size_t pos = 0;
};

OPJ_SIZE_T readFn(void* buffer, OPJ_SIZE_T n, void* user) {
    auto* s = static_cast<MemoryStream*>(user);
    if (s->pos >= s->size) return OPJ_SIZE_T(-1);
    const std::size_t k = std::min<std::size_t>(n, s->size - s->pos);
    std::memcpy(buffer, s->data + s->pos, k);
    s->pos += k;
    return k;
}

OPJ_OFF_T skipFn(OPJ_OFF_T n, void* user) {
    auto* s = static_cast<MemoryStream*>(user);
    const auto target = std::clamp<OPJ_OFF_T>(OPJ_OFF_T(s->pos) + n, 0, OPJ_OFF_T(s->size));
    const OPJ_OFF_T moved = target - OPJ_OFF_T(s->pos);
    s->pos = std::size_t(target);
    return moved;
}

OPJ_BOOL seekFn(OPJ_OFF_T n, void* user) {
    auto* s = static_cast<MemoryStream*>(user);
    if (n < 0 || std::size_t(n) > s->size) return OPJ_FALSE;
    s->pos = std::size_t(n);
    return OPJ_TRUE;
}

void collectMessage(const char* msg, void* user) {
    auto* text = static_cast<std::string*>(user);
    if (text->empty()) *text = msg;
    while (!text->empty() && (text->back() == '\n' || text->back() == ' ')) text->pop_back();
}

}  // namespace

Jpeg2000Image decodeJpeg2000(const std::uint8_t* data, std::size_t size) {
    if (size < 12) throw std::runtime_error("JPEG 2000 frame is empty");
    static const std::uint8_t jp2Signature[] = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20};
    const bool jp2 = std::memcmp(data, jp2Signature, sizeof jp2Signature) == 0;

    std::unique_ptr<opj_codec_t, void (*)(opj_codec_t*)> codec(opj_create_decompress(jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K),
                                                              opj_destroy_codec);
    std::string error;
    opj_set_error_handler(codec.get(), collectMessage, &error);
    opj_dparameters_t params;
    opj_set_default_decoder_parameters(&params);
    if (!opj_setup_decoder(codec.get(), &params)) throw std::runtime_error("OpenJPEG setup failed");

    MemoryStream memory{data, size};
    std::unique_ptr<opj_stream_t, void (*)(opj_stream_t*)> stream(opj_stream_create(1 << 16, OPJ_TRUE),
                                                                 opj_stream_destroy);
    opj_stream_set_user_data(stream.get(), &memory, nullptr);
    opj_stream_set_user_data_length(stream.get(), size);
    opj_stream_set_read_function(stream.get(), readFn);
    opj_stream_set_skip_function(stream.get(), skipFn);
    opj_stream_set_seek_function(stream.get(), seekFn);

    opj_image_t* raw = nullptr;
    if (!opj_read_header(stream.get(), codec.get(), &raw))
        throw std::runtime_error("JPEG 2000 header: " + (error.empty() ? std::string("unreadable") : error));
    std::unique_ptr<opj_image_t, void (*)(opj_image_t*)> image(raw, opj_image_destroy);
    if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get()))
        throw std::runtime_error("JPEG 2000 decoding: " + (error.empty() ? std::string("failed") : error));

    Jpeg2000Image out;
    out.components = image->numcomps;
    if (out.components == 0 || !image->comps[0].data) throw std::runtime_error("JPEG 2000 image has no samples");
    out.width = image->comps[0].w;
    out.height = image->comps[0].h;
    out.precision = image->comps[0].prec;
    out.isSigned = image->comps[0].sgnd != 0;
    for (std::uint32_t c = 1; c < out.components; ++c)
        if (image->comps[c].w != out.width || image->comps[c].h != out.height || !image->comps[c].data)
            throw std::runtime_error("JPEG 2000 components with subsampling are not supported");
    const std::size_t pixels = std::size_t(out.width) * out.height;
    out.samples.resize(pixels * out.components);
    for (std::uint32_t c = 0; c < out.components; ++c) {
        const OPJ_INT32* src = image->comps[c].data;
        for (std::size_t i = 0; i < pixels; ++i) out.samples[i * out.components + c] = src[i];
    }
    return out;
}

}  // namespace lumen::io::internal
