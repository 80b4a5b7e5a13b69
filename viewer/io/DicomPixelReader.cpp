#include "io/DicomPixelReader.h"

#include "io/DicomHeaderReader.h"
#include "io/IoError.h"
#include "io/internal/DcmtkSupport.h"
#include "io/internal/DicomFileLoad.h"
#include "io/internal/Jpeg2000Decoder.h"
#include "io/internal/PixelConversion.h"

#include <dcmtk/dcmdata/dcfcache.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>

#include <cstring>
#include <fstream>

namespace lumen::io {

using namespace internal;
using core::PixelType;

namespace {

bool isJpeg2000(const std::string& ts) {
    return ts == "1.2.840.10008.1.2.4.90" || ts == "1.2.840.10008.1.2.4.91" ||  // JPEG 2000 (lossless only)
           ts == "1.2.840.10008.1.2.4.92" || ts == "1.2.840.10008.1.2.4.93" ||  // part 2 multi-component
           ts == "1.2.840.10008.1.2.4.201" || ts == "1.2.840.10008.1.2.4.202" ||  // HTJ2K
           ts == "1.2.840.10008.1.2.4.203";
}

PixelType sampleTypeFor(unsigned bitsAllocated, bool isSigned) {
    switch (bitsAllocated) {
        case 1: return PixelType::UInt8;
        case 8: return isSigned ? PixelType::Int8 : PixelType::UInt8;
        case 16: return isSigned ? PixelType::Int16 : PixelType::UInt16;
        default: return isSigned ? PixelType::Int32 : PixelType::UInt32;
    }
}

template <typename T>
void storeSamples(const std::vector<std::int32_t>& src, std::byte* dst) {
    T* out = reinterpret_cast<T*>(dst);
    for (std::size_t i = 0; i < src.size(); ++i) out[i] = T(src[i]);
}

}  // namespace

struct DicomPixelReader::Impl {
    core::InstanceRecord record;
    DcmFileFormat file;
    DcmDataset* dataset = nullptr;
    DcmPixelData* pixelData = nullptr;
    DcmFileCache cache;
    Uint32 nextFragment = 0;
    std::vector<std::vector<Uint8>> j2kFrames;  // fragments joined per frame, filled on first use

    IoError error(const std::string& why) const { return IoError(record.filePath, why); }
    FrameFormat nativeFormat() const {
        FrameFormat f;
        f.rows = record.rows;
        f.columns = record.columns;
        f.samplesPerPixel = record.samplesPerPixel;
        f.sampleType = record.floatPixelData ? PixelType::Float32
                                             : sampleTypeFor(record.bitsAllocated, record.pixelRepresentation == 1);
        f.photometric = record.photometricInterpretation;
        return f;
    }
    void splitJpeg2000Frames();
    FrameFormat decodeJpeg2000(std::uint32_t frame, std::vector<std::byte>& out);
    FrameFormat decodeFloat(std::uint32_t frame, std::vector<std::byte>& out);
    FrameFormat decodeOneBit(std::uint32_t frame, std::vector<std::byte>& out);
    FrameFormat decodeWithDcmtk(std::uint32_t frame, std::vector<std::byte>& out);
    void checkRleFrame(std::uint32_t frame, const FrameFormat& f);
    std::vector<std::byte> readNativeFrame(std::uint32_t frame, std::size_t frameBytes);
    void finishFrame(const std::vector<std::byte>& raw, FrameFormat& f, unsigned planar, std::vector<std::byte>& out);
};

namespace {
core::InstanceRecord headerOf(const std::string& path) {
    auto header = DicomHeaderReader::read(path);
    if (!header) throw IoError(path, "not a DICOM file");
    return std::move(header->instance);
}
}  // namespace

DicomPixelReader::DicomPixelReader(const std::string& path) : DicomPixelReader(headerOf(path)) {}

DicomPixelReader::DicomPixelReader(const core::InstanceRecord& instance) : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.record = instance;
    if (!instance.hasPixelData) throw d.error("not an image: the file has no pixel data");
    ensureDcmtkReady();
    // Large values stay on disk until a frame asks for them.
    const OFCondition cond = internal::loadDicomFile(d.file, instance.filePath, 4096);
    if (cond.bad()) throw d.error(std::string("cannot read: ") + cond.text());
    d.dataset = d.file.getDataset();
    if (!instance.floatPixelData) {
        DcmElement* element = nullptr;
        if (d.dataset->findAndGetElement(DCM_PixelData, element).bad() || !element)
            throw d.error("the file has no Pixel Data element");
        d.pixelData = dynamic_cast<DcmPixelData*>(element);
        if (!d.pixelData) throw d.error("Pixel Data element has an unexpected type");
    }
}

