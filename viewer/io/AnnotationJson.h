#pragma once
#include "core/Annotation.h"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace lumen::io {

class AnnotationFormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The whole of annotations.json or a label sidecar; throws AnnotationFormatError when the file
// cannot be read.
std::string readAnnotationText(const std::filesystem::path& file);

// annotations.json: everything of an AnnotationSet except the label map's voxels (label table,
// segment codes, findings, classifications, measurements, provenance). `labelFile` names the
// label map stored beside it ("" when there is none) and `labelChecksum` its voxels' FNV-1a.
std::string annotationsToJson(const core::AnnotationSet& set, const std::string& labelFile, std::uint64_t labelChecksum);

struct ParsedAnnotations {
    core::AnnotationSet set;  // labels: only the table (voxels come from labelFile)
    std::string labelFile;
    std::uint64_t labelChecksum = 0;
};
// Throws AnnotationFormatError naming what is wrong (not JSON, wrong format, missing fields).
ParsedAnnotations annotationsFromJson(const std::string& text);

// The label table alone (values, names, colours, codes, provenance): the JSON sidecar of a NIfTI
// label map for training pipelines, and what `lumen-cli seg export --label-table` reads. Reading
// also accepts annotations.json (its "labels") or a bare array.
std::string labelSidecarJson(const core::AnnotationSet& set);
// Where a label map's sidecar goes: LABELMAP.nii.gz → LABELMAP.json (also .nii, .nrrd, .mha).
std::string labelSidecarPath(const std::string& labelMap);
void readLabelSidecar(const std::string& text, core::AnnotationSet& set);  // throws AnnotationFormatError

// FNV-1a 64 of a label map's voxel bytes: ties annotations.json to the one label file it wrote.
std::uint64_t labelChecksum(const core::LabelMap& labels);

// Now as ISO 8601 UTC ("2026-11-26T21:37:46Z"), for provenance times.
std::string isoTimeNow();

}  // namespace lumen::io
