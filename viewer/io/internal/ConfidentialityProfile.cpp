#include "io/internal/ConfidentialityProfile.h"

#include <sstream>
#include <stdexcept>

namespace lumen::io::internal {

namespace {
std::vector<std::string> columns(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream in(line);
    for (std::string c; std::getline(in, c, '\t');) out.push_back(c);
    return out;
}
}  // namespace

const ConfidentialityProfile& ConfidentialityProfile::standard() {
    static const ConfidentialityProfile profile(kConfidentialityTable);
    return profile;
}

ConfidentialityProfile::ConfidentialityProfile(const std::string& table) {
    std::stringstream in(table);
    std::vector<std::string> header;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const std::vector<std::string> c = columns(line);
        if (header.empty()) {
            header = c;
            continue;
        }
        const auto column = [&](const char* name) {
            for (std::size_t i = 0; i < header.size() && i < c.size(); ++i)
                if (header[i] == name) return c[i];
            return std::string();
        };
        Row row;
        const std::string& tag = c.at(0);
        if (tag == "PRIVATE") continue;  // odd groups: removed by the walk itself
        if (tag.size() != 8) throw std::logic_error("PS3.15 table: bad tag " + tag);
        for (char digit : tag) {
            row.tag <<= 4, row.mask <<= 4;
            if (digit == 'X') continue;
            row.tag |= std::uint32_t(std::stoul(std::string(1, digit), nullptr, 16));
            row.mask |= 0xf;
        }
        row.basic = column("basic"), row.modifiedDates = column("modified-dates");
        row.cleanDescriptors = column("clean-descriptors"), row.retainDevice = column("retain-device");
        if (row.mask == 0xffffffff) exact_.emplace(row.tag, std::move(row));
        else masked_.push_back(std::move(row));
    }
    if (exact_.size() < 500) throw std::logic_error("PS3.15 table: too few rows");
}

DeidAction ConfidentialityProfile::resolve(const std::string& code) {
    if (code == "K") return DeidAction::Keep;
    if (code == "C") return DeidAction::Clean;
    if (code == "X/Z/U*") return DeidAction::KeepItems;
    if (code.find('U') != std::string::npos) return DeidAction::NewUid;
    if (code.find('D') != std::string::npos) return DeidAction::Dummy;
    if (code.find('Z') != std::string::npos) return DeidAction::Empty;
    return DeidAction::Remove;
}

std::optional<DeidAction> ConfidentialityProfile::action(std::uint16_t group, std::uint16_t element, const DeidOptions& options) const {
    const std::uint32_t tag = std::uint32_t(group) << 16 | element;
    const Row* row = nullptr;
    if (const auto it = exact_.find(tag); it != exact_.end()) row = &it->second;
    for (const Row& r : masked_)
        if (!row && (tag & r.mask) == r.tag) row = &r;
    if (!row) return std::nullopt;
    // An option's code, where it has one, replaces the basic profile's.
    if (options.retainDevice && !row->retainDevice.empty()) return resolve(row->retainDevice);
    if (options.modifiedDates && !row->modifiedDates.empty()) return resolve(row->modifiedDates);
    if (options.cleanDescriptors && !row->cleanDescriptors.empty()) return resolve(row->cleanDescriptors);
    return resolve(row->basic);
}

}  // namespace lumen::io::internal
