#include "io/internal/DicomFileLoad.h"

#include "io/IoError.h"
#include "io/internal/DcmtkSupport.h"
#include "io/internal/NestingCheck.h"

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <unistd.h>
#include <vector>

namespace lumen::io::internal {

namespace fs = std::filesystem;

namespace {

// The data set's bytes, inflated (raw deflate as PS3.5 A.5 says, or with a zlib header as some
// writers do) into `out`, or an IoError once they pass `limit`.
void inflateDataSet(const std::string& path, std::string_view deflated, std::uint64_t limit, const fs::path& out) {
    for (const int windowBits : {-MAX_WBITS, MAX_WBITS}) {
        z_stream z{};
        if (inflateInit2(&z, windowBits) != Z_OK) throw IoError(path, "zlib failed");
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(deflated.data()));
        z.avail_in = uInt(deflated.size());
        std::ofstream file(out, std::ios::binary | std::ios::trunc);
        std::uint64_t written = 0;
        std::vector<char> chunk(1 << 20);
        int status = Z_OK;
        while (status == Z_OK) {
            z.next_out = reinterpret_cast<Bytef*>(chunk.data());
            z.avail_out = uInt(chunk.size());
            status = inflate(&z, Z_NO_FLUSH);
            const std::size_t got = chunk.size() - z.avail_out;
            written += got;
            if (written > limit) {
                inflateEnd(&z);
                throw IoError(path, "its deflated data set expands past " + std::to_string(limit >> 20) +
                                        " MB: refused (a decompression bomb, or not a DICOM file)");
            }
            file.write(chunk.data(), std::streamsize(got));
            if (status == Z_BUF_ERROR && z.avail_in == 0) status = Z_STREAM_END;  // ended without its end marker: what arrived
        }
        inflateEnd(&z);
        if (status == Z_STREAM_END && file.flush()) return;
    }
    throw IoError(path, "its deflated data set cannot be inflated");
}

}  // namespace

bool isDeflatedFile(const std::string& path) {
    // The transfer syntax is among the first meta elements: a plain look at the file's first
    // bytes settles the common case without a second parse.
    char head[4096];
    std::ifstream in(path, std::ios::binary);
    in.read(head, sizeof head);
    if (std::string_view(head, std::size_t(in.gcount())).find(UID_DeflatedExplicitVRLittleEndianTransferSyntax) == std::string_view::npos) return false;
    ensureDcmtkReady();
    DcmFileFormat meta;
    return meta.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, 256, ERM_metaOnly).good() &&
           getString(*meta.getMetaInfo(), DCM_TransferSyntaxUID) == UID_DeflatedExplicitVRLittleEndianTransferSyntax;
}

namespace {
OFCondition loadDicomFileOrThrow(DcmFileFormat& file, const std::string& path, Uint32 maxReadLength, E_FileReadMode mode) {
    ensureDcmtkReady();
    if (mode == ERM_metaOnly || mode == ERM_dataset) return file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, maxReadLength, mode);
    if (!isDeflatedFile(path)) {
        checkNesting(path);  // before DCMTK's recursion can overflow the stack
        return file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, maxReadLength, mode);
    }
    DcmFileFormat meta;
    meta.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, 256, ERM_metaOnly);

    // Where the data set starts: preamble, "DICM", then the meta group as its length says.
    Uint32 groupLength = 0;
    if (meta.getMetaInfo()->findAndGetUint32(DCM_FileMetaInformationGroupLength, groupLength).bad())
        throw IoError(path, "a deflated file without its meta information group length");
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::uint64_t start = 128 + 4 + 12 + std::uint64_t(groupLength);
    if (start > bytes.size()) throw IoError(path, "its meta information is longer than the file");
    if (bytes.size() - start > std::numeric_limits<uInt>::max()) throw IoError(path, "a deflated data set of more than 4 GB is not read");
    const fs::path scratch = (fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path()) /
                             ("lumen-inflated-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(&file)));
    struct Removed {
        const fs::path& path;
        ~Removed() {
            std::error_code ec;
            fs::remove(path, ec);
        }
    } removed{scratch};
    inflateDataSet(path, std::string_view(bytes).substr(start), kMaxInflatedBytes, scratch);
    try {
        checkNesting(scratch.string(), DataSetEncoding::ExplicitLittle);
    } catch (const IoError& e) {
        throw IoError(path, e.reason());
    }
    OFCondition result = file.loadFile(scratch.c_str(), EXS_LittleEndianExplicit, EGL_noChange, 4096, ERM_dataset);
    if (result.good()) result = file.loadAllDataIntoMemory();
    if (result.good()) {
        // The file's own meta information, so that callers see the transfer syntax it came in.
        DcmMetaInfo& target = *file.getMetaInfo();
        target.clear();
        for (unsigned long i = 0; i < meta.getMetaInfo()->card(); ++i)
            target.insert(static_cast<DcmElement*>(meta.getMetaInfo()->getElement(i)->clone()), true);
    }
    return result;
}

}  // namespace

OFCondition loadDicomFile(DcmFileFormat& file, const std::string& path, Uint32 maxReadLength, E_FileReadMode mode) {
    try {
        return loadDicomFileOrThrow(file, path, maxReadLength, mode);
    } catch (const IoError&) {
        throw;
    } catch (const std::exception& e) {  // DCMTK lets some of its own exceptions through on malformed input
        throw IoError(path, std::string("malformed DICOM (") + e.what() + ")");
    }
}

}  // namespace lumen::io::internal
