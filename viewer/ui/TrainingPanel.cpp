#include "ui/TrainingPanel.h"

#include "logic/AiAssist.h"
#include "logic/BackgroundTask.h"
#include "logic/Document.h"
#include "logic/NumberText.h"
#include "logic/TrainingSetStore.h"
#include "ui/TrainingChart.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

namespace lumen::ui {

namespace {

QString effortText(const logic::TrainingCase& c) {
    QStringList parts;
    if (c.voxelsAdded || c.voxelsRemoved)
        parts << TrainingPanel::tr("+%1 / −%2 voxels").arg(c.voxelsAdded).arg(c.voxelsRemoved);
    if (c.prompts > 0) parts << TrainingPanel::tr("%n AI click prompt(s)", nullptr, c.prompts);
    if (c.editSeconds > 0) parts << TrainingPanel::tr("%1 s").arg(logic::numberText(c.editSeconds, 0));
    if (c.findingsAccepted + c.findingsRejected + c.findingsEdited + c.findingsAdded > 0)
        parts << TrainingPanel::tr("%1 accepted, %2 rejected, %3 edited, %4 drawn")
                     .arg(c.findingsAccepted).arg(c.findingsRejected).arg(c.findingsEdited).arg(c.findingsAdded);
    if (parts.isEmpty()) parts << (c.fromModel.isEmpty() ? TrainingPanel::tr("drawn by hand") : TrainingPanel::tr("accepted unchanged"));
    return parts.join(", ");
}

QString number(double v) { return std::isnan(v) ? QString("–") : logic::numberText(v, 4); }

}  // namespace

TrainingPanel::TrainingPanel(logic::Document* document, logic::AiAssist* assist, logic::FineTuneController* tuner, QWidget* parent)
    : QWidget(parent), document_(document), assist_(assist), tuner_(tuner) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto makeButton = [this](const QString& text, const char* name, const QString& tip) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    cases_ = new QTreeWidget(this);
    cases_->setObjectName("trainingCases");
    cases_->setHeaderLabels({tr("Case"), tr("Split"), tr("Origin"), tr("Correction effort"), tr("Added")});
    cases_->setRootIsDecorated(false);
    cases_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    cases_->setMinimumHeight(90);
    auto* add = makeButton(tr("Add open case"), "addTraining",
                           tr("Add the open series with its reviewed labels, findings or class to the training cases"));
    auto* addValidation = makeButton(tr("Add as validation case"), "addValidation",
                                     tr("Add it to the locked validation split: never trained on, every version is measured on it"));
    auto* remove = makeButton(tr("Remove"), "removeCase", tr("Remove the selected training case (validation cases are locked)"));
    auto* caseButtons = new QHBoxLayout;
    caseButtons->addWidget(add);
    caseButtons->addWidget(addValidation);
    caseButtons->addWidget(remove);
    caseButtons->addStretch();

    interrupted_ = new QLabel(this);
    interrupted_->setObjectName("interruptedFineTune");
    interrupted_->setWordWrap(true);
    auto* resume = makeButton(tr("Resume"), "resumeInterrupted", tr("Go on from the last checkpoint"));
    auto* discard = makeButton(tr("Discard"), "discardInterrupted", tr("Delete the interrupted run and its checkpoints"));
    auto* interruptedRow = new QHBoxLayout;
    interruptedRow->addWidget(interrupted_, 1);
    interruptedRow->addWidget(resume);
    interruptedRow->addWidget(discard);

    iterations_ = new QSpinBox(this);
    iterations_->setObjectName("fineTuneIterations");
    iterations_->setRange(1, 100000);
    iterations_->setValue(100);
    iterations_->setSuffix(tr(" iterations"));
    auto* tune = makeButton(tr("Fine-tune"), "fineTune", tr("Fine-tune the active version on the training cases (in the AI worker)"));
    auto* pause = makeButton(tr("Pause"), "pauseFineTune", tr("Pause or resume the fine-tune at its next iteration"));
    auto* cancel = makeButton(tr("Cancel"), "cancelFineTune", tr("Stop the fine-tune and discard it"));
    auto* tuneRow = new QHBoxLayout;
    tuneRow->addWidget(iterations_);
    tuneRow->addWidget(tune, 1);
    tuneRow->addWidget(pause);
    tuneRow->addWidget(cancel);

