#include "ui/AnonymiseDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lumen::ui {

namespace {
QWidget* withBrowse(QLineEdit* edit, QWidget* parent, std::function<QString()> choose) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* browse = new QPushButton(AnonymiseDialog::tr("Choose…"), row);
    QObject::connect(browse, &QPushButton::clicked, row, [edit, choose] {
        if (const QString path = choose(); !path.isEmpty()) edit->setText(path);
    });
    layout->addWidget(browse);
    return row;
}
}  // namespace

AnonymiseDialog::AnonymiseDialog(const QString& annotations, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Export anonymised"));
    setObjectName("anonymiseDialog");
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A copy of the series for use outside the hospital, de-identified by the DICOM standard "
                                "(PS3.15 Basic Application Level Confidentiality Profile): names, IDs, dates, institutions and "
                                "private attributes removed or replaced, UIDs replaced in every reference."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    folder_ = new QLineEdit(this);
    folder_->setObjectName("anonymiseFolder");
    form->addRow(tr("Folder"), withBrowse(folder_, this, [this] { return QFileDialog::getExistingDirectory(this, tr("Export anonymised to")); }));
    patientId_ = new QLineEdit(this);
    patientId_->setObjectName("anonymisePatientId");
    patientId_->setPlaceholderText(tr("ANON- and 8 random characters"));
    form->addRow(tr("New patient ID"), patientId_);
    map_ = new QLineEdit(QString::fromStdString(logic::AnonymisedExport::defaultMapPath()), this);
    map_->setObjectName("anonymiseMap");
    form->addRow(tr("Identity map"), withBrowse(map_, this, [this] {
                     return QFileDialog::getSaveFileName(this, tr("Identity map"), map_->text(), tr("JSON (*.json)"));
                 }));
    layout->addLayout(form);
    auto* mapNote = new QLabel(tr("The map links the new identities to the old ones, so that results that come back can be "
                                  "matched: it stays here, never with the exported files."),
                               this);
    mapNote->setWordWrap(true);
    mapNote->setStyleSheet("color: palette(mid);");
    layout->addWidget(mapNote);

    annotations_ = new QCheckBox(annotations.isEmpty() ? tr("Annotations (none on this series)") : tr("Annotations: %1").arg(annotations), this);
    annotations_->setObjectName("anonymiseAnnotations");
    annotations_->setChecked(!annotations.isEmpty());
    annotations_->setEnabled(!annotations.isEmpty());
    dates_ = new QCheckBox(tr("Keep the intervals between dates (dates shifted by a random amount per patient)"), this);
    dates_->setObjectName("anonymiseDates");
    descriptions_ = new QCheckBox(tr("Keep descriptions, with the patient's names and IDs taken out"), this);
    descriptions_->setObjectName("anonymiseDescriptions");
    device_ = new QCheckBox(tr("Keep the scanner's identity (station name, serial numbers)"), this);
    device_->setObjectName("anonymiseDevice");
    burnedIn_ = new QCheckBox(tr("Include images with text burned into the pixels (I have checked them)"), this);
    burnedIn_->setObjectName("anonymiseBurnedIn");
    for (QCheckBox* box : {annotations_, dates_, descriptions_, device_, burnedIn_}) layout->addWidget(box);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(folder_, &QLineEdit::textChanged, this, &AnonymiseDialog::updateOk);
    connect(map_, &QLineEdit::textChanged, this, &AnonymiseDialog::updateOk);
    layout->addWidget(buttons_);
    updateOk();
    resize(620, sizeHint().height());
}

void AnonymiseDialog::setFolder(const QString& folder) { folder_->setText(folder); }

void AnonymiseDialog::updateOk() {
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(!folder_->text().trimmed().isEmpty() && !map_->text().trimmed().isEmpty());
}

logic::AnonymisedExport::Request AnonymiseDialog::request() const {
    logic::AnonymisedExport::Request r;
    r.outDir = folder_->text().trimmed().toStdString();
    r.mapPath = map_->text().trimmed().toStdString();
    r.annotations = annotations_->isChecked();
    r.options.patientId = patientId_->text().trimmed().toStdString();
    r.options.modifiedDates = dates_->isChecked();
    r.options.cleanDescriptors = descriptions_->isChecked();
    r.options.retainDeviceIdentity = device_->isChecked();
    r.options.allowBurnedIn = burnedIn_->isChecked();
    return r;
}

}  // namespace lumen::ui
