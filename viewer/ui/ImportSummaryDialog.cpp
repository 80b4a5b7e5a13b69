#include "ui/ImportSummaryDialog.h"

#include "io/StudyDatabase.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lumen::ui {

QString ImportSummaryDialog::headline(const logic::ImportSummary& s) {
    QString message = tr("Imported %n series", "", s.series) + tr(" (%n files)", "", s.files);
    if (s.skipped) message += tr(", %n non-DICOM files skipped", "", s.skipped);
    if (!s.errors.isEmpty()) message += tr(", %n unreadable", "", int(s.errors.size()));
    return message;
}

ImportSummaryDialog::ImportSummaryDialog(const logic::ImportSummary& s, const io::StudyDatabase& database, QWidget* parent)
    : QDialog(parent) {
    setObjectName("importSummary");
    setWindowTitle(tr("Import finished"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel("<b>" + headline(s).toHtmlEscaped() + "</b>", this);
    text->setWordWrap(true);
    layout->addWidget(text);

    auto* tree = new QTreeWidget(this);
    tree->setObjectName("importSummaryTree");
    tree->setHeaderLabels({tr("Item"), tr("Details")});
    tree->setRootIsDecorated(true);
    auto* added = new QTreeWidgetItem(tree, {tr("Series added or updated"), QString::number(s.seriesUids.size())});
    for (const QString& uid : s.seriesUids) {
        const auto series = database.summary(uid.toStdString());
        if (!series) continue;
        const QString description = series->description.empty() ? tr("Unnamed series") : QString::fromStdString(series->description);
        const QString kind = series->imageFile.empty() ? tr("%n image(s)", "", int(series->images)) : tr("volume file");
        new QTreeWidgetItem(added, {QString::fromStdString(series->modality) + "  " + description, kind});
    }
    if (!s.errors.isEmpty()) {
        auto* refused = new QTreeWidgetItem(tree, {tr("Files refused"), QString::number(s.errors.size())});
        for (const QString& e : s.errors) {  // "file: reason"
            const int colon = e.indexOf(": ");
            auto* row = new QTreeWidgetItem(refused, {colon > 0 ? e.left(colon) : e, colon > 0 ? e.mid(colon + 2) : QString()});
            row->setToolTip(0, e);
            row->setToolTip(1, e);
        }
        refused->setExpanded(true);
    }
    if (s.skipped) new QTreeWidgetItem(tree, {tr("Files skipped (not DICOM or an image file)"), QString::number(s.skipped)});
    added->setExpanded(true);
    tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    tree->setColumnWidth(0, 380);
    layout->addWidget(tree, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
    resize(640, 360);
}

}  // namespace lumen::ui
