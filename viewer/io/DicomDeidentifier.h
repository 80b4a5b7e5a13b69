#pragma once
#include "io/IdentityMap.h"

#include <string>
#include <vector>

namespace lumen::io {

// De-identification by DICOM PS3.15 Annex E: the Basic Application Level Confidentiality Profile
// and three of its options, applied to every attribute of every item (Table E.1-1 compiled in).
// UIDs are replaced through an IdentityMap, so a study and its SEG or SR stay linked; private
// attributes go; Patient Identity Removed, De-identification Method (and its Code Sequence) and
// Longitudinal Temporal Information Modified say what was done. Pixel data is never touched, so an
// image flagged as carrying burned-in text, or of a kind that usually does (ultrasound, secondary
// capture, endoscopy, photographs) and not flagged "NO", is refused unless the user allows it.
struct DeidentificationOptions {
    bool modifiedDates = false;         // Retain Longitudinal Temporal Information, Modified Dates: dates shifted per patient
    bool cleanDescriptors = false;      // Clean Descriptors: descriptions kept, the patient's identity taken out of them
    bool retainDeviceIdentity = false;  // Retain Device Identity: station, serial numbers kept
    bool allowBurnedIn = false;         // the user has checked the pixels
    std::string patientId;              // the new Patient ID and Name; empty: ANON-… per patient, from the map
};

struct DeidentificationResult {
    int written = 0, skipped = 0;  // skipped: not DICOM (or a DICOMDIR, which names patients)
    std::vector<std::string> refused;  // "input-relative path: why", never an identity
    std::vector<std::string> files;    // what was written
};

class DicomDeidentifier {
public:
    DicomDeidentifier(DeidentificationOptions options, IdentityMap& map);

    // A de-identified copy of each DICOM file in `inputs` (files, or folders searched
    // recursively) under `outDir`/<study>/<series>/<instance>.dcm, named by the new UIDs so that no
    // name of the input (a folder called after the patient) reaches the output. Each file is
    // written atomically. Throws IoError when `outDir` cannot be made.
    DeidentificationResult run(const std::vector<std::string>& inputs, const std::string& outDir);

    // One file to one file; throws IoError (why, no identity) when refused or unreadable.
    void file(const std::string& in, const std::string& out);
    // The name under `outDir` that run() gives a de-identified file of this instance.
    std::string outputName(const std::string& outDir, const std::string& studyUid, const std::string& seriesUid, const std::string& sopUid);

    // The "DICOM Basic Profile" and options as written to De-identification Method (0012,0063).
    std::string methodDescription() const;

private:
    DeidentificationOptions options_;
    IdentityMap& map_;
};

}  // namespace lumen::io
