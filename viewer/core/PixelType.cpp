#include "core/PixelType.h"

namespace lumen::core {

std::size_t bytesPerVoxel(PixelType t) {
    switch (t) {
        case PixelType::Int8:
        case PixelType::UInt8: return 1;
        case PixelType::Int16:
        case PixelType::UInt16: return 2;
        case PixelType::Int32:
        case PixelType::UInt32:
        case PixelType::Float32: return 4;
        case PixelType::Rgb24: return 3;
    }
    return 0;
}

std::string pixelTypeName(PixelType t) {
    switch (t) {
        case PixelType::Int8: return "int8";
        case PixelType::UInt8: return "uint8";
        case PixelType::Int16: return "int16";
        case PixelType::UInt16: return "uint16";
        case PixelType::Int32: return "int32";
        case PixelType::UInt32: return "uint32";
        case PixelType::Float32: return "float32";
        case PixelType::Rgb24: return "rgb24";
    }
    return "unknown";
}

PixelType pixelTypeFromName(const std::string& name) {
    for (PixelType t : {PixelType::Int8, PixelType::UInt8, PixelType::Int16, PixelType::UInt16,
                        PixelType::Int32, PixelType::UInt32, PixelType::Float32, PixelType::Rgb24})
        if (pixelTypeName(t) == name) return t;
    throw std::invalid_argument("unknown pixel type '" + name + "'");
}

bool isSigned(PixelType t) {
    return t == PixelType::Int8 || t == PixelType::Int16 || t == PixelType::Int32 ||
           t == PixelType::Float32;
}

bool isInteger(PixelType t) { return t != PixelType::Float32 && t != PixelType::Rgb24; }

}  // namespace lumen::core
