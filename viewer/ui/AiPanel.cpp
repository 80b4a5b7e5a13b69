#include "ui/AiPanel.h"

#include "logic/AiAssist.h"

#include "logic/Document.h"
#include "logic/NumberText.h"
#include "render/SliceCompositor.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lumen::ui {

AiPanel::AiPanel(logic::AiAssist* assist, QWidget* parent) : QWidget(parent), assist_(assist) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    models_ = new QTreeWidget(this);
    models_->setObjectName("modelTree");
    models_->setHeaderLabels({tr("Model"), tr("Version"), tr("Task")});
    models_->setRootIsDecorated(false);
    models_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c : {1, 2}) models_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    card_ = new QTextBrowser(this);
    card_->setObjectName("modelCard");
    card_->setMaximumHeight(130);
    run_ = new QPushButton(tr("Run on this series"), this);
    run_->setObjectName("runModel");
    runAnyway_ = new QPushButton(tr("Run anyway"), this);
    runAnyway_->setObjectName("runAnyway");
    runAnyway_->setToolTip(tr("Run the model although the image is not what it was made for; its results come with the warning"));
    runAnyway_->setStyleSheet("QPushButton { color: #ffcf70; font-weight: bold; }");
    runAnyway_->hide();
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setObjectName("cancelModel");
    auto* refresh = new QPushButton(tr("Refresh"), this);
    refresh->setToolTip(tr("Read the model registry again (bundled, imported and fine-tuned versions)"));
    auto* manage = new QPushButton(tr("Manage…"), this);
    manage->setObjectName("manageModelsFromAi");
    manage->setToolTip(tr("The model manager: versions, lineage, activate, roll back, import"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run_, 1);
    buttons->addWidget(runAnyway_, 1);  // in Run's place while the image does not fit the model
    buttons->addWidget(cancel_);
    buttons->addWidget(refresh);
    buttons->addWidget(manage);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 100);
    stage_ = new QLabel(this);
    device_ = new QLabel(tr("Device: (starts with the first run)"), this);
    status_ = new QLabel(this);
    status_->setObjectName("aiStatus");
    status_->setWordWrap(true);
    // The card's machine-checked part: amber, above the result, until another run or series.
    // It takes the card's place while shown (the dock has no height to spare), and scrolls if long.
    warning_ = new QTextBrowser(this);
    warning_->setObjectName("aiWarning");
    warning_->setMaximumHeight(130);
    warning_->setStyleSheet("QTextBrowser { color: #ffcf70; border: 1px solid #b07a1a; border-radius: 3px; }");
    warning_->hide();

    // One heat map per run, its meaning set by the selected model's task (showCard).
    auto* uncertainty = heatMap_ = new QCheckBox(this);
    uncertainty->setObjectName("uncertainty");
    // Its legend: the ramp from little to most, in the views' colours.
    auto* legend = legend_ = new QLabel(this);
    legend->setObjectName("uncertaintyLegend");
    {
        QImage ramp(120, 10, QImage::Format_RGB32);
        for (int x = 0; x < ramp.width(); ++x) {
            const core::Rgba c = render::SliceCompositor::heatColour(unsigned(26 + x * (255 - 26) / (ramp.width() - 1)));
            for (int y = 0; y < ramp.height(); ++y) ramp.setPixel(x, y, qRgb(c.r, c.g, c.b));
        }
        legend->setPixmap(QPixmap::fromImage(ramp));
    }
    legendLow_ = new QLabel(this);
    legendHigh_ = new QLabel(this);
    describeHeatMap(QString());
    auto* legendRow = new QHBoxLayout;
    legendRow->addWidget(legendLow_);
    legendRow->addWidget(legend);
    legendRow->addWidget(legendHigh_);
    legendRow->addStretch(1);
    // The saliency map's peak is rarely on the slices in view: one click takes the views there.
    peakButton_ = new QPushButton(tr("Go to peak"), this);
    peakButton_->setObjectName("saliencyPeak");
    peakButton_->setToolTip(tr("Move the views to where the saliency map peaks: what the decision rests on most"));
    peakButton_->hide();
    legendRow->addWidget(peakButton_);
    connect(peakButton_, &QPushButton::clicked, this, [this] {
        if (peak_) emit jumpTo(*peak_);
    });
    connect(uncertainty, &QCheckBox::toggled, legend, &QWidget::setEnabled);
    legend->setEnabled(false);
    connect(uncertainty, &QCheckBox::toggled, this, [this](bool on) {
        assist_->setComputeHeatMap(on);
        assist_->document()->setHeatMapVisible(on);
        peakButton_->setVisible(on && peak_);  // nothing shown, nothing to go to
    });
    auto* acceptAll = new QPushButton(tr("Accept all proposals"), this);
    acceptAll->setObjectName("acceptAllProposals");
    acceptAll->setToolTip(tr("Accept every proposed label and every finding shown (above the score threshold)"));
    auto* rejectAll = new QPushButton(tr("Reject all"), this);
    rejectAll->setObjectName("rejectAllProposals");
    rejectAll->setToolTip(tr("Remove every proposed label; mark every finding shown as rejected"));
    auto* review = new QHBoxLayout;
    review->addWidget(acceptAll, 1);
    review->addWidget(rejectAll);
    connect(acceptAll, &QPushButton::clicked, this, &AiPanel::acceptAll);
    connect(rejectAll, &QPushButton::clicked, this, &AiPanel::rejectAll);
    bars_ = new QWidget(this);
    barsLayout_ = new QFormLayout(bars_);
    barsLayout_->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(models_, 1);
    layout->addWidget(card_);
    layout->addLayout(buttons);
    layout->addWidget(uncertainty);
    layout->addLayout(legendRow);
    layout->addWidget(progress_);
    layout->addWidget(stage_);
    layout->addWidget(device_);
    layout->addWidget(status_);
    layout->addWidget(warning_);
    layout->addLayout(review);
    layout->addWidget(bars_);

    connect(models_, &QTreeWidget::currentItemChanged, this, &AiPanel::showCard);
    connect(models_, &QTreeWidget::currentItemChanged, this, [this] {
        if (runAnyway_->isVisible()) hideWarning();  // it was about the model picked before
    });
    connect(models_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item) emit currentModelChanged(assist_->models()[std::size_t(item->data(0, Qt::UserRole).toInt())].name);
    });
    connect(manage, &QPushButton::clicked, this, &AiPanel::manageModels);
    connect(refresh, &QPushButton::clicked, assist_, &logic::AiAssist::refreshModels);
    connect(run_, &QPushButton::clicked, this, [this] {
        const auto* item = models_->currentItem();
        if (!item) return;
        const auto& m = assist_->models()[std::size_t(item->data(0, Qt::UserRole).toInt())];
        if (assist_->run(m)) setRunning(true);
    });
    connect(runAnyway_, &QPushButton::clicked, this, [this] {
        const auto* item = models_->currentItem();
        if (!item) return;
        const auto& m = assist_->models()[std::size_t(item->data(0, Qt::UserRole).toInt())];
        hideWarning();
        if (assist_->run(m, true)) setRunning(true);
    });
    connect(assist_, &logic::AiAssist::unfit, this, [this](const QString& model, const QStringList& reasons) {
        showWarning(tr("%1 was not made for this image:").arg(model), reasons);
        run_->hide();
        runAnyway_->show();
        status_->setText(tr("Not run."));
    });
    connect(assist_, &logic::AiAssist::warned, this, [this](const QStringList& reasons) {
        showWarning(tr("Do not trust this result without checking it:"), reasons);
    });
    connect(cancel_, &QPushButton::clicked, assist_, &logic::AiAssist::cancel);
    connect(assist_, &logic::AiAssist::modelsChanged, this, &AiPanel::rebuild);
    connect(assist_, &logic::AiAssist::deviceKnown, this, [this](const QString& d) { device_->setText(tr("Device: %1").arg(logic::deviceTitle(d))); });
    connect(assist_, &logic::AiAssist::started, this, [this](const QString& model) {
        hideWarning();  // the run's own warnings come with its result
        peak_.reset();
        peakButton_->hide();
        status_->setText(tr("Running %1…").arg(model));
        progress_->setValue(0);
        eta_.restart();
    });
    connect(assist_, &logic::AiAssist::progress, this, [this](double f, const QString& stage) {
        progress_->setValue(int(f * 100));
        eta_.update(f, stage);
        stage_->setText(eta_.text().isEmpty() ? stage : stage + " — " + eta_.text());
    });
    connect(assist_, &logic::AiAssist::finished, this, [this](const QString& summary) {
        setRunning(false);
        status_->setText(summary);
    });
    connect(assist_, &logic::AiAssist::failed, this, [this](const QString& message) {
        setRunning(false);
        status_->setText(tr("<b>Failed:</b> %1").arg(message.toHtmlEscaped()));
    });
    connect(assist_, &logic::AiAssist::classified, this, &AiPanel::showProbabilities);
    connect(assist_, &logic::AiAssist::saliencyShown, this, [this](const core::Point3& peak) {
        peak_ = peak;
        peakButton_->setVisible(heatMap_->isChecked());
    });
    // A result describes the series it ran on: another series starts with a clean panel.
    connect(assist_->document(), &logic::Document::imageChanged, this, [this] {
        if (!assist_->busy()) status_->clear();
        hideWarning();
        peak_.reset();
        peakButton_->hide();
        while (barsLayout_->rowCount() > 0) barsLayout_->removeRow(0);
    });
    setRunning(false);  // the model list is asked for by the main window, once it is on screen
}

