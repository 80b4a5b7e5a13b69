#pragma once
#include "core/LabelMap.h"
#include "core/Measurement.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lumen::core {

// Where an annotation came from and what the user did to it. Every item carries one.
struct Provenance {
    std::string source = "user";  // "user", or the model's name for AI proposals
    std::string modelVersion;     // the model's version when source is a model
    std::string author;           // who made or reviewed it (OS user or the name in preferences)
    std::string created, modified;  // ISO 8601 UTC
    bool editedByUser = false;    // an AI item the user changed
    // Correction effort on AI items: voxels added / removed relative to the proposal, seconds spent.
    std::size_t voxelsAdded = 0, voxelsRemoved = 0;
    double editSeconds = 0;
    // A model's proposal: why to check it with particular care (the image or the result did not
    // fit the model's card, the image looked unlike its training images); empty when nothing did.
    std::string caution;
    // Interactive AI segmentation (AI click): the clicks and boxes the segment took.
    std::size_t prompts = 0;

    bool fromModel() const { return source != "user"; }
};

// A localized finding: a box (or, when boxMin == boxMax, a point) in world mm (LPS).
struct Finding {
    enum class Status { Proposed, Accepted, Rejected, Edited };
    std::uint64_t id = 0;
    std::string className;
    double score = 1;
    Point3 boxMin, boxMax;
    Status status = Status::Accepted;
    Provenance provenance;

    bool isPoint() const { return (boxMax - boxMin).norm() == 0; }
    Point3 centre() const { return (boxMin + boxMax) * 0.5; }
};

// A study- or series-level classification with its class probabilities.
struct Classification {
    std::string level = "series";  // "study" or "series"
    std::string className;         // the chosen class
    std::vector<std::pair<std::string, double>> probabilities;
    Provenance provenance;
    bool reviewed = false;  // a model's class that a person confirmed (or changed): only then is it truth
};

// What a label value of the segmentation is beyond its name and colour.
struct SegmentInfo {
    std::uint16_t value = 0;
    // Coded concept, e.g. {"SCT", "12738006", "Brain"} (SNOMED CT) or RadLex; empty when none.
    std::string codingScheme, codeValue, codeMeaning;
    Provenance provenance;
    // A model's proposal not yet accepted: shown and editable, but not an annotation yet (exports
    // and training sets leave it out until the user accepts it).
    bool proposed = false;
};

// Everything annotated on one series: what the workspace saves and exports read.
struct AnnotationSet {
    std::string seriesInstanceUid;
    LabelMap labels;  // on the series' geometry; may be empty
    std::vector<SegmentInfo> segments;
    std::vector<Finding> findings;
    std::vector<Classification> classifications;
    std::vector<Measurement> measurements;

    const SegmentInfo* segment(std::uint16_t value) const;
};

const char* findingStatusName(Finding::Status status);

}  // namespace lumen::core