DicomPixelReader::~DicomPixelReader() = default;

std::uint32_t DicomPixelReader::frameCount() const { return impl_->record.numberOfFrames; }

FrameFormat DicomPixelReader::decodeFrame(std::uint32_t frame, std::vector<std::byte>& out) {
    Impl& d = *impl_;
    if (frame >= d.record.numberOfFrames) throw d.error("frame " + std::to_string(frame) + " does not exist");
    if (d.record.floatPixelData) return d.decodeFloat(frame, out);
    if (isJpeg2000(d.record.transferSyntaxUid)) return d.decodeJpeg2000(frame, out);
    if (d.record.bitsAllocated == 1 && !d.record.encapsulated) return d.decodeOneBit(frame, out);
    return d.decodeWithDcmtk(frame, out);
}

FrameFormat DicomPixelReader::Impl::decodeFloat(std::uint32_t frame, std::vector<std::byte>& out) {
    FrameFormat f = nativeFormat();
    out.resize(f.frameBytes());
    const std::size_t n = f.frameSamples();
    const Float32* floats = nullptr;
    const Float64* doubles = nullptr;
    unsigned long count = 0;
    if (dataset->findAndGetFloat32Array(DCM_FloatPixelData, floats, &count).good() && floats) {
        if (count < n * (frame + 1)) throw error("Float Pixel Data is shorter than its frames");
        std::memcpy(out.data(), floats + n * frame, n * sizeof(float));
    } else if (dataset->findAndGetFloat64Array(DCM_DoubleFloatPixelData, doubles, &count).good() && doubles) {
        if (count < n * (frame + 1)) throw error("Double Float Pixel Data is shorter than its frames");
        auto* dst = reinterpret_cast<float*>(out.data());
        for (std::size_t i = 0; i < n; ++i) dst[i] = float(doubles[n * frame + i]);
    } else {
        throw error("cannot read the float pixel data");
    }
    return f;
}

FrameFormat DicomPixelReader::Impl::decodeOneBit(std::uint32_t frame, std::vector<std::byte>& out) {
    FrameFormat f = nativeFormat();
    Uint8* bits = nullptr;
    if (pixelData->getUint8Array(bits).bad() || !bits) throw error("cannot read the 1-bit pixel data");
    const std::size_t n = f.frameSamples();
    if ((n * (frame + 1) + 7) / 8 > pixelData->getLength()) throw error("1-bit pixel data is truncated");
    out.resize(n);
    // Frames of 1-bit data need not start on a byte boundary.
    unpackBits(bits, n * frame, n, reinterpret_cast<std::uint8_t*>(out.data()));
    return f;
}

// Native frames come straight from the file at the offset the header pass found (or from
// DCMTK's copy for deflated files); only compressed frames go through DCMTK's codecs.
std::vector<std::byte> DicomPixelReader::Impl::readNativeFrame(std::uint32_t frame, std::size_t frameBytes) {
    std::vector<std::byte> raw(frameBytes);
    if (record.pixelDataOffset) {
        std::ifstream in(record.filePath, std::ios::binary);
        in.seekg(std::streamoff(record.pixelDataOffset + std::uint64_t(frame) * frameBytes));
        in.read(reinterpret_cast<char*>(raw.data()), std::streamsize(frameBytes));
        if (in.gcount() != std::streamsize(frameBytes)) throw error("file is truncated inside frame " + std::to_string(frame));
        const std::size_t bytesPerSample = record.bitsAllocated / 8;
        toNativeByteOrder(raw.data(), frameBytes, bytesPerSample, record.bigEndian, record.pixelDataVr == "OW");
        return raw;
    }
    Uint8* all = nullptr;
    if (pixelData->getUint8Array(all).bad() || !all) throw error("cannot read the pixel data");
    if (std::uint64_t(frame + 1) * frameBytes > pixelData->getLength()) throw error("pixel data is truncated");
    std::memcpy(raw.data(), all + std::size_t(frame) * frameBytes, frameBytes);
    return raw;
}

