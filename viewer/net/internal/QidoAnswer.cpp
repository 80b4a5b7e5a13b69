#include "net/internal/QidoAnswer.h"

#include "net/PacsError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctag.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace lumen::net::internal {

namespace {

bool isTag(const std::string& key) {
    return key.size() == 8 && std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

PacsRecord recordOf(const nlohmann::json& object) {
    PacsRecord r;
    if (!object.is_object()) return r;
    for (const auto& [tag, attribute] : object.items()) {
        if (!isTag(tag) || !attribute.is_object()) continue;
        const unsigned long key = std::stoul(tag, nullptr, 16);
        DcmTag dcm(Uint16(key >> 16), Uint16(key & 0xFFFF));
        const std::string name = dcm.getTagName();
        if (name == "SpecificCharacterSet") continue;  // as C-FIND's records: values are UTF-8 here
        r[name == "Unknown Tag & Data" ? tag : name] = dicomJsonText(attribute);
    }
    return r;
}

}  // namespace

std::string dicomJsonText(const nlohmann::json& attribute) {
    if (!attribute.is_object()) return {};
    const auto values = attribute.find("Value");
    if (values == attribute.end() || !values->is_array()) return {};
    std::string out;
    for (const auto& v : *values) {
        if (!out.empty()) out += '\\';
        if (v.is_string()) out += v.get<std::string>();
        else if (v.is_object()) {
            const auto alphabetic = v.find("Alphabetic");
            if (alphabetic != v.end() && alphabetic->is_string()) out += alphabetic->get<std::string>();
        } else if (v.is_number()) out += v.dump();
    }
    return out;
}

std::vector<PacsRecord> readQidoAnswer(const std::string& body, const std::string& url) {
    nlohmann::json answer;
    try {
        answer = nlohmann::json::parse(body);
    } catch (const nlohmann::json::exception&) {
        throw PacsError("the PACS's answer to " + url + " is not DICOM JSON");
    }
    if (!answer.is_array()) throw PacsError("the PACS's answer to " + url + " is not a list of matches");
    std::vector<PacsRecord> records;
    for (const auto& match : answer) records.push_back(recordOf(match));
    return records;
}

}  // namespace lumen::net::internal
