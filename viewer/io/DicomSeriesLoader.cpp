#include "io/DicomSeriesLoader.h"

#include "core/OperationCanceled.h"
#include "core/ParallelFor.h"
#include "core/SliceResampler.h"
#include "core/Progress.h"
#include "io/DicomPixelReader.h"
#include "io/IoError.h"
#include "io/SystemMemory.h"
#include "io/internal/PixelConversion.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <limits>
#include <map>

namespace lumen::io {

using core::PixelType;

namespace {

bool isColour(const core::InstanceRecord& r) {
    return r.samplesPerPixel == 3 || r.photometricInterpretation == "PALETTE COLOR";
}

PixelType storedType(const core::InstanceRecord& r) {
    const bool isSigned = r.pixelRepresentation == 1;
    switch (r.bitsAllocated) {
        case 1: return PixelType::UInt8;
        case 8: return isSigned ? PixelType::Int8 : PixelType::UInt8;
        case 16: return isSigned ? PixelType::Int16 : PixelType::UInt16;
        default: return isSigned ? PixelType::Int32 : PixelType::UInt32;
    }
}

// Reads a native frame with pread() into its slot of the volume.
class RawFile {
public:
    explicit RawFile(const std::string& path) : path_(path), fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
        if (fd_ < 0) throw IoError(path, "cannot open");
    }
    ~RawFile() { ::close(fd_); }
    void readAt(std::uint64_t offset, void* dst, std::size_t bytes) const {
        auto* p = static_cast<char*>(dst);
        while (bytes > 0) {
            const ssize_t n = ::pread(fd_, p, bytes, off_t(offset));
            if (n <= 0) throw IoError(path_, n == 0 ? "file is truncated inside the pixel data" : "read error");
            p += n;
            bytes -= std::size_t(n);
            offset += std::uint64_t(n);
        }
    }

private:
    std::string path_;
    int fd_;
};

template <typename Src, typename Dst>
void convertSamples(const Src* src, Dst* dst, std::size_t n, double slope, double intercept, bool rescale) {
    for (std::size_t i = 0; i < n; ++i)
        dst[i] = rescale ? Dst(double(src[i]) * slope + intercept) : Dst(src[i]);
}

// Decoded greyscale samples → the volume's voxel type (and real values where frames differ).
void storeGrey(const std::vector<std::byte>& frame, const FrameFormat& f, void* dst, PixelType dstType,
               const StackFrame& sf, bool perFrameRescale) {
    const std::size_t n = std::size_t(f.rows) * f.columns;
    core::visitScalarType(f.sampleType, [&](auto srcTag) {
        using Src = decltype(srcTag);
        const Src* src = reinterpret_cast<const Src*>(frame.data());
        core::visitScalarType(dstType, [&](auto dstTag) {
            using Dst = decltype(dstTag);
            convertSamples(src, static_cast<Dst*>(dst), n, sf.slope, sf.intercept, perFrameRescale);
        });
    });
}

void storeColour(const std::vector<std::byte>& frame, const FrameFormat& f, core::Rgb8* dst,
                 const std::vector<core::Rgb8>& palette, int firstMapped, unsigned bitsStored) {
    const std::size_t n = std::size_t(f.rows) * f.columns;
    if (f.photometric == "PALETTE COLOR") {
        core::visitScalarType(f.sampleType, [&](auto tag) {
            using T = decltype(tag);
            const T* idx = reinterpret_cast<const T*>(frame.data());
            for (std::size_t i = 0; i < n; ++i) {
                const long k = std::clamp<long>(long(idx[i]) - firstMapped, 0, long(palette.size()) - 1);
                dst[i] = palette[std::size_t(k)];
            }
        });
        return;
    }
    if (f.samplesPerPixel != 3) throw std::runtime_error("colour frame without three samples");
    core::visitScalarType(f.sampleType, [&](auto tag) {
        using T = decltype(tag);
        const T* s = reinterpret_cast<const T*>(frame.data());
        // Deeper colour is scaled down to the 8 bits the viewer shows.
        const double scale = bitsStored > 8 ? 255.0 / double((std::uint64_t(1) << bitsStored) - 1) : 1.0;
        for (std::size_t i = 0; i < n; ++i)
            dst[i] = {std::uint8_t(std::lround(double(s[3 * i]) * scale)), std::uint8_t(std::lround(double(s[3 * i + 1]) * scale)),
                      std::uint8_t(std::lround(double(s[3 * i + 2]) * scale))};
    });
}

bool fastPathFits(const core::InstanceRecord& r, PixelType volumeType) {
    return r.pixelDataOffset != 0 && !r.encapsulated && !r.floatPixelData && r.samplesPerPixel == 1 &&
           r.bitsAllocated >= 8 && core::bytesPerVoxel(volumeType) * 8 == r.bitsAllocated &&
           r.photometricInterpretation.rfind("MONOCHROME", 0) == 0;
}

void fillGaps(const ImageStack& stack, core::Volume& volume) {
    if (stack.missingSlices() == 0) return;
    const std::size_t sliceVoxels = volume.geometry().sliceVoxelCount();
    if (volume.pixelType() == PixelType::Rgb24) {
        for (std::size_t i = 0; i < stack.frames.size(); ++i)
            if (stack.frames[i].instance == StackFrame::kGap)
                std::fill_n(static_cast<core::Rgb8*>(volume.data()) + i * sliceVoxels, sliceVoxels, core::Rgb8{});
        return;
    }
    // Blank slices take the darkest value present, so they read as background (air on CT).
    core::visitScalarType(volume.pixelType(), [&](auto tag) {
        using T = decltype(tag);
        T* v = static_cast<T*>(volume.data());
        T lowest = std::numeric_limits<T>::max();
        for (std::size_t i = 0; i < stack.frames.size(); ++i)
            if (stack.frames[i].instance != StackFrame::kGap)
                lowest = std::min(lowest, *std::min_element(v + i * sliceVoxels, v + (i + 1) * sliceVoxels));
        for (std::size_t i = 0; i < stack.frames.size(); ++i)
            if (stack.frames[i].instance == StackFrame::kGap) std::fill(v + i * sliceVoxels, v + (i + 1) * sliceVoxels, lowest);
    });
}

}  // namespace