FrameFormat DicomPixelReader::Impl::decodeWithDcmtk(std::uint32_t frame, std::vector<std::byte>& out) {
    FrameFormat f = nativeFormat();
    const std::size_t bytesPerSample = core::bytesPerVoxel(f.sampleType);
    if (!record.encapsulated) {
        const bool ybr422 = f.samplesPerPixel == 3 && f.photometric == "YBR_FULL_422";
        const std::size_t stored = std::size_t(f.rows) * f.columns * (ybr422 ? 2 : f.samplesPerPixel) * bytesPerSample;
        finishFrame(readNativeFrame(frame, stored), f, record.planarConfiguration, out);
        return f;
    }
    Uint32 frameSize = 0;
    if (pixelData->getUncompressedFrameSize(dataset, frameSize).bad() || frameSize == 0)
        throw error("cannot work out the frame size from the image attributes");
    std::vector<std::byte> raw(frameSize + (frameSize & 1));
    OFString colorModel;
    if (frame == 0) nextFragment = 0;
    if (record.transferSyntaxUid == UID_RLELosslessTransferSyntax) checkRleFrame(frame, f);
    const OFCondition cond = pixelData->getUncompressedFrame(dataset, frame, nextFragment, raw.data(),
                                                             Uint32(raw.size()), colorModel, &cache);
    if (cond.bad()) throw error("cannot decode frame " + std::to_string(frame) + ": " + cond.text());
    if (!colorModel.empty()) f.photometric = colorModel.c_str();
    // The RLE decoder hands back colour by plane and says so in the dataset.
    finishFrame(raw, f, getUInt16(*dataset, DCM_PlanarConfiguration).value_or(0), out);
    return f;
}

// An RLE frame is one fragment that starts with a table of up to 15 segments (PS3.5 G.5). DCMTK
// 3.6.7 trusts that table: offsets out of order or past the fragment make it read outside it.
void DicomPixelReader::Impl::checkRleFrame(std::uint32_t frame, const FrameFormat& f) {
    DcmPixelSequence* sequence = nullptr;
    DcmPixelItem* fragment = nullptr;
    Uint8* bytes = nullptr;
    if (pixelData->getEncapsulatedRepresentation(EXS_RLELossless, nullptr, sequence).bad() || !sequence ||
        sequence->getItem(fragment, frame + 1).bad() || !fragment || fragment->getUint8Array(bytes).bad() || !bytes)
        throw error("RLE frame " + std::to_string(frame) + " is missing");
    const Uint32 length = fragment->getLength();
    const auto word = [&](std::size_t i) { return Uint32(bytes[4 * i]) | Uint32(bytes[4 * i + 1]) << 8 | Uint32(bytes[4 * i + 2]) << 16 | Uint32(bytes[4 * i + 3]) << 24; };
    const std::size_t expected = std::size_t(f.samplesPerPixel) * core::bytesPerVoxel(f.sampleType);
    if (length < 64 || word(0) != expected) throw error("RLE frame " + std::to_string(frame) + " does not have one segment per byte of its samples");
    for (std::size_t k = 1; k <= word(0); ++k)
        if (word(k) < (k == 1 ? 64 : word(k - 1) + 1) || word(k) >= length || (k == 1 && word(k) != 64))
            throw error("RLE frame " + std::to_string(frame) + " has a malformed segment table");
}

void DicomPixelReader::Impl::finishFrame(const std::vector<std::byte>& raw, FrameFormat& f, unsigned planar,
                                         std::vector<std::byte>& out) {
    const std::size_t bytesPerSample = core::bytesPerVoxel(f.sampleType);
    const std::size_t pixels = std::size_t(f.rows) * f.columns;
    out.resize(f.frameBytes());
    if (f.samplesPerPixel == 3 && f.photometric == "YBR_FULL_422" && !record.encapsulated) {
        if (bytesPerSample != 1) throw error("YBR_FULL_422 with more than 8 bits is not supported");
        expandYbr422(reinterpret_cast<const std::uint8_t*>(raw.data()), f.rows, f.columns,
                     reinterpret_cast<std::uint8_t*>(out.data()));
    } else if (f.samplesPerPixel == 3 && planar == 1) {
        planarToInterleaved(raw.data(), pixels, 3, bytesPerSample, out.data());
    } else {
        if (raw.size() < out.size()) throw error("decoded frame is smaller than the image attributes say");
        std::memcpy(out.data(), raw.data(), out.size());
    }
    if (f.samplesPerPixel == 3 && (f.photometric == "YBR_FULL" || f.photometric == "YBR_FULL_422")) {
        if (bytesPerSample != 1) throw error(f.photometric + " with more than 8 bits is not supported");
        ybrFullToRgb(reinterpret_cast<std::uint8_t*>(out.data()), pixels);
        f.photometric = "RGB";
    } else if (f.samplesPerPixel == 3 && f.photometric != "RGB") {
        throw error("colour model " + f.photometric + " is not supported");
    }
    normalizeStoredBits(out.data(), f.sampleType, f.frameSamples(), record.bitsStored, record.highBit);
}

