#pragma once
#include "core/Vector3.h"
#include "logic/ProgressEta.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QTreeWidget;
class QFormLayout;

namespace lumen::logic { class AiAssist; }

namespace lumen::ui {

// The AI panel (a thin Qt face on logic::AiAssist): the registry's models with their cards, Run
// on the open series, progress with its stage, Cancel, the device the worker runs on, what the
// run produced, and a classification's probabilities as bars.
class AiPanel : public QWidget {
    Q_OBJECT
public:
    explicit AiPanel(logic::AiAssist* assist, QWidget* parent = nullptr);
    QTreeWidget* modelTree() const { return models_; }
    QPushButton* runButton() const { return run_; }
    QPushButton* cancelButton() const { return cancel_; }
    QLabel* statusLabel() const { return status_; }
    QTextBrowser* warningView() const { return warning_; }  // where the image or result does not fit the card
    QPushButton* runAnywayButton() const { return runAnyway_; }
    bool selectModel(const QString& name);  // its active version
    void showStatus(const QString& text);  // what the last review action did

signals:
    void currentModelChanged(const QString& name);
    void manageModels();
    void acceptAll();  // every proposal on the open series (labels, shown findings)
    void rejectAll();
    void jumpTo(const lumen::core::Point3& point);  // the saliency map's peak

private:
    void rebuild();
    void showCard();
    void describeHeatMap(const QString& task);
    void setRunning(bool running);
    void showWarning(const QString& headline, const QStringList& reasons);
    void hideWarning();
    void showProbabilities(const QString& model, const std::vector<std::pair<std::string, double>>& probabilities);

    logic::AiAssist* assist_;
    QTreeWidget* models_;
    QTextBrowser* card_;
    QPushButton* run_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* stage_;
    logic::ProgressEta eta_;
    QLabel* device_;
    QLabel* status_;
    QTextBrowser* warning_;
    QPushButton* runAnyway_;
    QCheckBox* heatMap_;  // uncertainty (segmentation) or saliency map
    QLabel* legend_;
    QLabel* legendLow_;
    QLabel* legendHigh_;
    QPushButton* peakButton_;
    std::optional<core::Point3> peak_;  // the last saliency map's, while it is shown
    QWidget* bars_;
    QFormLayout* barsLayout_;
};

}  // namespace lumen::ui
