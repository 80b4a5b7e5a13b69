#pragma once
#include "ai/protocol/InteractivePrompt.h"
#include "core/Annotation.h"
#include "core/LabelMapEdit.h"
#include "logic/AiModel.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTemporaryDir>

#include <deque>
#include <memory>
#include <vector>

namespace lumen::logic {

class AiWorkerClient;
class Document;

// The AI click tool's model (headless; the views only hand it clicks and boxes in LPS mm): an
// interactive session in the `lumen-ai worker`, which keeps the image and the model loaded, and the
// object being segmented, shown in the label map as a proposal of the model (MITK's
// preview-then-accept) on a label value of its own. Every step (a prompt, an undo, a redo) paints
// the worker's new mask over the object's previous one as one undoable edit; labels that were
// there before (accepted, drawn) are never painted over. Prompts given while one runs go together
// in the next request. The prompt list is kept here too, so that the views show it at once and
// undo/redo have no limit (the worker keeps every step's mask). The segment's provenance counts
// the prompts and the seconds spent: the correction effort of AI click.
class InteractiveSegmentation : public QObject {
    Q_OBJECT
public:
    InteractiveSegmentation(Document* document, AiWorkerClient* worker, QObject* parent = nullptr);
    ~InteractiveSegmentation() override;  // ends the worker's session

    // The interactive model (task "interactive_segmentation") the next object uses.
    void setModel(const AiModel& model);
    const AiModel& model() const { return model_; }
    Document* document() const { return document_; }
    bool hasModel() const { return !model_.name.isEmpty(); }

    // A click or box on the current object; the first starts the worker's session (a second or
    // two: the image is handed over). false (and failed()) when there is no image or model.
    bool addPrompt(const ai::InteractivePrompt& prompt);
    bool canUndo() const { return position_ > 0; }
    bool canRedo() const { return position_ < steps_.size(); }
    bool undo();
    bool redo();
    // The current object stays (a proposal to accept or reject); the next prompt starts another.
    void newObject();
    // The next prompts correct the segment `value` (drawn, accepted, corrected by hand or a model's
    // proposal) rather than start from nothing: its voxels are the model's starting mask, and it is
    // a proposal again until accepted. false if it has none.
    bool refine(std::uint16_t value);
    // The current object becomes an annotation (reviewed by the user, now); the next prompt starts
    // another. false when there is no object.
    bool accept();
    void end();  // the worker's session ends (another series, the tool put away)

    std::uint16_t objectLabel() const { return value_; }  // 0 until the first result is shown
    // The prompts in effect for the current object, in order (undone ones left out).
    std::vector<ai::InteractivePrompt> prompts() const;
    bool busy() const { return starting_ || inFlight_ || writing_ || !queue_.empty(); }
    double lastStepMs() const { return lastMs_; }

    // One step painted into `labels`: the object `segment` (its value, name, colour in `label`)
    // becomes `mask` (0/1 on the labels' grid): its voxels elsewhere go back to 0, voxels of other
    // labels are kept. One edit with the segment's metadata.
    struct Painted {
        core::LabelMap labels;
        core::LabelMapEdit edit;
        std::size_t voxels = 0;  // the object's voxels after the step
    };
    static Painted paint(const core::LabelMap& labels, core::LabelMetadata before, const std::vector<std::uint8_t>& mask,
                         const core::Label& label, const core::SegmentInfo& segment);

signals:
    void changed();  // prompts, the object, busy or not
    void stepShown(const QString& summary);
    void failed(const QString& message);

private:
    struct Op {
        enum class Kind { Prompts, Undo, Redo, NewObject } kind = Kind::Prompts;
        std::vector<ai::InteractivePrompt> prompts;
        QString mask;  // NewObject: the starting mask (a NIfTI in scratch), "writing:<n>" until written, or empty
    };
    void enqueue(Op op);
    void pump();
    void startSession();
    void onStep(const QString& id, const QString& mask, const QString& summary, double ms);
    void onFailed(const QString& id, const QString& message);
    void reset(bool endSession);
    bool sameImage() const;
    // The current object was accepted, rejected or corrected by hand since its last step.
    bool touchedElsewhere() const;
    core::SegmentInfo segmentNow() const;

    Document* document_;
    QPointer<AiWorkerClient> worker_;  // AiAssist owns it and may go first when the window closes
    AiModel model_;
    QString session_;         // the worker's session id; empty: none
    bool starting_ = false;   // the image is being handed over
    bool inFlight_ = false;   // a request is with the worker
    bool skipPaint_ = false;  // the answer to a plain new_object: nothing to paint
    std::deque<Op> queue_;
    const void* image_ = nullptr;  // the voxels the session was started on
    std::unique_ptr<QTemporaryDir> scratch_;
    int masks_ = 0;    // starting masks written
    int writing_ = 0;  // ... and being written: nothing goes out before them
    int generation_ = 0;  // resets so far: a write that ends after one is stale

    // The current object: its label (0 before its first result), the steps (prompts each) and
    // where undo/redo stand, its provenance, the label revision its last paint left.
    std::uint16_t value_ = 0;
    core::Label label_;
    std::vector<std::vector<ai::InteractivePrompt>> steps_;
    std::size_t position_ = 0;
    QElapsedTimer since_;
    std::uint64_t paintedRevision_ = 0;
    std::size_t handEdits_ = 0;  // the segment's corrected voxels (provenance) after the last step
    bool refining_ = false;
    bool painted_ = false;       // the object has been shown
    std::size_t basePrompts_ = 0;  // a refined segment's effort before Refine
    double baseSeconds_ = 0;      // Refine: until its first step the label may be accepted or corrected
    double lastMs_ = 0;
};

}  // namespace lumen::logic
