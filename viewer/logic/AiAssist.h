#pragma once
#include "core/Annotation.h"
#include "core/LabelMapEdit.h"
#include "core/Volume.h"
#include "logic/AiModel.h"
#include "logic/AiWorkerClient.h"
#include "logic/ModelRegistryClient.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <map>
#include <memory>
#include <vector>

namespace lumen::logic {

class Document;

// The AI panel's model (headless): lists the registry's models, runs one on the open series in
// the `lumen-ai worker` (the volume goes to the worker as a temporary NIfTI, so whatever the
// series' layout the model sees exactly what the viewer shows), and turns the result into
// proposals on the document, every item with the model's provenance:
// - segmentation: the model's labels are painted into the label map as one undoable edit, on
//   label values of their own, each segment marked as the model's *proposal*: shown in every view
//   and corrected with the ordinary tools (the effort is counted), but not an annotation until the
//   user accepts it (SegmentEditor); rejecting or Undo removes it. A preview that lives in the
//   label map itself is what lets the brush and eraser correct it in place;
// - detection: findings with status "proposed", for review in the findings list;
// - classification: a classification with its class probabilities.
class AiAssist : public QObject {
    Q_OBJECT
public:
    AiAssist(Document* document, QString lumenAi = {}, QObject* parent = nullptr);
    ~AiAssist() override;

    void refreshModels() { registry_->refresh(); }  // asynchronous: modelsChanged() when the list is in
    const std::vector<AiModel>& models() const { return registry_->models(); }
    ModelRegistryClient& registry() { return *registry_; }
    // false (and failed()) when nothing is open or a job runs. An image that does not fit the
    // model's card (modality, body part, spacing, field of view, intensities) is not sent unless
    // evenIfUnfit: unfit() says why, and the user decides.
    bool run(const AiModel& model, bool evenIfUnfit = false);
    void cancel();
    bool busy() const { return !job_.isEmpty(); }
    AiWorkerClient& worker() { return *client_; }
    Document* document() const { return document_; }
    // Runs also compute a heat map (Document::heatMap): a segmentation where the model is unsure
    // (normalised entropy), a classification or detection what its decision rests on (saliency).
    // Off by default: it costs a second or two per run (a few for a detector).
    void setComputeHeatMap(bool on) { uncertainty_ = on; }
    bool computeHeatMap() const { return uncertainty_; }

signals:
    void modelsChanged();
    void started(const QString& model);
    void progress(double fraction, const QString& stage);
    void finished(const QString& summary);
    void classified(const QString& model, const std::vector<std::pair<std::string, double>>& probabilities);
    void failed(const QString& message);
    void deviceKnown(const QString& device);
    // Before a run: the open image does not fit the model's card (English reasons, one each).
    void unfit(const QString& model, const QStringList& reasons);
    // After a run, before finished(): where the image or the result did not fit the card
    // (implausible label volumes included). Not emitted when everything fitted.
    void warned(const QStringList& reasons);
    // A classification's or detection's saliency map is the document's heat map; where it peaks (LPS mm).
    void saliencyShown(const lumen::core::Point3& peak);

private:
    void onFinished(const QString& id, const QString& task, const QStringList& files, double ms);
    bool seriesChanged();  // true (and failed()) when the document no longer shows image_
    struct Painted;
    static Painted paintProposal(const core::LabelMap& labels, core::LabelMetadata before, const core::LabelMap& result,
                                 const core::LabelTable& table, const core::Provenance& provenance,
                                 const std::map<std::uint16_t, std::string>& cautions);
    QString applySegmentation(Painted painted);
    QString applyFindings(const QString& prefix);
    void showSaliency(const QString& prefix);
    QString applyClassification(const QString& prefix);

    Document* document_;
    std::unique_ptr<AiWorkerClient> client_;
    ModelRegistryClient* registry_;
    AiModel running_;
    core::Volume image_;  // the volume the running job was given
    bool uncertainty_ = false;  // and, for classification and detection, the saliency map
    int generation_ = 0;  // runs started, so that a late hand-over of a canceled run is ignored
    QString job_;
    QString oodNote_;  // the last result's out-of-distribution score, for its summary
    // The last result's cautions for its proposals: by the model's label value, 0 for every proposal.
    std::map<std::uint16_t, std::string> cautions_;
    std::unique_ptr<QTemporaryDir> scratch_;
};

}  // namespace lumen::logic
