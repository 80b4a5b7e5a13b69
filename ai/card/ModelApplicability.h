#pragma once
#include "core/LabelMap.h"
#include "core/Volume.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lumen::ai {

// A closed interval with either end open (null in JSON).
struct Range {
    std::optional<double> min, max;
    bool bounded() const { return min || max; }
    bool contains(double v) const { return (!min || v >= *min) && (!max || v <= *max); }
    std::string text(int decimals = 0) const;  // "1100–1800", "≥ -50", "≤ 3.5"
};

// What a model was made for, machine-checked before and after every run: the manifest's
// optional "applicability" (docs/model-package.md), filled for the starter models from their
// training data. Spacing and field of view are compared axis-sorted (finest to coarsest,
// smallest to largest), so that orientation does not matter; intensities are real values (HU
// on CT).
struct ModelApplicability {
    std::vector<std::string> modalities;  // DICOM Modality (upper case); empty: any
    std::vector<std::string> bodyParts;   // DICOM Body Part Examined (upper case); empty: any
    std::array<Range, 3> spacingMm;       // finest, middle, coarsest voxel spacing
    std::array<Range, 3> fieldOfViewMm;   // smallest, middle, largest extent of the image
    Range intensityP1, intensityP99;      // the image's 1st and 99th percentiles
    std::map<std::uint16_t, Range> labelVolumeMl;  // segmentation: plausible volume per label value
    // Segmentation: how many pieces holding at least kMainComponentFraction of the label's voxels.
    std::map<std::uint16_t, Range> labelComponents;
    // Segmentation: where the label's centre lies from the centre of every labelled voxel, in mm
    // along the patient axes (DICOM LPS: + is left, posterior, superior).
    std::map<std::uint16_t, std::array<Range, 3>> labelOffsetMm;
    std::string source;                   // for people: where the ranges come from

    bool empty() const;
    // Appends what is wrong (prefixed with `where`) to problems; the rest is read.
    static ModelApplicability fromJson(const nlohmann::json& json, const std::string& where, std::vector<std::string>& problems);
    nlohmann::json toJson() const;
};

inline constexpr double kMainComponentFraction = 0.05;

// What the file says about the image beyond its voxels (DICOM; a NIfTI says nothing).
struct ImageFacts {
    std::string modality, bodyPart;
};

// One mismatch between the model's card and an image or a result.
struct ApplicabilityWarning {
    std::string check;    // modality, body_part, spacing, field_of_view, intensity, label_volume, label_components, label_location
    std::string message;  // for people, English: "the image is CT; the model is for MR"
    std::uint16_t label = 0;  // label_volume: the label value
};

// Before a run: does the image fit the card? Empty when it does (or the card says nothing).
std::vector<ApplicabilityWarning> checkImage(const ModelApplicability& card, const core::Volume& image, const ImageFacts& facts);
// After a segmentation run: each label's volume, pieces and place against what the training data showed.
std::vector<ApplicabilityWarning> checkLabels(const ModelApplicability& card, const core::LabelMap& labels);

nlohmann::json toJson(const std::vector<ApplicabilityWarning>& warnings);
std::vector<ApplicabilityWarning> warningsFromJson(const nlohmann::json& json);

}  // namespace lumen::ai
