#pragma once
#include "logic/FineTuneController.h"
#include "logic/ProgressEta.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTreeWidget;

namespace lumen::logic {
class AiAssist;
class Document;
}  // namespace lumen::logic

namespace lumen::ui {

class TrainingChart;

// The training-set manager and fine-tune face (thin: logic::TrainingSetStore and
// logic::FineTuneController do the work). For the model chosen in the AI panel: its cases with
// split (validation locked), origin and correction effort; add the open, reviewed case; fine-tune
// the active version with live loss/score plots, pause and cancel; the before/after table of the
// validation metrics, a warning when the new version is worse, and "Make active". A fine-tune
// the app was closed during is offered for resuming.
class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    TrainingPanel(logic::Document* document, logic::AiAssist* assist, logic::FineTuneController* tuner, QWidget* parent = nullptr);
    void setModel(const QString& name);
    const QString& model() const { return model_; }
    QTreeWidget* casesTree() const { return cases_; }
    QTableWidget* resultTable() const { return result_; }
    TrainingChart* chart() const { return chart_; }
    QPushButton* button(const QString& objectName) const;
    QLabel* statusLabel() const { return status_; }
    void setIterations(int iterations);
    bool busy() const { return writing_; }

signals:
    void manageModels();
    void caseAdded(const QString& id);

private:
    void refreshCases();
    void addCase(bool validation);
    void removeCase();
    void startFineTune();
    void showResult(const logic::FineTuneResult& result);
    void fillResult(const logic::FineTuneResult& result);  // the table, the warning, "Make active"
    void restoreLastResult();                               // the newest fine-tune's, after a restart
    void onStateChanged(logic::FineTuneController::State state);
    void updateButtons();
    QString folder() const;

    logic::Document* document_;
    logic::AiAssist* assist_;
    logic::FineTuneController* tuner_;
    QString model_;
    QLabel* title_;
    QTreeWidget* cases_;
    QLabel* interrupted_;
    QSpinBox* iterations_;
    TrainingChart* chart_;
    QLabel* status_;
    QTableWidget* result_;
    QLabel* warning_;
    QString resultVersion_, resultModel_;
    bool writing_ = false;
    logic::ProgressEta eta_;
};

}  // namespace lumen::ui
