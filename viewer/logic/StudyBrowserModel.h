#pragma once
#include "io/StudyDatabase.h"

#include <QAbstractItemModel>

#include <memory>

namespace lumen::logic {

// Patients → studies → series of the study database, filtered, for a tree view. Series rows
// carry their thumbnail as raw grey bytes (ThumbnailRole); turning them into pixels is the
// widget's job, since this layer has no Qt GUI.
class StudyBrowserModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role { SeriesUidRole = Qt::UserRole + 1, StudyUidRole, ThumbnailRole, KindRole };
    enum Column { NameColumn, DetailColumn, ImagesColumn, ColumnCount };

    // Opens the database; lists its patients now, or when refresh() is first called (`listNow`
    // false: the main window lists them after its first paint).
    explicit StudyBrowserModel(const QString& databasePath, QObject* parent = nullptr, bool listNow = true);
    ~StudyBrowserModel() override;

    void setFilter(const io::StudyFilter& filter);
    void refresh();
    bool removeSeries(const QString& seriesUid);
    bool removeStudy(const QString& studyUid);
    io::StudyDatabase& database() { return *db_; }
    int patientCount() const { return int(patients_.size()); }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::unique_ptr<io::StudyDatabase> db_;
    io::StudyFilter filter_;
    std::vector<io::PatientSummary> patients_;
};

}  // namespace lumen::logic
