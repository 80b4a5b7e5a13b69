#pragma once
// DICOM PS3.15 Annex E's Application Level Confidentiality Profile as data: Table E.1-1 (compiled
// in from io/deid/ps3.15-table-e.1-1.tsv) and the rule that turns its codes into one action.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace lumen::io::internal {

enum class DeidAction {
    Keep,       // K
    Remove,     // X
    Empty,      // Z: present, zero length
    Dummy,      // D: a value of the VR that means nothing
    Clean,      // C: dates shifted, identity taken out of text
    NewUid,     // U
    KeepItems,  // X/Z/U*: the sequence stays, its contents de-identified (its UIDs replaced)
};

struct DeidOptions {
    bool modifiedDates = false;     // Retain Longitudinal Temporal Information with Modified Dates
    bool cleanDescriptors = false;  // Clean Descriptors
    bool retainDevice = false;      // Retain Device Identity
};

class ConfidentialityProfile {
public:
    static const ConfidentialityProfile& standard();  // parsed once, on first use

    // The action for an attribute, or nothing when the table does not list it (then it is kept;
    // private attributes are removed before this is asked).
    std::optional<DeidAction> action(std::uint16_t group, std::uint16_t element, const DeidOptions& options) const;
    std::size_t size() const { return exact_.size() + masked_.size(); }

    // A table code ("X/Z/D", "K", …) as one action, the basic profile's rule for compound codes:
    // the most that keeps an IOD valid without knowing the attribute's type (U, then D, then Z).
    static DeidAction resolve(const std::string& code);

private:
    struct Row {
        std::uint32_t tag = 0, mask = 0xffffffff;  // mask: the bits that must match (X digits clear theirs)
        std::string basic, modifiedDates, cleanDescriptors, retainDevice;
    };
    explicit ConfidentialityProfile(const std::string& table);
    std::unordered_map<std::uint32_t, Row> exact_;
    std::vector<Row> masked_;
};

extern const char* const kConfidentialityTable;  // the TSV, generated into the build tree

}  // namespace lumen::io::internal