void AiPanel::showWarning(const QString& headline, const QStringList& reasons) {
    QString html = "<b>⚠ " + headline.toHtmlEscaped() + "</b><ul style='margin-left:-24px; margin-top:2px'>";
    for (const QString& r : reasons) html += "<li>" + r.toHtmlEscaped() + "</li>";
    warning_->setHtml(html + "</ul>");
    card_->hide();
    warning_->show();
}

void AiPanel::hideWarning() {
    warning_->hide();
    card_->show();
    runAnyway_->hide();
    run_->show();
}

void AiPanel::rebuild() {
    const QString current = models_->currentItem() ? models_->currentItem()->text(0) : QString();
    models_->clear();
    const auto& models = assist_->models();
    for (std::size_t i = 0; i < models.size(); ++i) {
        const auto& m = models[i];
        if (m.task == "interactive_segmentation") continue;  // not run on a series: AI click's (InteractivePanel)
        auto* item = new QTreeWidgetItem(models_);
        item->setText(0, m.name + (m.active ? " ★" : ""));
        item->setText(1, m.version + (m.bundled ? tr(" (bundled)") : QString()));
        item->setText(2, logic::taskTitle(m.task));
        item->setData(0, Qt::UserRole, int(i));
        item->setToolTip(0, m.active ? tr("The active version") : tr("An earlier or inactive version"));
        if (m.active && m.name + " ★" == current) models_->setCurrentItem(item);
    }
    if (!models_->currentItem() && models_->topLevelItemCount()) models_->setCurrentItem(models_->topLevelItem(0));
}

