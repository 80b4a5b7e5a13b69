#include "io/IdentityMap.h"

#include "io/AtomicFile.h"
#include "io/IoError.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

namespace lumen::io {

using nlohmann::json;

namespace {
std::mt19937_64& generator() {
    thread_local std::mt19937_64 g{(std::uint64_t(std::random_device{}()) << 32) ^ std::random_device{}()};
    return g;
}

// A UUID-derived UID (PS3.5 B.2): "2.25." and 128 random bits as one decimal number.
std::string newUid() {
    std::uint32_t limbs[4];  // 128 bits, most significant first, divided by ten until zero
    for (std::uint32_t& l : limbs) l = std::uint32_t(generator()());
    std::string digits;
    for (bool zero = false; !zero;) {
        std::uint64_t rest = 0;
        zero = true;
        for (std::uint32_t& l : limbs) {
            const std::uint64_t v = rest << 32 | l;
            l = std::uint32_t(v / 10), rest = v % 10;
            zero = zero && l == 0;
        }
        digits.insert(digits.begin(), char('0' + rest));
    }
    return "2.25." + digits;
}
}  // namespace

IdentityMap IdentityMap::load(const std::string& path) {
    IdentityMap map;
    if (!std::filesystem::exists(path)) return map;
    try {
        std::ifstream in(path);
        const json j = json::parse(in);
        if (j.value("format", "") != "lumen-identity-map") throw IoError(path, "not a Lumen identity map");
        for (const auto& [original, replacement] : j.at("uids").items()) map.uids_[original] = replacement.get<std::string>();
        for (const auto& [original, p] : j.at("patients").items())
            map.patients_[original] = Patient{p.at("id").get<std::string>(), p.at("date_shift_days").get<int>()};
    } catch (const json::exception& e) {
        throw IoError(path, std::string("not a readable identity map (") + e.what() + ")");
    }
    return map;
}

void IdentityMap::save(const std::string& path) const {
    json j = {{"format", "lumen-identity-map"}, {"version", 1}, {"uids", json::object()}, {"patients", json::object()}};
    for (const auto& [original, replacement] : uids_) j["uids"][original] = replacement;
    for (const auto& [original, p] : patients_) j["patients"][original] = {{"id", p.newId}, {"date_shift_days", p.dateShiftDays}};
    const std::string temporary = temporarySibling(path);
    {
        std::ofstream out(temporary, std::ios::trunc);
        ::chmod(temporary.c_str(), 0600);  // it re-identifies: its owner's alone
        out << j.dump(1) << "\n";
        if (!out.flush()) {
            std::remove(temporary.c_str());
            throw IoError(path, "cannot write the identity map");
        }
    }
    commitFile(temporary, path);
}

void IdentityMap::requireApart(const std::string& path, const std::string& outDir) {
    const std::filesystem::path map = std::filesystem::weakly_canonical(path), out = std::filesystem::weakly_canonical(outDir);
    if (map.string().rfind(out.string() + "/", 0) == 0) throw IoError(path, "the identity map must be kept outside the output folder");
}

const std::string& IdentityMap::uid(const std::string& original) {
    auto it = uids_.find(original);
    if (it == uids_.end()) it = uids_.emplace(original, newUid()).first;
    return it->second;
}

const IdentityMap::Patient& IdentityMap::patient(const std::string& originalId, const std::string& newId) {
    auto it = patients_.find(originalId);
    if (it != patients_.end()) return it->second;
    Patient p;
    if (newId.empty()) {
        char hex[9];
        std::snprintf(hex, sizeof hex, "%08X", unsigned(generator()() & 0xffffffffu));
        p.newId = std::string("ANON-") + hex;
    } else {
        p.newId = newId;
    }
    p.dateShiftDays = -int(std::uniform_int_distribution<int>(365, 3652)(generator()));
    return patients_.emplace(originalId, p).first->second;
}

std::string IdentityMap::originalUid(const std::string& replacement) const {
    for (const auto& [original, r] : uids_)
        if (r == replacement) return original;
    return {};
}

}  // namespace lumen::io
