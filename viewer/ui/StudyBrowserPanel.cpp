#include "ui/StudyBrowserPanel.h"

#include "logic/StudyBrowserModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace lumen::ui {

namespace {

// Series rows show their thumbnail, turned from the model's grey bytes into a pixmap here.
class ThumbnailDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    static constexpr int kSize = 48;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != 0) return;
        const QVariantMap t = index.data(logic::StudyBrowserModel::ThumbnailRole).toMap();
        if (t.isEmpty()) return;
        const int w = t["width"].toInt(), h = t["height"].toInt();
        const QByteArray grey = t["grey"].toByteArray();
        if (w <= 0 || h <= 0 || grey.size() != w * h) return;
        const QImage image(reinterpret_cast<const uchar*>(grey.constData()), w, h, w, QImage::Format_Grayscale8);
        option->icon = QIcon(QPixmap::fromImage(image.scaled(kSize, kSize, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        option->decorationSize = QSize(kSize, kSize);
        option->features |= QStyleOptionViewItem::HasDecoration;
    }
};

}  // namespace

StudyBrowserPanel::StudyBrowserPanel(logic::StudyBrowserModel* model, QWidget* parent) : QWidget(parent), model_(model) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    text_ = new QLineEdit(this);
    text_->setPlaceholderText(tr("Filter by patient name or ID"));
    text_->setClearButtonEnabled(true);
    modality_ = new QComboBox(this);
    modality_->addItem(tr("All modalities"), QString());
    for (const char* m : {"CT", "MR", "PT", "US", "CR", "DX", "MG", "NM", "XA", "OT"}) modality_->addItem(m, QString(m));
    auto* dates = new QHBoxLayout;
    useDates_ = new QCheckBox(tr("Dates"), this);
    from_ = new QDateEdit(QDate::currentDate().addYears(-5), this);
    to_ = new QDateEdit(QDate::currentDate(), this);
    for (auto* d : {from_, to_}) {
        d->setCalendarPopup(true);
        d->setEnabled(false);
        d->setDisplayFormat("yyyy-MM-dd");
    }
    dates->addWidget(useDates_);
    dates->addWidget(from_);
    dates->addWidget(to_);
    auto* importButton = new QPushButton(tr("Import…"), this);
    tree_ = new QTreeView(this);
    tree_->setObjectName("studyTree");
    tree_->setModel(model_);
    tree_->setItemDelegate(new ThumbnailDelegate(tree_));
    tree_->setIconSize(QSize(ThumbnailDelegate::kSize, ThumbnailDelegate::kSize));
    tree_->setUniformRowHeights(false);
    tree_->setAlternatingRowColors(true);
    tree_->setContextMenuPolicy(Qt::CustomContextMenu);
    // Names carry their details on a second line: one column fits a narrow dock.
    tree_->setHeaderHidden(true);
    tree_->hideColumn(logic::StudyBrowserModel::DetailColumn);
    tree_->hideColumn(logic::StudyBrowserModel::ImagesColumn);
    tree_->setTextElideMode(Qt::ElideMiddle);
    layout->addWidget(text_);
    layout->addWidget(modality_);
    layout->addLayout(dates);
    layout->addWidget(tree_, 1);
    layout->addWidget(importButton);

    connect(text_, &QLineEdit::textChanged, this, &StudyBrowserPanel::applyFilter);
    connect(modality_, &QComboBox::currentIndexChanged, this, &StudyBrowserPanel::applyFilter);
    connect(useDates_, &QCheckBox::toggled, this, [this](bool on) {
        from_->setEnabled(on);
        to_->setEnabled(on);
        applyFilter();
    });
    connect(from_, &QDateEdit::dateChanged, this, &StudyBrowserPanel::applyFilter);
    connect(to_, &QDateEdit::dateChanged, this, &StudyBrowserPanel::applyFilter);
    connect(importButton, &QPushButton::clicked, this, &StudyBrowserPanel::importRequested);
    connect(tree_, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString uid = index.data(logic::StudyBrowserModel::SeriesUidRole).toString();
        if (!uid.isEmpty()) emit openSeries(uid);
    });
    connect(tree_, &QTreeView::customContextMenuRequested, this, &StudyBrowserPanel::showMenu);
    // The list itself comes with refresh(): the main window calls it once it is on screen.
}

void StudyBrowserPanel::applyFilter() {
    io::StudyFilter f;
    f.text = text_->text().trimmed().toStdString();
    f.modality = modality_->currentData().toString().toStdString();
    if (useDates_->isChecked()) {
        f.dateFrom = from_->date().toString("yyyyMMdd").toStdString();
        f.dateTo = to_->date().toString("yyyyMMdd").toStdString();
    }
    model_->setFilter(f);
    tree_->expandAll();
}

void StudyBrowserPanel::refresh() {
    model_->refresh();
    tree_->expandAll();
}

void StudyBrowserPanel::selectSeries(const QString& uid) {
    for (int p = 0; p < model_->rowCount(); ++p) {
        const QModelIndex patient = model_->index(p, 0);
        for (int s = 0; s < model_->rowCount(patient); ++s) {
            const QModelIndex study = model_->index(s, 0, patient);
            for (int r = 0; r < model_->rowCount(study); ++r) {
                const QModelIndex series = model_->index(r, 0, study);
                if (series.data(logic::StudyBrowserModel::SeriesUidRole).toString() == uid) {
                    tree_->setCurrentIndex(series);
                    tree_->scrollTo(series);
                    return;
                }
            }
        }
    }
}

void StudyBrowserPanel::showMenu(const QPoint& at) {
    const QModelIndex index = tree_->indexAt(at);
    if (!index.isValid()) return;
    const QString kind = index.data(logic::StudyBrowserModel::KindRole).toString();
    const QString series = index.data(logic::StudyBrowserModel::SeriesUidRole).toString();
    const QString study = index.data(logic::StudyBrowserModel::StudyUidRole).toString();
    QMenu menu(this);
    if (kind == "series") {
        menu.addAction(tr("Open"), this, [this, series] { emit openSeries(series); });
        menu.addAction(tr("Open beside the current series (compare)"), this, [this, series] { emit compareSeries(series); });
        menu.addSeparator();
        menu.addAction(tr("Remove series from database"), this, [this, series] {
            if (QMessageBox::question(this, tr("Remove series"), tr("Remove this series from Lumen's database? The files stay where they are.")) == QMessageBox::Yes)
                model_->removeSeries(series), tree_->expandAll();
        });
    } else if (kind == "study") {
        menu.addAction(tr("Remove study from database"), this, [this, study] {
            if (QMessageBox::question(this, tr("Remove study"), tr("Remove this study from Lumen's database? The files stay where they are.")) == QMessageBox::Yes)
                model_->removeStudy(study), tree_->expandAll();
        });
    } else {
        return;
    }
    menu.exec(tree_->viewport()->mapToGlobal(at));
}

}  // namespace lumen::ui
