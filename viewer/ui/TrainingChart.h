#pragma once
#include <QChartView>
#include <QPointF>
#include <QVector>

class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace lumen::ui {

// A fine-tune's live plot (Qt Charts): the training loss per iteration on the left axis and the
// validation score (0..1, dots joined) on the right, over the iterations of the run.
class TrainingChart : public QChartView {
    Q_OBJECT
public:
    explicit TrainingChart(QWidget* parent = nullptr);
    void reset(int iterations);
    void addLoss(int iteration, double loss);
    void addScore(int iteration, double score);
    void setPoints(const QVector<QPointF>& losses, const QVector<QPointF>& scores);
    int lossPoints() const;
    int scorePoints() const;

private:
    QLineSeries* loss_;
    QLineSeries* score_;
    QScatterSeries* scoreDots_;
    QValueAxis* x_;
    QValueAxis* yLoss_;
    QValueAxis* yScore_;
    double maxLoss_ = 0;
};

}  // namespace lumen::ui