bool AiPanel::selectModel(const QString& name) {
    for (int i = 0; i < models_->topLevelItemCount(); ++i) {
        auto* item = models_->topLevelItem(i);
        const auto& m = assist_->models()[std::size_t(item->data(0, Qt::UserRole).toInt())];
        if (m.name == name && m.active) {
            models_->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void AiPanel::showCard() {
    const auto* item = models_->currentItem();
    if (!item) return card_->clear();
    const auto& m = assist_->models()[std::size_t(item->data(0, Qt::UserRole).toInt())];
    QString html = "<b>" + m.name.toHtmlEscaped() + " " + m.version.toHtmlEscaped() + "</b> — " + m.description.toHtmlEscaped();
    if (!m.labels.empty()) html += "<br><i>" + tr("Labels:") + "</i> " + m.labelNames().join(", ").toHtmlEscaped();
    for (const auto& line : m.card.split('\n', Qt::SkipEmptyParts)) html += "<br>" + line.toHtmlEscaped();
    card_->setHtml(html);
    describeHeatMap(m.task);
}

// Segmentation: where the model is unsure. Classification, detection: what its decision rests on.
void AiPanel::describeHeatMap(const QString& task) {
    const bool saliency = !task.isEmpty() && task != "segmentation";
    heatMap_->setText(saliency ? tr("Saliency map (what the decision rests on)") : tr("Uncertainty map (where the model is unsure)"));
    heatMap_->setToolTip(saliency ? tr("Classification, detection: also compute what the model's decision rests on (where a change "
                                       "of the image would most change it) and show it as a heat map in the slice views (a few "
                                       "seconds more per run); untick to hide it")
                                  : tr("Segmentation: also compute the model's uncertainty and show it as a heat map in the slice views "
                                       "(a second or two more per run); untick to hide it"));
    legendLow_->setText(saliency ? tr("weighs little") : tr("less sure"));
    legendHigh_->setText(saliency ? tr("weighs most") : tr("unsure"));
    legend_->setToolTip(saliency ? tr("Saliency map: violet, weighs a little; magenta, weighs most. Below 10 % nothing is drawn.")
                                 : tr("Uncertainty map: violet, a little unsure; magenta, unsure. Below 10 % nothing is drawn."));
}

void AiPanel::showStatus(const QString& text) { status_->setText(text); }

void AiPanel::setRunning(bool running) {
    run_->setEnabled(!running);
    cancel_->setEnabled(running);
    progress_->setVisible(running);
    stage_->setVisible(running);
}

void AiPanel::showProbabilities(const QString& model, const std::vector<std::pair<std::string, double>>& probabilities) {
    while (barsLayout_->rowCount() > 0) barsLayout_->removeRow(0);
    auto* note = new QLabel(tr("<b>%1</b> proposes a class: confirm the right one (✓) to make it the case's class.").arg(model.toHtmlEscaped()), bars_);
    note->setWordWrap(true);
    barsLayout_->addRow(note);
    for (const auto& [name, p] : probabilities) {
        auto* row = new QWidget(bars_);
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto* bar = new QProgressBar(row);
        bar->setRange(0, 1000);
        bar->setValue(int(p * 1000));
        bar->setFormat(QString("%1 %").arg(logic::numberText(p * 100, 1)));
        auto* confirm = new QPushButton(tr("✓"), row);
        confirm->setObjectName("confirmClass");
        confirm->setToolTip(tr("This is the case's class (reviewed by you)"));
        confirm->setMaximumWidth(confirm->fontMetrics().horizontalAdvance("  ✓  ") + 12);
        connect(confirm, &QPushButton::clicked, this, [this, model, className = name, note] {
            if (assist_->document()->confirmClassification(model.toStdString(), className))
                note->setText(tr("<b>%1</b>: class confirmed as <b>%2</b>.").arg(model.toHtmlEscaped(), QString::fromStdString(className).toHtmlEscaped()));
        });
        rowLayout->addWidget(bar, 1);
        rowLayout->addWidget(confirm);
        barsLayout_->addRow(QString::fromStdString(name), row);
    }
}

}  // namespace lumen::ui