PixelType DicomSeriesLoader::volumeType(const ImageStack& stack) {
    const auto& r = stack.firstInstance();
    if (isColour(r)) return PixelType::Rgb24;
    if (r.floatPixelData || stack.perFrameRescale) return PixelType::Float32;
    switch (r.bitsAllocated) {
        case 1: return PixelType::UInt8;
        case 8: return r.pixelRepresentation == 1 ? PixelType::Int8 : PixelType::UInt8;
        // Fewer than 16 stored bits fit int16 whatever their sign, which also absorbs JPEG 2000
        // codestreams whose signedness contradicts PixelRepresentation.
        case 16: return r.pixelRepresentation == 1 || r.bitsStored < 16 ? PixelType::Int16 : PixelType::UInt16;
        default: return r.pixelRepresentation == 1 ? PixelType::Int32 : PixelType::UInt32;
    }
}

std::uint64_t DicomSeriesLoader::volumeBytes(const ImageStack& stack) {
    const auto& d = stack.geometry.dims();
    return std::uint64_t(d[0]) * d[1] * d[2] * stack.timePoints * core::bytesPerVoxel(volumeType(stack));
}

namespace {
// The grid the frames themselves fill: the final one, or the acquired slices before resampling.
core::ImageGeometry frameGeometry(const ImageStack& stack) {
    if (!stack.needsResampling()) return stack.geometry;
    const auto& r = stack.firstInstance();
    const auto& g = stack.geometry;
    return core::ImageGeometry({r.columns, r.rows, stack.acquiredSliceOrigins.size()},
                               {g.spacing().x, g.spacing().y, 1.0}, stack.acquiredSliceOrigins.front(), g.direction());
}

// What the files can hold bounds what they decode to: native pixel data, their size; compressed,
// at most 4096 times it (RLE cannot pass 64:1; the rest leaves room for blank frames in any
// codec). A header that claims more (fuzzing: 64015 × 10256 pixels in a 923-byte file) is
// refused before a buffer that size is allocated. Only checked from 64 MB: below that, the
// decoders' own checks say which file is short.
void checkFilesCanHold(const ImageStack& stack) {
    std::uint64_t claimed = 0, capacity = 0, fileBytes = 0;
    std::vector<bool> counted(stack.instances.size(), false);
    for (const StackFrame& f : stack.frames) {
        if (f.instance == StackFrame::kGap) continue;
        const core::InstanceRecord& r = stack.instances[f.instance];
        claimed += std::uint64_t(r.rows) * r.columns * r.samplesPerPixel * r.bitsAllocated / 8;
        if (counted[f.instance]) continue;
        counted[f.instance] = true;
        if (r.fileSize == 0) return;  // a record that does not know its file's size: nothing to judge by
        fileBytes += r.fileSize;
        capacity += r.fileSize * (r.encapsulated ? 4096 : 1);
    }
    if (claimed > (std::uint64_t(64) << 20) && claimed > capacity)
        throw IoError("", "its files (" + std::to_string(fileBytes) + " bytes) cannot hold the " + std::to_string(claimed >> 20) +
                              " MB of pixels their headers claim");
}
}  // namespace