// Joins the fragments of each frame, using the Basic Offset Table where there is one.
void DicomPixelReader::Impl::splitJpeg2000Frames() {
    DcmPixelSequence* sequence = nullptr;
    const E_TransferSyntax xfer = DcmXfer(record.transferSyntaxUid.c_str()).getXfer();
    if (pixelData->getEncapsulatedRepresentation(xfer, nullptr, sequence).bad() || !sequence)
        throw error("JPEG 2000 pixel data is not encapsulated");
    const unsigned long items = sequence->card();
    if (items < 2) throw error("JPEG 2000 pixel data has no fragments");
    struct Fragment { Uint8* data; Uint32 length; Uint32 offset; };
    std::vector<Fragment> fragments;
    Uint32 offset = 0;
    for (unsigned long i = 1; i < items; ++i) {
        DcmPixelItem* item = nullptr;
        Uint8* data = nullptr;
        if (sequence->getItem(item, i).bad() || item->getUint8Array(data).bad()) throw error("unreadable fragment");
        fragments.push_back({data, item->getLength(), offset});
        offset += 8 + item->getLength();
    }
    std::vector<Uint32> starts;  // offset of each frame's first fragment
    DcmPixelItem* table = nullptr;
    Uint8* tableData = nullptr;
    if (sequence->getItem(table, 0).good() && table->getLength() >= 4 * record.numberOfFrames &&
        table->getUint8Array(tableData).good() && tableData) {
        for (std::uint32_t f = 0; f < record.numberOfFrames; ++f) {
            Uint32 v;
            std::memcpy(&v, tableData + 4 * f, 4);
            starts.push_back(v);  // DCMTK keeps pixel items in local byte order
        }
    } else if (fragments.size() == record.numberOfFrames || record.numberOfFrames == 1) {
        for (std::uint32_t f = 0; f < record.numberOfFrames; ++f) starts.push_back(fragments[f].offset);
    } else {
        // A codestream starts with SOC + SIZ; JP2 with its signature box.
        for (const auto& fr : fragments)
            if (fr.length >= 4 && ((fr.data[0] == 0xFF && fr.data[1] == 0x4F && fr.data[2] == 0xFF && fr.data[3] == 0x51) ||
                                   (fr.data[0] == 0 && fr.data[1] == 0 && fr.data[2] == 0 && fr.data[3] == 0x0C)))
                starts.push_back(fr.offset);
    }
    if (starts.size() != record.numberOfFrames)
        throw error("cannot tell which JPEG 2000 fragments belong to which of the " +
                    std::to_string(record.numberOfFrames) + " frames");
    j2kFrames.assign(record.numberOfFrames, {});
    std::size_t frag = 0;
    for (std::uint32_t f = 0; f < record.numberOfFrames; ++f) {
        const Uint32 end = f + 1 < record.numberOfFrames ? starts[f + 1] : offset;
        while (frag < fragments.size() && fragments[frag].offset < starts[f]) ++frag;
        for (; frag < fragments.size() && fragments[frag].offset < end; ++frag)
            j2kFrames[f].insert(j2kFrames[f].end(), fragments[frag].data, fragments[frag].data + fragments[frag].length);
    }
}

