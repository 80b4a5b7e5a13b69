#pragma once
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace lumen::core {

// One 8-bit-per-channel colour voxel (colour DICOM, palette colour after lookup).
struct Rgb8 {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb8& o) const { return r == o.r && g == o.g && b == o.b; }
};

enum class PixelType { Int8, UInt8, Int16, UInt16, Int32, UInt32, Float32, Rgb24 };

std::size_t bytesPerVoxel(PixelType t);
std::string pixelTypeName(PixelType t);      // "int16", "rgb24", ...
PixelType pixelTypeFromName(const std::string& name);  // throws std::invalid_argument
bool isSigned(PixelType t);
bool isInteger(PixelType t);

template <typename T> struct PixelTypeOf;
template <> struct PixelTypeOf<std::int8_t> { static constexpr PixelType value = PixelType::Int8; };
template <> struct PixelTypeOf<std::uint8_t> { static constexpr PixelType value = PixelType::UInt8; };
template <> struct PixelTypeOf<std::int16_t> { static constexpr PixelType value = PixelType::Int16; };
template <> struct PixelTypeOf<std::uint16_t> { static constexpr PixelType value = PixelType::UInt16; };
template <> struct PixelTypeOf<std::int32_t> { static constexpr PixelType value = PixelType::Int32; };
template <> struct PixelTypeOf<std::uint32_t> { static constexpr PixelType value = PixelType::UInt32; };
template <> struct PixelTypeOf<float> { static constexpr PixelType value = PixelType::Float32; };
template <> struct PixelTypeOf<Rgb8> { static constexpr PixelType value = PixelType::Rgb24; };

// Calls fn(T{}) with the C++ type of a scalar pixel type; Rgb24 is refused because scalar
// algorithms (rescale, statistics) have no meaning for it.
template <typename Fn>
decltype(auto) visitScalarType(PixelType t, Fn&& fn) {
    switch (t) {
        case PixelType::Int8: return fn(std::int8_t{});
        case PixelType::UInt8: return fn(std::uint8_t{});
        case PixelType::Int16: return fn(std::int16_t{});
        case PixelType::UInt16: return fn(std::uint16_t{});
        case PixelType::Int32: return fn(std::int32_t{});
        case PixelType::UInt32: return fn(std::uint32_t{});
        case PixelType::Float32: return fn(float{});
        case PixelType::Rgb24: break;
    }
    throw std::invalid_argument("operation needs a scalar pixel type, got " + pixelTypeName(t));
}

}  // namespace lumen::core
