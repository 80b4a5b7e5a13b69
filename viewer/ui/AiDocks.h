#pragma once
#include <QObject>
#include <QPointer>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace lumen::logic {
class AiAssist;
class Document;
class FineTuneController;
class InteractiveSegmentation;
class SegmentEditor;
}  // namespace lumen::logic

namespace lumen::ui {

class AiPanel;
class InteractivePanel;
class ModelManagerDialog;
class TrainingPanel;

// After a run, the review starts where the proposals are: the findings list focused on the first
// proposal (keyboard review), or the segment editor with the proposed labels.
// Composes the AI side of the main window: the "AI assist" dock (under the study browser), the
// "Training" dock (a tab beside the segment editor: correcting and adding cases go together, and
// its plots need the right column's height), the AI menu and the model manager, over one AiAssist
// and its worker.
// Keeps MainWindow a composition of parts rather than the place every signal is wired.
class AiDocks : public QObject {
    Q_OBJECT
public:
    AiDocks(QMainWindow* window, logic::Document* document, logic::AiAssist* assist, logic::SegmentEditor* editor, QDockWidget* below,
            QDockWidget* beside);
    void populateMenu(QMenu* menu);
    AiPanel* panel() const { return panel_; }
    TrainingPanel* trainingPanel() const { return training_; }
    logic::FineTuneController* fineTune() const { return tuner_; }
    logic::InteractiveSegmentation* interactive() const { return interactive_; }
    InteractivePanel* interactivePanel() const { return interactivePanel_; }
    ModelManagerDialog* showModelManager();
    ModelManagerDialog* modelManager() const;

private:
    QMainWindow* window_;
    logic::AiAssist* assist_;
    logic::FineTuneController* tuner_;
    AiPanel* panel_;
    logic::InteractiveSegmentation* interactive_;
    InteractivePanel* interactivePanel_;
    TrainingPanel* training_;
    QDockWidget* aiDock_;
    QDockWidget* trainingDock_;
    QPointer<ModelManagerDialog> manager_;
};

}  // namespace lumen::ui
