#include "ui/AiDocks.h"

#include "logic/AiAssist.h"
#include "logic/Document.h"
#include "logic/FineTuneController.h"
#include "logic/InteractiveSegmentation.h"
#include "logic/SegmentEditor.h"
#include "ui/AiPanel.h"
#include "ui/FindingsPanel.h"
#include "ui/InteractivePanel.h"
#include "ui/ModelManagerDialog.h"
#include "ui/TrainingPanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace lumen::ui {

AiDocks::AiDocks(QMainWindow* window, logic::Document* document, logic::AiAssist* assist, logic::SegmentEditor* editor, QDockWidget* below,
                 QDockWidget* beside)
    : QObject(window), window_(window), assist_(assist), tuner_(new logic::FineTuneController(&assist->worker(), this)) {
    panel_ = new AiPanel(assist_, window);
    aiDock_ = new QDockWidget(tr("AI assist"), window);
    aiDock_->setObjectName("aiDock");
    // AI click below the models: both use the same worker and registry.
    interactive_ = new logic::InteractiveSegmentation(document, &assist_->worker(), this);
    interactivePanel_ = new InteractivePanel(assist_, interactive_, editor, window);
    auto* both = new QWidget(window);
    auto* column = new QVBoxLayout(both);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(panel_, 1);
    column->addWidget(interactivePanel_);
    aiDock_->setWidget(both);
    window->addDockWidget(Qt::LeftDockWidgetArea, aiDock_);
    window->splitDockWidget(below, aiDock_, Qt::Vertical);

    training_ = new TrainingPanel(document, assist_, tuner_, window);
    trainingDock_ = new QDockWidget(tr("Training"), window);
    trainingDock_->setObjectName("trainingDock");
    auto* scroll = new QScrollArea(window);  // cases, plot and results need more height than a laptop dock has
    scroll->setWidget(training_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    trainingDock_->setWidget(scroll);
    window->addDockWidget(Qt::RightDockWidgetArea, trainingDock_);
    window->tabifyDockWidget(beside, trainingDock_);
    beside->raise();

    connect(panel_, &AiPanel::currentModelChanged, training_, &TrainingPanel::setModel);
    connect(training_, &TrainingPanel::manageModels, this, &AiDocks::showModelManager);
    connect(panel_, &AiPanel::manageModels, this, &AiDocks::showModelManager);
    connect(assist_, &logic::AiAssist::finished, this, [this, document, beside] {
        const bool proposedFindings = std::any_of(document->findings().begin(), document->findings().end(),
                                                  [](const core::Finding& f) { return f.status == core::Finding::Status::Proposed; });
        if (proposedFindings) {
            if (auto* dock = window_->findChild<QDockWidget*>("findingsDock")) dock->raise();
            if (auto* list = window_->findChild<FindingsPanel*>()) list->focusFirstProposal();
        } else if (!document->proposedLabels().empty()) {
            beside->raise();
        }
    });
    connect(panel_, &AiPanel::acceptAll, this, [this, document, editor] {
        const int labels = editor->acceptAllProposals();
        const int findings = document->reviewVisibleProposals(core::Finding::Status::Accepted);
        panel_->showStatus(tr("Accepted %n proposed label(s)", nullptr, labels) + tr(" and %n finding(s)", nullptr, findings));
    });
    connect(panel_, &AiPanel::rejectAll, this, [this, document, editor] {
        const int labels = editor->rejectAllProposals();
        const int findings = document->reviewVisibleProposals(core::Finding::Status::Rejected);
        panel_->showStatus(tr("Rejected %n proposed label(s)", nullptr, labels) + tr(" and %n finding(s) (Undo brings the labels back)", nullptr, findings));
    });
    connect(tuner_, &logic::FineTuneController::stateChanged, this, [this](logic::FineTuneController::State s) {
        if (s == logic::FineTuneController::State::Running && tuner_->losses().isEmpty()) trainingDock_->raise();
    });
}

void AiDocks::populateMenu(QMenu* menu) {
    QAction* run = menu->addAction(tr("&Run the selected model"), panel_->runButton(), &QPushButton::click);
    run->setObjectName("runSelectedModel");
    run->setShortcut(QKeySequence(tr("Ctrl+R")));
    QAction* add = menu->addAction(tr("&Add the open case to the training set"), training_->button("addTraining"), &QPushButton::click);
    add->setObjectName("addToTrainingSet");
    menu->addSeparator();
    menu->addAction(aiDock_->toggleViewAction());
    menu->addAction(trainingDock_->toggleViewAction());
    QAction* manage = menu->addAction(tr("&Model manager…"), this, &AiDocks::showModelManager);
    manage->setObjectName("modelManager");
}

ModelManagerDialog* AiDocks::modelManager() const { return manager_; }

ModelManagerDialog* AiDocks::showModelManager() {
    if (!manager_) manager_ = new ModelManagerDialog(&assist_->registry(), window_);
    manager_->select(training_->model(), {});
    manager_->show();
    manager_->raise();
    assist_->refreshModels();
    return manager_;
}

}  // namespace lumen::ui
