#pragma once
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace lumen::logic {
class AiAssist;
class InteractiveSegmentation;
class SegmentEditor;
}  // namespace lumen::logic

namespace lumen::ui {

// The AI click tool's controls, under the AI assist panel: which interactive model, how to
// prompt it, what the last step did, and New object / Refine / Accept / Undo / Redo of prompts.
// The clicks themselves are made in the 2D views (Annotate → AI click, K).
class InteractivePanel : public QWidget {
    Q_OBJECT
public:
    InteractivePanel(logic::AiAssist* assist, logic::InteractiveSegmentation* interactive, logic::SegmentEditor* editor,
                     QWidget* parent = nullptr);

signals:
    void toolRequested();  // the views should be in AI click mode

private:
    void rebuildModels();
    void updateState();

    logic::AiAssist* assist_;
    logic::InteractiveSegmentation* interactive_;
    logic::SegmentEditor* editor_;
    QComboBox* models_;
    QLabel* status_;
    QPushButton *newObject_, *refine_, *accept_, *undo_, *redo_;
};

}  // namespace lumen::ui
