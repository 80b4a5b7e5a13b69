#include "logic/StudyBrowserModel.h"

#include <QByteArray>
#include <QDate>
#include <QFileInfo>
#include <QVariantMap>

namespace lumen::logic {

namespace {
// internalId: level in the top 2 bits, patient and study numbers below.
constexpr quintptr kLevelShift = 60;
quintptr makeId(quintptr level, quintptr patient, quintptr study) { return (level << kLevelShift) | (patient << 24) | study; }
quintptr levelOf(quintptr id) { return id >> kLevelShift; }
int patientOf(quintptr id) { return int((id >> 24) & 0xFFFFFFFFF); }
int studyOf(quintptr id) { return int(id & 0xFFFFFF); }

QString dicomDate(const std::string& da) {
    const QDate d = QDate::fromString(QString::fromStdString(da), "yyyyMMdd");
    return d.isValid() ? d.toString(Qt::ISODate) : QString::fromStdString(da);
}

// DICOM PN "Family^Given" → "Family, Given".
QString personName(const std::string& pn) {
    QString name = QString::fromStdString(pn);
    const int caret = name.indexOf('^');
    if (caret > 0) name = name.left(caret) + ", " + name.mid(caret + 1).replace('^', ' ').trimmed();
    return name.trimmed();
}
}  // namespace

StudyBrowserModel::StudyBrowserModel(const QString& databasePath, QObject* parent, bool listNow)
    : QAbstractItemModel(parent), db_(std::make_unique<io::StudyDatabase>(databasePath.toStdString())) {
    if (listNow) refresh();
}

StudyBrowserModel::~StudyBrowserModel() = default;

void StudyBrowserModel::setFilter(const io::StudyFilter& filter) {
    filter_ = filter;
    refresh();
}

void StudyBrowserModel::refresh() {
    beginResetModel();
    patients_ = db_->patients(filter_);
    endResetModel();
}

bool StudyBrowserModel::removeSeries(const QString& uid) {
    const bool removed = db_->removeSeries(uid.toStdString());
    refresh();
    return removed;
}

bool StudyBrowserModel::removeStudy(const QString& uid) {
    const bool removed = db_->removeStudy(uid.toStdString());
    refresh();
    return removed;
}

QModelIndex StudyBrowserModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent)) return {};
    if (!parent.isValid()) return createIndex(row, column, makeId(0, quintptr(row), 0));
    const quintptr id = parent.internalId();
    if (levelOf(id) == 0) return createIndex(row, column, makeId(1, quintptr(parent.row()), quintptr(row)));
    return createIndex(row, column, makeId(2, quintptr(patientOf(id)), quintptr(parent.row())));
}

QModelIndex StudyBrowserModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) return {};
    const quintptr id = child.internalId();
    if (levelOf(id) == 0) return {};
    if (levelOf(id) == 1) return createIndex(patientOf(id), 0, makeId(0, quintptr(patientOf(id)), 0));
    return createIndex(studyOf(id), 0, makeId(1, quintptr(patientOf(id)), quintptr(studyOf(id))));
}

int StudyBrowserModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return int(patients_.size());
    if (parent.column() != 0) return 0;
    const quintptr id = parent.internalId();
    if (levelOf(id) == 0) return int(patients_[std::size_t(parent.row())].studies.size());
    if (levelOf(id) == 1) return int(patients_[std::size_t(patientOf(id))].studies[std::size_t(parent.row())].series.size());
    return 0;
}

int StudyBrowserModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant StudyBrowserModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const quintptr id = index.internalId();
    const auto& patient = patients_[std::size_t(levelOf(id) == 0 ? index.row() : patientOf(id))];
    if (levelOf(id) == 0) {
        if (role == KindRole) return "patient";
        if (role != Qt::DisplayRole) return {};
        if (index.column() == NameColumn) {
            if (patient.name.empty() && patient.patientId.empty()) return tr("Image files");
            return personName(patient.name) + "\n" + QString::fromStdString(patient.patientId);
        }
        if (index.column() == DetailColumn) return QString::fromStdString(patient.patientId);
        return {};
    }
    const auto& study = patient.studies[std::size_t(levelOf(id) == 1 ? index.row() : studyOf(id))];
    if (levelOf(id) == 1) {
        if (role == KindRole) return "study";
        if (role == StudyUidRole) return QString::fromStdString(study.studyUid);
        if (role != Qt::DisplayRole) return {};
        if (index.column() == NameColumn)
            return (study.description.empty() ? tr("(no description)") : QString::fromStdString(study.description)) + "\n" +
                   dicomDate(study.date);
        if (index.column() == DetailColumn) return dicomDate(study.date);
        return {};
    }
    const auto& series = study.series[std::size_t(index.row())];
    switch (role) {
        case KindRole: return "series";
        case SeriesUidRole: return QString::fromStdString(series.seriesUid);
        case StudyUidRole: return QString::fromStdString(study.studyUid);
        case ThumbnailRole: {
            if (series.thumbnail.empty()) return {};
            QVariantMap t;
            t["width"] = series.thumbnail.width;
            t["height"] = series.thumbnail.height;
            t["grey"] = QByteArray(reinterpret_cast<const char*>(series.thumbnail.grey.data()), int(series.thumbnail.grey.size()));
            return t;
        }
        case Qt::ToolTipRole:
            return QString::fromStdString(series.description + "\n" + series.seriesUid);
        case Qt::DisplayRole:
            if (index.column() == NameColumn) {
                QString name = QString::fromStdString(series.description);
                if (name.isEmpty() && !series.imageFile.empty()) name = QFileInfo(QString::fromStdString(series.imageFile)).fileName();
                if (name.isEmpty())
                    name = series.seriesNumber ? tr("Series %1").arg(*series.seriesNumber) : tr("Unnamed series");
                const QString modality = QString::fromStdString(series.modality);
                // An image file is one file holding a whole volume: "1 image" would mislead.
                if (!series.imageFile.empty()) return name + "\n" + tr("%1 · volume file").arg(modality.isEmpty() ? tr("image") : modality);
                if (series.images == 0) return name + "\n" + tr("%1 · no images (annotations or documents)").arg(modality);
                return name + "\n" + (series.images == 1 ? tr("%1 · 1 image").arg(modality)
                                                           : tr("%1 · %2 images").arg(modality).arg(qulonglong(series.images)));
            }
            if (index.column() == DetailColumn) return QString::fromStdString(series.modality);
            return qulonglong(series.images);
        default: return {};
    }
}

QVariant StudyBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case NameColumn: return tr("Patient / study / series");
        case DetailColumn: return tr("ID / date / modality");
        case ImagesColumn: return tr("Images");
    }
    return {};
}

}  // namespace lumen::logic