core::Volume DicomSeriesLoader::load(const ImageStack& stack, core::Progress* progress, unsigned threads) {
    if (stack.frames.empty() || stack.instances.empty()) throw IoError("", "the image stack is empty");
    const core::ImageGeometry frameGrid = frameGeometry(stack);
    const PixelType type = volumeType(stack);
    checkFilesCanHold(stack);
    requireMemory(volumeBytes(stack) + (stack.needsResampling() ? frameGrid.voxelCount() * stack.timePoints *
                                                                      core::bytesPerVoxel(type) : 0),
                  "this series", "");  // the series' fault, not one file's (ImageLoader::loadSeries)
    core::Volume volume = core::Volume::allocate(type, frameGrid, stack.timePoints);
    // Huge pages make filling 200 MB warm 2-3x faster (a hundred page faults instead of fifty
    // thousand), but on VMs that hand idle memory back to the host the first load after a pause
    // became 0.4-0.8 s slower (BENCHMARKS.md). Opt-in for bare-metal workstations.
    static const bool hugePages = [] {
        const char* v = std::getenv("LUMEN_HUGE_PAGES");
        return v && std::string(v) == "1";
    }();
    if (hugePages && volume.byteSize() >= (std::size_t(32) << 20)) ::madvise(volume.data(), volume.byteSize(), MADV_HUGEPAGE);
    const std::size_t sliceBytes = volume.geometry().sliceVoxelCount() * core::bytesPerVoxel(type);
    auto* base = static_cast<std::byte*>(volume.data());

    // One task per file: the frames it contributes and where they go.
    std::map<std::size_t, std::vector<std::pair<std::uint32_t, std::size_t>>> framesOfInstance;
    for (std::size_t slot = 0; slot < stack.frames.size(); ++slot)
        if (stack.frames[slot].instance != StackFrame::kGap)
            framesOfInstance[stack.frames[slot].instance].push_back({stack.frames[slot].frame, slot});
    std::vector<std::size_t> instances;
    for (const auto& kv : framesOfInstance) instances.push_back(kv.first);

    if (progress) progress->beginStage("Loading images", stack.frames.size());
    auto loadFrames = [&](const core::InstanceRecord& r, const std::vector<std::pair<std::uint32_t, std::size_t>>& frames) {
        if (r.rows != frameGrid.dims()[1] || r.columns != frameGrid.dims()[0])
            throw IoError(r.filePath, "image size differs from the rest of the stack");
        if (fastPathFits(r, type) && !stack.perFrameRescale) {
            RawFile file(r.filePath);
            for (auto [frame, slot] : frames) {
                std::byte* dst = base + slot * sliceBytes;
                file.readAt(r.pixelDataOffset + std::uint64_t(frame) * sliceBytes, dst, sliceBytes);
                internal::toNativeByteOrder(dst, sliceBytes, r.bitsAllocated / 8, r.bigEndian, r.pixelDataVr == "OW");
                internal::normalizeStoredBits(dst, storedType(r), volume.geometry().sliceVoxelCount(), r.bitsStored, r.highBit);
            }
        } else {
            DicomPixelReader reader(r);
            std::vector<core::Rgb8> palette;
            int firstMapped = 0;
            if (r.photometricInterpretation == "PALETTE COLOR") palette = reader.palette(firstMapped);
            std::vector<std::byte> decoded;
            for (auto [frame, slot] : frames) {
                const FrameFormat f = reader.decodeFrame(frame, decoded);
                std::byte* dst = base + slot * sliceBytes;
                if (type == PixelType::Rgb24)
                    storeColour(decoded, f, reinterpret_cast<core::Rgb8*>(dst), palette, firstMapped, r.bitsStored);
                else
                    storeGrey(decoded, f, dst, type, stack.frames[slot], stack.perFrameRescale);
            }
        }
        if (progress) progress->advance(frames.size());
    };
    core::parallelFor(instances.size(), threads, [&](std::size_t task) {
        if (progress) progress->checkCanceled();
        const core::InstanceRecord& r = stack.instances[instances[task]];
        try {
            loadFrames(r, framesOfInstance.at(instances[task]));
        } catch (const core::OperationCanceled&) {
            throw;
        } catch (const IoError& e) {  // every error names the file, so that a caller can leave it out
            throw IoError(r.filePath, e.reason());
        } catch (const std::exception& e) {
            throw IoError(r.filePath, e.what());
        }
    });
    fillGaps(stack, volume);

    core::Rescale rescale = stack.rescale;
    if (stack.perFrameRescale) rescale = {1.0, 0.0, stack.rescale.units};  // real values stored
    volume.setRescale(rescale);
    volume.setInvertedDisplay(stack.firstInstance().photometricInterpretation == "MONOCHROME1");
    if (!stack.needsResampling()) return volume;
    const auto [lowest, highest] = volume.withRescale({}).realRange();
    (void)highest;
    return core::SliceResampler::resample(volume, stack.acquiredSliceOrigins, stack.geometry, lowest);
}

core::Volume DicomSeriesLoader::loadSlice(const ImageStack& stack, std::size_t slice) {
    ImageStack one = stack;
    const std::size_t slices = stack.frameSlices();
    std::size_t k = std::min(slice, slices - 1);
    // Skip gaps: the nearest slice that exists.
    for (std::size_t step = 0; stack.frames[k].instance == StackFrame::kGap && step < slices; ++step)
        k = (k + 1) % slices;
    one.frames = {stack.frames[k]};
    one.timePoints = 1;
    const core::ImageGeometry& g = stack.needsResampling() ? frameGeometry(stack) : stack.geometry;
    const core::Point3 origin = stack.needsResampling() ? stack.acquiredSliceOrigins[k] : g.indexToWorld({0, 0, double(k)});
    one.geometry = core::ImageGeometry({g.dims()[0], g.dims()[1], 1}, g.spacing(), origin, g.direction());
    one.acquiredSliceOrigins.clear();
    return load(one, nullptr, 1);
}

}  // namespace lumen::io