    chart_ = new TrainingChart(this);
    status_ = new QLabel(this);
    status_->setObjectName("trainingStatus");
    status_->setWordWrap(true);
    result_ = new QTableWidget(0, 4, this);
    result_->setObjectName("fineTuneResult");
    result_->setHorizontalHeaderLabels({tr("Validation metric"), tr("Before"), tr("After"), tr("Change")});
    result_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    result_->verticalHeader()->hide();
    result_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    result_->setMinimumHeight(110);
    result_->setMaximumHeight(160);
    warning_ = new QLabel(this);
    warning_->setObjectName("fineTuneWarning");
    warning_->setWordWrap(true);
    warning_->setStyleSheet("color: #e0a030; font-weight: bold");
    auto* activate = makeButton(tr("Make active"), "activateResult", tr("Use the new version from now on (Manage models rolls back)"));
    auto* manage = makeButton(tr("Manage models…"), "manageModels", tr("Versions, lineage, activate, roll back, import"));
    auto* resultRow = new QHBoxLayout;
    resultRow->addWidget(activate);
    resultRow->addStretch();
    resultRow->addWidget(manage);

    layout->addWidget(title_);
    layout->addWidget(cases_, 1);
    layout->addLayout(caseButtons);
    layout->addLayout(interruptedRow);
    layout->addLayout(tuneRow);
    layout->addWidget(chart_, 2);
    layout->addWidget(status_);
    layout->addWidget(result_);
    layout->addWidget(warning_);
    layout->addLayout(resultRow);

    connect(add, &QPushButton::clicked, this, [this] { addCase(false); });
    connect(addValidation, &QPushButton::clicked, this, [this] { addCase(true); });
    connect(remove, &QPushButton::clicked, this, &TrainingPanel::removeCase);
    connect(cases_, &QTreeWidget::currentItemChanged, this, &TrainingPanel::updateButtons);
    connect(resume, &QPushButton::clicked, this, [this] {
        chart_->reset(logic::FineTuneController::interrupted(folder()).value_or(logic::InterruptedFineTune{}).iterations);
        tuner_->resumeInterrupted(folder());
        updateButtons();
    });
    connect(discard, &QPushButton::clicked, this, [this] {
        logic::FineTuneController::discardInterrupted(folder());
        updateButtons();
    });
    connect(tune, &QPushButton::clicked, this, &TrainingPanel::startFineTune);
    connect(pause, &QPushButton::clicked, this, [this] {
        if (tuner_->state() == logic::FineTuneController::State::Paused) tuner_->unpause();
        else tuner_->pause();
    });
    connect(cancel, &QPushButton::clicked, tuner_, &logic::FineTuneController::cancel);
    connect(activate, &QPushButton::clicked, this, [this] {
        if (!resultVersion_.isEmpty()) assist_->registry().activate(model_, resultVersion_);
    });
    connect(manage, &QPushButton::clicked, this, &TrainingPanel::manageModels);

    connect(tuner_, &logic::FineTuneController::iteration, this, [this](int it, int of, double loss) {
        chart_->addLoss(it, loss);
        eta_.update(double(it) / of, "train");
        const QString left = eta_.text().isEmpty() ? QString() : " — " + eta_.text();
        status_->setText(tr("Fine-tuning %1: iteration %2 of %3, loss %4").arg(tuner_->modelName()).arg(it).arg(of).arg(logic::numberText(loss, 4)) + left);
    });
    connect(tuner_, &logic::FineTuneController::validated, chart_, &TrainingChart::addScore);
    connect(tuner_, &logic::FineTuneController::stateChanged, this, &TrainingPanel::onStateChanged);
    connect(tuner_, &logic::FineTuneController::finished, this, &TrainingPanel::showResult);
    connect(tuner_, &logic::FineTuneController::failed, this, [this](const QString& message) {
        status_->setText(tr("<b>Fine-tuning failed:</b> %1").arg(message.toHtmlEscaped()));
        updateButtons();
    });
    connect(tuner_, &logic::FineTuneController::canceled, this, [this] {
        status_->setText(tr("Fine-tune canceled and discarded."));
        updateButtons();
    });
    connect(&assist_->registry(), &logic::ModelRegistryClient::modelsChanged, this, [this] {
        updateButtons();
        restoreLastResult();
    });
    connect(document_, &logic::Document::imageChanged, this, &TrainingPanel::updateButtons);
    result_->hide();
    warning_->hide();
    setModel({});
}

QPushButton* TrainingPanel::button(const QString& objectName) const { return findChild<QPushButton*>(objectName); }

void TrainingPanel::setIterations(int iterations) { iterations_->setValue(iterations); }

QString TrainingPanel::folder() const { return logic::TrainingSetStore::folderFor(model_); }

