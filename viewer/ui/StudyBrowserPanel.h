#pragma once
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QTreeView;
class QCheckBox;

namespace lumen::logic { class StudyBrowserModel; }

namespace lumen::ui {

// The local study database as a tree (patients → studies → series with thumbnails), filtered by
// name/ID, modality and date. Double-click opens a series; the context menu also compares or
// removes it.
class StudyBrowserPanel : public QWidget {
    Q_OBJECT
public:
    explicit StudyBrowserPanel(logic::StudyBrowserModel* model, QWidget* parent = nullptr);
    void refresh();
    void selectSeries(const QString& seriesUid);
    QTreeView* tree() const { return tree_; }

signals:
    void openSeries(const QString& seriesUid);
    void compareSeries(const QString& seriesUid);
    void importRequested();

private:
    void applyFilter();
    void showMenu(const QPoint& at);
    logic::StudyBrowserModel* model_;
    QTreeView* tree_;
    QLineEdit* text_;
    QComboBox* modality_;
    QCheckBox* useDates_;
    QDateEdit* from_;
    QDateEdit* to_;
};

}  // namespace lumen::ui
