#pragma once
// DCMTK helpers shared by the io translation units. Not part of lumen_io's public interface.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace lumen::io::internal {

// Registers the JPEG, JPEG-LS and RLE decoders and silences DCMTK's logger (errors reach the
// user through IoError instead). Safe to call from any thread, any number of times.
void ensureDcmtkReady();

std::string getString(DcmItem& item, const DcmTagKey& tag);
std::optional<double> getDouble(DcmItem& item, const DcmTagKey& tag, unsigned long pos = 0);
std::optional<int> getInt(DcmItem& item, const DcmTagKey& tag);
std::optional<unsigned> getUInt16(DcmItem& item, const DcmTagKey& tag);
// All values of a multi-valued numeric (DS/FD/FL/IS) element; empty when absent.
std::vector<double> getDoubles(DcmItem& item, const DcmTagKey& tag);
template <std::size_t N>
std::optional<std::array<double, N>> getFixed(DcmItem& item, const DcmTagKey& tag) {
    const auto v = getDoubles(item, tag);
    if (v.size() < N) return std::nullopt;
    std::array<double, N> a{};
    for (std::size_t i = 0; i < N; ++i) a[i] = v[i];
    return a;
}
// First item of a sequence inside `item`, or nullptr.
DcmItem* firstItem(DcmItem& item, const DcmTagKey& sequenceTag);

// A DS value: up to 10 significant digits, never more than DS's 16 characters.
std::string decimalString(double v);
// Throws IoError "file: what: DCMTK's reason" when `c` is bad.
void check(const OFCondition& c, const std::string& file, const std::string& what);
// The FrameOfReferenceUID of a DICOM file ("" when it has none or cannot be read).
std::string frameOfReferenceUid(const std::string& file);

}  // namespace lumen::io::internal
