#pragma once
#include <map>
#include <string>

namespace lumen::io {

// What de-identification replaced, kept apart from the de-identified files so that the site that
// made them can re-identify its own results (PS3.15's "re-identification" is the site's, never the
// recipient's): each original UID's replacement, and each patient's new ID and date shift. Using
// the same map again gives the same replacements, so a study de-identified twice, or its SEG
// de-identified later, keeps pointing at the same images. Saved as JSON, readable by its owner only.
class IdentityMap {
public:
    struct Patient {
        std::string newId;
        int dateShiftDays = 0;  // added to every date of the patient (Modified Dates option)
    };

    // An empty map when `path` does not exist; throws IoError when it exists and is not a map.
    static IdentityMap load(const std::string& path);
    // Atomically, mode 0600.
    void save(const std::string& path) const;
    // Throws IoError when the map at `path` would lie inside `outDir`: it re-identifies, so it
    // must not travel with the files it unlocks.
    static void requireApart(const std::string& path, const std::string& outDir);

    // The replacement of `uid`, made now (2.25.<random 128 bits>) if it has none yet.
    const std::string& uid(const std::string& original);
    // The patient's replacement identity, made now if new: `newId` when given, else "ANON-" and
    // eight random hexadecimal digits; a date shift of one to ten years back.
    const Patient& patient(const std::string& originalId, const std::string& newId = {});
    // The original of a replacement UID, or "" (re-identification).
    std::string originalUid(const std::string& replacement) const;

    std::size_t uidCount() const { return uids_.size(); }
    std::size_t patientCount() const { return patients_.size(); }

private:
    std::map<std::string, std::string> uids_;
    std::map<std::string, Patient> patients_;
};

}  // namespace lumen::io
