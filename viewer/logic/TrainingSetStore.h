#pragma once
#include "core/Volume.h"
#include "logic/AiModel.h"

#include <QCoreApplication>
#include <QString>

#include <string>
#include <vector>

namespace lumen::logic {

class Document;

// One case of a model's training set, as the training-set manager lists it.
struct TrainingCase {
    QString id;               // "case-003": its folder under cases/
    bool validation = false;  // in the locked validation split: fine-tuning never trains on it
    QString image, label;     // as the datalist gives them (relative to its folder)
    QString origin;           // the series it came from, for people
    QString seriesUid;        // the same, for the store: a series is a case once (empty: unknown)
    QString added, addedBy;   // ISO 8601 UTC, who
    QString fromModel;        // "brain-structures 1.0" when it began as that model's proposal
    // Correction effort: label voxels added/removed relative to the proposals and seconds spent;
    // findings accepted, rejected, moved/resized, drawn by hand.
    qint64 voxelsAdded = 0, voxelsRemoved = 0;
    double editSeconds = 0;
    int prompts = 0;  // AI click: the clicks and boxes its segments took
    int findingsAccepted = 0, findingsRejected = 0, findingsEdited = 0, findingsAdded = 0;
};

// A reviewed case taken from the open document as the model's truth: a snapshot made on the GUI
// thread, so writing it (TrainingSetStore::add) can run on any thread.
struct TrainingCaseDraft {
    core::Volume image;
    core::Volume labels;        // segmentation: the model's label values on the image's grid
    std::string findingsJson;   // detection: {"findings": [{class, box_min_mm, box_max_mm}]}
    std::string className;      // classification
    TrainingCase info;          // origin, effort, split (id, paths and time are the store's)
};

// A model's training set on disk, as a MONAI/Decathlon datalist that `lumen-ai finetune --data`
// reads: FOLDER/datalist.json with "training" and "validation" lists, each case's files under
// FOLDER/cases/<id>/ and what Lumen knows about it (origin, effort) in the entry's "lumen" object,
// which other tools ignore. The validation split is locked: a validation case cannot be moved to
// training or removed, so every fine-tune is measured on the same cases. Writes are atomic: a
// case's folder appears whole, then the datalist is replaced in one rename.
class TrainingSetStore {
    Q_DECLARE_TR_FUNCTIONS(TrainingSetStore)

public:
    explicit TrainingSetStore(QString folder) : folder_(std::move(folder)) {}
    // <data>/training/<model name>: one training set per model, shared by its versions.
    static QString folderFor(const QString& modelName);

    const QString& folder() const { return folder_; }
    QString datalistPath() const;
    // Throws std::runtime_error when the datalist is unreadable (say so; never rewrite it).
    std::vector<TrainingCase> cases() const;

    // Throws std::runtime_error saying what the open case lacks for this model: none of its
    // labels, proposals not yet reviewed, no class.
    static TrainingCaseDraft draft(const Document& document, const AiModel& model, bool validation);
    TrainingCase add(const TrainingCaseDraft& draft);
    void remove(const QString& id);  // throws for a validation case (locked) or an unknown id

private:
    QString folder_;
};

}  // namespace lumen::logic