void TrainingPanel::setModel(const QString& name) {
    if (name == model_ && !name.isEmpty()) return;
    model_ = name;
    title_->setText(name.isEmpty() ? tr("Choose a model in the AI panel to see its training set.")
                                   : tr("<b>Training set of %1</b> (shared by its versions)").arg(name.toHtmlEscaped()));
    refreshCases();
    restoreLastResult();
}

void TrainingPanel::refreshCases() {
    cases_->clear();
    if (!model_.isEmpty()) {
        try {
            for (const auto& c : logic::TrainingSetStore(folder()).cases()) {
                auto* item = new QTreeWidgetItem(cases_);
                item->setText(0, c.id);
                item->setText(1, c.validation ? tr("validation (locked)") : tr("training"));
                item->setToolTip(1, c.validation ? tr("Locked: fine-tuning never trains on it") : QString());
                item->setText(2, c.origin);
                item->setText(3, effortText(c));
                item->setText(4, c.added.left(16).replace('T', ' ') + (c.addedBy.isEmpty() ? QString() : ", " + c.addedBy));
                item->setData(0, Qt::UserRole, c.validation);
                if (!c.fromModel.isEmpty()) item->setToolTip(3, tr("Began as %1's proposal").arg(c.fromModel));
            }
        } catch (const std::exception& e) {
            status_->setText(tr("<b>Training set:</b> %1").arg(QString(e.what()).toHtmlEscaped()));
        }
    }
    updateButtons();
}

void TrainingPanel::addCase(bool validation) {
    const logic::AiModel* model = assist_->registry().active(model_);
    if (!model || writing_) return;
    std::shared_ptr<logic::TrainingCaseDraft> draft;
    try {
        draft = std::make_shared<logic::TrainingCaseDraft>(logic::TrainingSetStore::draft(*document_, *model, validation));
    } catch (const std::exception& e) {
        QMessageBox::information(this, tr("Add to training set"), e.what());
        return;
    }
    // The NIfTI writes take a second or two on a whole brain: off the GUI thread.
    writing_ = true;
    status_->setText(tr("Writing the case…"));
    updateButtons();
    auto id = std::make_shared<QString>();
    logic::runInBackground(
        this, [draft, id, store = logic::TrainingSetStore(folder())]() mutable { *id = store.add(*draft).id; },
        [this, id, validation](const QString& error) {
            writing_ = false;
            if (!error.isEmpty()) status_->setText(tr("<b>The case was not added:</b> %1").arg(error.toHtmlEscaped()));
            else status_->setText(validation ? tr("%1 added to the locked validation cases.").arg(*id)
                                             : tr("%1 added to the training cases.").arg(*id));
            refreshCases();
            if (error.isEmpty()) emit caseAdded(*id);
        });
}

void TrainingPanel::removeCase() {
    const auto* item = cases_->currentItem();
    if (!item) return;
    QMessageBox ask(QMessageBox::Question, tr("Remove case"),
                    tr("Remove %1 (%2) from the training set? Its files are deleted; the series itself and its annotations stay.")
                        .arg(item->text(0), item->text(2)),
                    QMessageBox::Cancel, this);
    ask.setObjectName("confirmRemoveCase");
    const QAbstractButton* confirm = ask.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    if (ask.clickedButton() != confirm) return;
    try {
        logic::TrainingSetStore(folder()).remove(item->text(0));
    } catch (const std::exception& e) {
        QMessageBox::information(this, tr("Remove case"), e.what());
    }
    refreshCases();
}

void TrainingPanel::startFineTune() {
    const logic::AiModel* model = assist_->registry().active(model_);
    if (!model) return;
    logic::FineTuneSettings s;
    s.iterations = iterations_->value();
    s.validateEvery = std::max(1, s.iterations / 4);
    chart_->reset(s.iterations);
    result_->hide(), warning_->hide();
    resultVersion_.clear();
    eta_.restart();
    if (tuner_->start(*model, logic::TrainingSetStore(folder()), s))
        status_->setText(tr("Fine-tuning %1 %2: preparing the cases…").arg(model->name, model->version));
    updateButtons();
}

void TrainingPanel::fillResult(const logic::FineTuneResult& r) {
    resultVersion_ = r.version;
    resultModel_ = r.name;
    result_->setRowCount(int(r.metrics.size()));
    for (int row = 0; row < int(r.metrics.size()); ++row) {
        const auto& m = r.metrics[std::size_t(row)];
        const double change = m.after - m.before;
        const QStringList cells{m.metric, number(m.before), number(m.after), (change >= 0 ? "+" : "") + number(change)};
        for (int c = 0; c < 4; ++c) {
            auto* cell = new QTableWidgetItem(cells[c]);
            if (c > 0) cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 3 && change != 0) cell->setForeground(m.worse() ? QColor(220, 90, 80) : QColor(80, 180, 100));
            result_->setItem(row, c, cell);
        }
    }
    result_->show();
    warning_->setText(tr("⚠ %1 %2 scores lower than %3 on the locked validation cases. Keep %3 unless you know why.")
                          .arg(r.name, r.version, r.parentVersion));
    warning_->setVisible(r.worse);
    button("activateResult")->setText(tr("Make %1 active").arg(r.version));
    updateButtons();
}

