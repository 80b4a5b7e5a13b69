#pragma once
#include "core/FrameRecord.h"
#include "core/Vector3.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lumen::core {

// One DICOM file as read from its header (no pixel data): identity, pixel format, geometry
// and what series assembly needs to sort, split and decode it.
struct InstanceRecord {
    std::string filePath;
    std::uint64_t fileSize = 0;
    std::string sopClassUid;
    std::string sopInstanceUid;
    std::string transferSyntaxUid;
    std::optional<int> instanceNumber;
    std::optional<int> acquisitionNumber;
    std::string imageType;

    // Image pixel module. `hasPixelData` is false for SR, RT plans, presentation states...
    bool hasPixelData = false;
    std::uint32_t rows = 0, columns = 0, numberOfFrames = 1;
    std::uint16_t samplesPerPixel = 1, bitsAllocated = 0, bitsStored = 0, highBit = 0;
    std::uint16_t pixelRepresentation = 0, planarConfiguration = 0;
    std::string photometricInterpretation;
    bool floatPixelData = false;  // Float/Double Float Pixel Data instead of Pixel Data

    // Where the pixel data value starts in the file and its length (native encoding) so that
    // the loader can read it straight into the volume; 0 when unknown or encapsulated.
    std::uint64_t pixelDataOffset = 0;
    std::uint64_t pixelDataLength = 0;
    bool encapsulated = false;
    bool bigEndian = false;        // native data in big-endian byte order
    std::string pixelDataVr;       // "OB", "OW" (explicit VR) or empty

    // Image plane module (the first frame's, for multi-frame objects).
    std::optional<Point3> position;
    std::optional<std::array<double, 6>> orientation;
    std::optional<std::array<double, 2>> pixelSpacing;  // row spacing, column spacing (mm)
    std::optional<double> sliceThickness;
    std::optional<double> spacingBetweenSlices;
    std::optional<double> gantryTilt;                    // degrees
    std::vector<double> gridFrameOffsets;                // RT dose frame offsets along the normal
    std::vector<FrameRecord> frames;                     // per-frame data of enhanced objects

    double rescaleSlope = 1.0, rescaleIntercept = 0.0;
    std::string rescaleType;
    std::optional<double> windowCenter, windowWidth;

    // What tells the images of one series apart in time or acquisition.
    std::optional<int> temporalPositionIdentifier;
    std::optional<double> triggerTime;
    std::optional<int> echoNumber;
    std::string acquisitionTime;
    std::string contentTime;
};

}  // namespace lumen::core
