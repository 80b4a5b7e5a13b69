#include "ui/TrainingChart.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace lumen::ui {

TrainingChart::TrainingChart(QWidget* parent) : QChartView(parent) {
    setObjectName("trainingChart");
    auto* chart = new QChart;
    chart->setTheme(palette().window().color().lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setAlignment(Qt::AlignBottom);
    loss_ = new QLineSeries(chart);
    loss_->setName(tr("Training loss"));
    score_ = new QLineSeries(chart);
    score_->setName(tr("Validation score"));
    scoreDots_ = new QScatterSeries(chart);
    scoreDots_->setMarkerSize(7);
    for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(loss_), static_cast<QAbstractSeries*>(score_), static_cast<QAbstractSeries*>(scoreDots_)})
        chart->addSeries(s);
    chart->legend()->markers(scoreDots_).first()->setVisible(false);
    // Few, round ticks in a small font: the panel is narrow and labels must not elide.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    x_ = new QValueAxis(chart);
    x_->setLabelFormat("%.0f");
    x_->setTickType(QValueAxis::TicksDynamic);
    x_->setTickAnchor(0);
    x_->setTitleText(tr("Iteration"));
    x_->setTitleFont(small);
    yLoss_ = new QValueAxis(chart);
    yLoss_->setTickCount(3);
    yLoss_->setLabelFormat("%.2g");
    yScore_ = new QValueAxis(chart);
    yScore_->setRange(0, 1);
    yScore_->setTickCount(3);
    yScore_->setLabelFormat("%.1f");
    for (QValueAxis* a : {x_, yLoss_, yScore_}) a->setLabelsFont(small);
    chart->legend()->setFont(small);
    chart->addAxis(x_, Qt::AlignBottom);
    chart->addAxis(yLoss_, Qt::AlignLeft);
    chart->addAxis(yScore_, Qt::AlignRight);
    for (QAbstractSeries* s : chart->series()) s->attachAxis(x_);
    loss_->attachAxis(yLoss_);
    score_->attachAxis(yScore_);
    scoreDots_->attachAxis(yScore_);
    scoreDots_->setColor(score_->color());
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(190);
    reset(100);
}

void TrainingChart::reset(int iterations) {
    loss_->clear(), score_->clear(), scoreDots_->clear();
    maxLoss_ = 0;
    x_->setRange(0, std::max(1, iterations));
    // A round step giving at most 6 ticks: 1, 2, 5, 10, 20, 50, ...
    double step = 1;
    for (int k = 0; iterations / step > 6; ++k) step *= (k % 3 == 1) ? 2.5 : 2;
    x_->setTickInterval(step);
    yLoss_->setRange(0, 1);
}

void TrainingChart::addLoss(int iteration, double loss) {
    loss_->append(iteration, loss);
    if (loss > maxLoss_) maxLoss_ = loss, yLoss_->setRange(0, maxLoss_ * 1.1);
    if (iteration > x_->max()) x_->setMax(iteration);
}

void TrainingChart::addScore(int iteration, double score) {
    score_->append(iteration, score);
    scoreDots_->append(iteration, score);
}

void TrainingChart::setPoints(const QVector<QPointF>& losses, const QVector<QPointF>& scores) {
    for (const auto& p : losses) addLoss(int(p.x()), p.y());
    for (const auto& p : scores) addScore(int(p.x()), p.y());
}

int TrainingChart::lossPoints() const { return loss_->count(); }
int TrainingChart::scorePoints() const { return scoreDots_->count(); }

}  // namespace lumen::ui