void TrainingPanel::restoreLastResult() {
    if (model_.isEmpty() || tuner_->active() || (resultModel_ == model_ && !resultVersion_.isEmpty())) return;
    const auto r = logic::FineTuneController::lastResult(assist_->registry().models(), model_);
    if (!r) {
        result_->hide(), warning_->hide();
        resultVersion_.clear(), resultModel_.clear();
        return updateButtons();
    }
    fillResult(*r);
    const logic::AiModel* active = assist_->registry().active(model_);
    status_->setText(tr("Last fine-tune: %1 %2 from %3, made %4%5.")
                         .arg(r->name, r->version, r->parentVersion, r->created.left(16).replace('T', ' '),
                              active && active->version == r->version ? tr(", active") : tr(", not active")));
}

void TrainingPanel::showResult(const logic::FineTuneResult& r) {
    fillResult(r);
    status_->setText(tr("%1 %2 saved (from %3, %4 iterations in %5 s). It is not active yet.")
                         .arg(r.name, r.version, r.parentVersion).arg(r.iterations).arg(logic::numberText(r.seconds, 0)));
    assist_->refreshModels();
    for (QWidget* w = parentWidget(); w; w = w->parentWidget())  // the dock scrolls: show the outcome
        if (auto* area = qobject_cast<QScrollArea*>(w)) {
            area->ensureWidgetVisible(button("activateResult"));
            break;
        }
}

void TrainingPanel::onStateChanged(logic::FineTuneController::State state) {
    using State = logic::FineTuneController::State;
    if (state == State::Paused) status_->setText(tr("Paused at iteration %1.").arg(tuner_->losses().isEmpty() ? 0 : int(tuner_->losses().last().x())));
    if (state == State::WaitingForInference) status_->setText(tr("Waiting: a model is running on the open series."));
    button("pauseFineTune")->setText(state == State::Paused ? tr("Resume") : tr("Pause"));
    updateButtons();
}

void TrainingPanel::updateButtons() {
    const logic::AiModel* active = assist_->registry().active(model_);
    const bool model = active != nullptr;
    const bool running = tuner_->active();
    const auto* item = cases_->currentItem();
    button("addTraining")->setEnabled(model && document_->hasImage() && !writing_);
    button("addValidation")->setEnabled(model && document_->hasImage() && !writing_);
    button("removeCase")->setEnabled(item && !item->data(0, Qt::UserRole).toBool());
    const auto interrupted = model_.isEmpty() || running ? std::nullopt : logic::FineTuneController::interrupted(folder());
    interrupted_->setVisible(interrupted.has_value());
    button("resumeInterrupted")->setVisible(interrupted.has_value());
    button("discardInterrupted")->setVisible(interrupted.has_value());
    if (interrupted)
        interrupted_->setText(tr("A fine-tune of %1 %2 (%3 iterations, started %4) did not finish.")
                                  .arg(interrupted->model, interrupted->parentVersion)
                                  .arg(interrupted->iterations)
                                  .arg(interrupted->started.left(16).replace('T', ' ')));
    button("fineTune")->setText(active ? tr("Fine-tune %1").arg(active->version) : tr("Fine-tune"));
    int training = 0, validation = 0;
    for (int i = 0; i < cases_->topLevelItemCount(); ++i) ++(cases_->topLevelItem(i)->data(0, Qt::UserRole).toBool() ? validation : training);
    button("fineTune")->setEnabled(model && !running && !interrupted && training > 0 && validation > 0 && !writing_);
    button("fineTune")->setToolTip(training == 0 ? tr("Add a corrected case to train on first")
                                   : validation == 0 ? tr("Add a validation case first: the new version is measured on it against the old")
                                                     : tr("Fine-tune the active version on the training cases (in the AI worker)"));
    button("pauseFineTune")->setEnabled(running);
    button("cancelFineTune")->setEnabled(running);
    button("activateResult")->setVisible(!resultVersion_.isEmpty());
    button("activateResult")->setEnabled(!resultVersion_.isEmpty() && (!active || active->version != resultVersion_));
}

}  // namespace lumen::ui
