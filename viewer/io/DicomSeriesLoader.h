#pragma once
#include "core/Volume.h"
#include "io/ImageStack.h"

namespace lumen::core { class Progress; }

namespace lumen::io {

// Reads an assembled stack into one Volume. Native greyscale frames are read straight from
// disk into the volume (no intermediate copy); compressed and colour frames are decoded by
// DicomPixelReader. Files are read in parallel.
class DicomSeriesLoader {
public:
    // The voxel type the stack loads as: colour → rgb24, differing per-frame rescale or float
    // pixel data → float32 (real values), otherwise the stored integer type.
    static core::PixelType volumeType(const ImageStack& stack);
    static std::uint64_t volumeBytes(const ImageStack& stack);

    // Throws IoError (naming the file) for unreadable frames or when the volume would not
    // fit in memory, core::OperationCanceled when progress is canceled.
    static core::Volume load(const ImageStack& stack, core::Progress* progress = nullptr, unsigned threads = 0);
    // One slice of the stack (time point 0) as a one-slice volume at its place: what a viewer
    // shows while the rest loads, and what thumbnails are made of. Resampled stacks give their
    // nearest acquired slice.
    static core::Volume loadSlice(const ImageStack& stack, std::size_t slice);
};

}  // namespace lumen::io