FrameFormat DicomPixelReader::Impl::decodeJpeg2000(std::uint32_t frame, std::vector<std::byte>& out) {
    if (j2kFrames.empty()) splitJpeg2000Frames();
    const auto& bytes = j2kFrames[frame];
    Jpeg2000Image image;
    try {
        image = internal::decodeJpeg2000(bytes.data(), bytes.size());
    } catch (const std::exception& e) {
        throw error(e.what());
    }
    if (image.width != record.columns || image.height != record.rows || image.components != record.samplesPerPixel)
        throw error("JPEG 2000 frame is " + std::to_string(image.width) + "x" + std::to_string(image.height) + "x" +
                    std::to_string(image.components) + " but the header says " + std::to_string(record.columns) +
                    "x" + std::to_string(record.rows) + "x" + std::to_string(record.samplesPerPixel));
    FrameFormat f = nativeFormat();
    // Trust the codestream's signedness where the header disagrees (as GDCM and pydicom do);
    // unsigned codestreams of signed images are sign-extended from their precision.
    const bool isSigned = image.isSigned || record.pixelRepresentation == 1;
    f.sampleType = sampleTypeFor(record.bitsAllocated, isSigned);
    if (!image.isSigned && record.pixelRepresentation == 1 && image.precision < record.bitsAllocated) {
        const std::int32_t sign = 1 << (image.precision - 1);
        for (auto& v : image.samples)
            if (v & sign) v -= 2 * sign;
    }
    if (f.samplesPerPixel == 3) f.photometric = "RGB";  // OpenJPEG applies the inverse RCT/ICT
    out.resize(f.frameBytes());
    switch (f.sampleType) {
        case PixelType::Int8: storeSamples<std::int8_t>(image.samples, out.data()); break;
        case PixelType::UInt8: storeSamples<std::uint8_t>(image.samples, out.data()); break;
        case PixelType::Int16: storeSamples<std::int16_t>(image.samples, out.data()); break;
        case PixelType::UInt16: storeSamples<std::uint16_t>(image.samples, out.data()); break;
        case PixelType::Int32: storeSamples<std::int32_t>(image.samples, out.data()); break;
        default: storeSamples<std::uint32_t>(image.samples, out.data()); break;
    }
    return f;
}

std::vector<core::Rgb8> DicomPixelReader::palette(int& firstMapped) const {
    DcmDataset& ds = *impl_->dataset;
    if (ds.tagExists(DCM_SegmentedRedPaletteColorLookupTableData))
        throw impl_->error("segmented palette colour lookup tables are not supported");
    const DcmTagKey descriptors[3] = {DCM_RedPaletteColorLookupTableDescriptor,
                                      DCM_GreenPaletteColorLookupTableDescriptor,
                                      DCM_BluePaletteColorLookupTableDescriptor};
    const DcmTagKey tables[3] = {DCM_RedPaletteColorLookupTableData, DCM_GreenPaletteColorLookupTableData,
                                 DCM_BluePaletteColorLookupTableData};
    std::vector<core::Rgb8> lut;
    for (int c = 0; c < 3; ++c) {
        const auto desc = getDoubles(ds, descriptors[c]);
        if (desc.size() != 3) throw impl_->error("palette colour lookup table descriptor is missing");
        const std::size_t entries = desc[0] == 0 ? 65536 : std::size_t(desc[0]);
        firstMapped = int(desc[1]);
        const unsigned bits = unsigned(desc[2]);
        const Uint16* words = nullptr;
        unsigned long count = 0;
        if (ds.findAndGetUint16Array(tables[c], words, &count).bad() || !words)
            throw impl_->error("palette colour lookup table data is missing");
        lut.resize(entries);
        const bool packedBytes = bits == 8 && count * 2 == entries;  // 8-bit entries two per word
        for (std::size_t i = 0; i < entries; ++i) {
            std::uint16_t v;
            if (packedBytes) v = (words[i / 2] >> (8 * (i % 2))) & 0xFF;
            else if (i < count) v = bits == 8 ? (words[i] & 0xFF) : (words[i] >> 8);
            else throw impl_->error("palette colour lookup table data is shorter than its descriptor");
            (c == 0 ? lut[i].r : c == 1 ? lut[i].g : lut[i].b) = std::uint8_t(v);
        }
    }
    return lut;
}

DecodedFrames DicomPixelReader::readAll(const std::string& path) {
    DicomPixelReader reader(path);
    DecodedFrames result;
    result.frames = reader.frameCount();
    std::vector<std::byte> frame;
    for (std::uint32_t f = 0; f < result.frames; ++f) {
        const FrameFormat format = reader.decodeFrame(f, frame);
        if (f == 0) {
            result.format = format;
            result.data.reserve(format.frameBytes() * result.frames);
        } else if (format.frameBytes() != result.format.frameBytes()) {
            throw IoError(path, "frames decode to different sizes");
        }
        result.data.insert(result.data.end(), frame.begin(), frame.end());
    }
    return result;
}

}  // namespace lumen::io
