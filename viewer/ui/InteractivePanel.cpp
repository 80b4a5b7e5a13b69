#include "ui/InteractivePanel.h"

#include "logic/AiAssist.h"
#include "logic/InteractiveSegmentation.h"
#include "logic/SegmentEditor.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lumen::ui {

namespace {
const QString kInteractiveTask = QStringLiteral("interactive_segmentation");
}

InteractivePanel::InteractivePanel(logic::AiAssist* assist, logic::InteractiveSegmentation* interactive, logic::SegmentEditor* editor,
                                   QWidget* parent)
    : QWidget(parent), assist_(assist), interactive_(interactive), editor_(editor) {
    setObjectName("interactivePanel");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 4);
    auto* title = new QLabel("<b>" + tr("AI click (K)") + "</b>", this);
    models_ = new QComboBox(this);
    models_->setObjectName("interactiveModel");
    models_->setToolTip(tr("The interactive segmentation model AI click uses"));
    auto* hint = new QLabel(tr("Click: inside · right or Shift+click: outside · drag: box"), this);
    hint->setToolTip(tr("Each click or box updates a 3D segment, shown as a proposal until you accept it. "
                        "Ctrl+Z / Ctrl+Shift+Z undo and redo prompts while AI click is on."));
    hint->setWordWrap(true);
    hint->setStyleSheet("QLabel { color: palette(mid); }");
    status_ = new QLabel(this);
    status_->setObjectName("interactiveStatus");
    status_->setWordWrap(true);
    const auto button = [this](const QString& name, const QString& text, const QString& tip) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    newObject_ = button("interactiveNew", tr("New object"), tr("Keep this object as a proposal and start the next one"));
    refine_ = button("interactiveRefine", tr("Refine"),
                     tr("Correct the segment editor's active label (drawn, accepted or a model's proposal) with clicks"));
    accept_ = button("interactiveAccept", tr("Accept"), tr("The object becomes an annotation; the next click starts another"));
    undo_ = button("interactiveUndo", tr("Undo prompt"), tr("Undo the last click or box (Ctrl+Z while AI click is on)"));
    redo_ = button("interactiveRedo", tr("Redo prompt"), tr("Redo it (Ctrl+Shift+Z)"));
    auto* grid = new QGridLayout;
    grid->addWidget(newObject_, 0, 0);
    grid->addWidget(refine_, 0, 1);
    grid->addWidget(accept_, 0, 2);
    grid->addWidget(undo_, 1, 0);
    grid->addWidget(redo_, 1, 1);
    layout->addWidget(title);
    layout->addWidget(models_);
    layout->addWidget(hint);
    layout->addLayout(grid);
    layout->addWidget(status_);

    connect(assist_, &logic::AiAssist::modelsChanged, this, &InteractivePanel::rebuildModels);
    connect(models_, &QComboBox::currentIndexChanged, this, [this] {
        const int i = models_->currentData().toInt();
        if (i >= 0 && std::size_t(i) < assist_->models().size()) interactive_->setModel(assist_->models()[std::size_t(i)]);
    });
    connect(editor_, &logic::SegmentEditor::settingsChanged, this, &InteractivePanel::updateState);
    connect(newObject_, &QPushButton::clicked, this, [this] { interactive_->newObject(); });
    connect(refine_, &QPushButton::clicked, this, [this] {
        if (interactive_->refine(editor_->activeLabel())) emit toolRequested();
    });
    connect(accept_, &QPushButton::clicked, this, [this] {
        if (interactive_->accept()) status_->setText(tr("Accepted: the next click starts a new object"));
    });
    connect(undo_, &QPushButton::clicked, interactive_, &logic::InteractiveSegmentation::undo);
    connect(redo_, &QPushButton::clicked, interactive_, &logic::InteractiveSegmentation::redo);
    connect(interactive_, &logic::InteractiveSegmentation::changed, this, &InteractivePanel::updateState);
    connect(interactive_, &logic::InteractiveSegmentation::stepShown, status_, &QLabel::setText);
    connect(interactive_, &logic::InteractiveSegmentation::failed, this, [this](const QString& why) {
        status_->setText("<span style='color:#ff8080'>" + why.toHtmlEscaped() + "</span>");
    });
    rebuildModels();
}

void InteractivePanel::rebuildModels() {
    const QString current = models_->currentText();
    QSignalBlocker block(models_);
    models_->clear();
    const auto& models = assist_->models();
    for (std::size_t i = 0; i < models.size(); ++i)
        if (models[i].task == kInteractiveTask && models[i].active)
            models_->addItem(models[i].name + " " + models[i].version, int(i));
    if (models_->count() == 0) models_->addItem(tr("No interactive model installed"), -1);
    models_->setEnabled(models_->currentData().toInt() >= 0);
    if (const int at = models_->findText(current); at >= 0) models_->setCurrentIndex(at);
    block.unblock();
    const int i = models_->currentData().toInt();
    if (i >= 0) interactive_->setModel(models[std::size_t(i)]);
    updateState();
}

void InteractivePanel::updateState() {
    const bool model = interactive_->hasModel(), object = interactive_->objectLabel() != 0, busy = interactive_->busy();
    newObject_->setEnabled(model && (object || interactive_->canUndo()));
    refine_->setEnabled(model && editor_->activeLabel() != 0);
    accept_->setEnabled(object && !busy);
    undo_->setEnabled(interactive_->canUndo());
    redo_->setEnabled(interactive_->canRedo());
    if (busy) status_->setText(tr("Working…"));
}

}  // namespace lumen::ui
