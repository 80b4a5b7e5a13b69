// File ▸ Export annotations, Import annotations and Load label map: DICOM SEG, SR and RTSTRUCT,
// label maps (NIfTI/NRRD/MHA with sidecars, 3D Slicer's .seg.nrrd) through logic::AnnotationExchange.
#include "ui/MainWindow.h"

#include "core/Annotation.h"
#include "logic/AnnotationExchange.h"
#include "logic/BackgroundTask.h"
#include "logic/Document.h"
#include "ui/AnonymiseDialog.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QStatusBar>

#include <memory>

namespace lumen::ui {

namespace {

using Format = logic::AnnotationExchange::Format;

struct FormatInfo {
    const char* key;
    Format format;
    const char* suggested;
    bool importable;
};

// In menu order; the index is what exchangeAnnotations() takes.
const FormatInfo kFormats[] = {
    {"Seg", Format::DicomSeg, "segmentation.dcm", true},
    {"Sr", Format::DicomSr, "report.dcm", true},
    {"Nifti", Format::NiftiLabels, "labels.nii.gz", true},
    {"RtStruct", Format::DicomRtStruct, "rtstruct.dcm", true},
    {"SegNrrd", Format::SlicerSegmentation, "labels.seg.nrrd", false},  // imported as a label map (Nifti)
};

}  // namespace

std::vector<MainWindow::ExchangeAction> MainWindow::exchangeActions() {
    const QString exportText[] = {tr("DICOM &SEG…"), tr("DICOM S&R (TID 1500)…"), tr("&NIfTI label map (+ JSON, ITK-SNAP labels)…"),
                                  tr("DICOM &RT Structure Set…"), tr("3D S&licer segmentation (.seg.nrrd)…")};
    const QString importText[] = {tr("DICOM &SEG…"), tr("DICOM S&R (TID 1500)…"), QString(), tr("DICOM &RT Structure Set…")};
    std::vector<ExchangeAction> actions;
    for (int f = 0; f < int(std::size(kFormats)); ++f) {
        actions.push_back({QString("export") + kFormats[f].key, exportText[f], [this, f] { exchangeAnnotations(true, f); }});
        if (kFormats[f].importable && f != 2)
            actions.push_back({QString("import") + kFormats[f].key, importText[f], [this, f] { exchangeAnnotations(false, f); }});
    }
    actions.push_back({"loadLabels", tr("Load &label map (NIfTI, NRRD, Slicer)…"), [this] { loadLabelMapDialog(); }});
    actions.push_back({"exportAnonymised", tr("Export &anonymised…"), [this] { exportAnonymisedDialog(); }});
    return actions;
}

void MainWindow::exchangeAnnotations(bool exporting, int index) {
    if (!document_->hasImage()) return;
    const FormatInfo& info = kFormats[index];
    const bool labelFile = info.format == Format::NiftiLabels || info.format == Format::SlicerSegmentation;
    const QString filter = info.format == Format::SlicerSegmentation ? tr("3D Slicer segmentation (*.seg.nrrd)")
                           : labelFile && exporting                  ? tr("NIfTI (*.nii.gz *.nii);;NRRD (*.nrrd);;MetaImage (*.mha)")
                           : labelFile ? tr("Label maps (*.nii *.nii.gz *.nrrd *.seg.nrrd *.mha *.mhd);;All files (*)")
                                       : tr("DICOM (*.dcm);;All files (*)");
    // Proposals nobody accepted are not annotations: exports leave them out, and say so up front.
    int proposedFindings = 0;
    for (const auto& finding : document_->findings()) proposedFindings += finding.status == core::Finding::Status::Proposed;
    const int proposedLabels = int(document_->proposedLabels().size());
    const QString leftOut = proposedLabels + proposedFindings == 0 ? QString()
        : tr("%n proposed label(s)", nullptr, proposedLabels) + tr(" and %n proposed finding(s) not accepted yet are left out", nullptr, proposedFindings);
    const QString caption = leftOut.isEmpty() ? tr("Export annotations") : tr("Export annotations — %1").arg(leftOut);
    const QString path = exporting ? QFileDialog::getSaveFileName(this, caption, info.suggested, filter)
                                   : QFileDialog::getOpenFileName(this, labelFile ? tr("Load a label map") : tr("Import annotations"), QString(), filter);
    if (path.isEmpty()) return;
    if (exchanging_) return reportError(tr("An export or import is still running; try again when it is done."));
    // The file work (contours, rasterising, compressing: seconds on a large series) runs off the
    // GUI thread on a snapshot; only applying an import touches the document, here.
    using Exchange = logic::AnnotationExchange;
    auto snapshot = std::make_shared<Exchange::Snapshot>(exporting ? Exchange::snapshot(*document_) : Exchange::target(*document_));
    auto imported = std::make_shared<Exchange::Imported>();
    const Format format = info.format;
    const std::string file = path.toStdString();
    exchanging_ = true;
    statusBar()->showMessage(exporting ? tr("Exporting %1…").arg(path) : tr("Reading %1…").arg(path));
    logic::runInBackground(
        this,
        [snapshot, imported, format, file, exporting] {
            if (exporting) Exchange::write(*snapshot, format, file);
            else *imported = Exchange::read(*snapshot, format, file);
        },
        [this, imported, exporting, path, leftOut](const QString& error) {
            exchanging_ = false;
            if (!error.isEmpty()) return reportError(error);
            try {
                if (!exporting) logic::AnnotationExchange::apply(*document_, *imported);
            } catch (const std::exception& e) {
                return reportError(QString::fromStdString(e.what()));
            }
            QString done = (exporting ? tr("Exported %1") : tr("Imported %1")).arg(path);
            if (exporting && !leftOut.isEmpty()) done += " (" + leftOut + ")";
            statusBar()->showMessage(done, 10000);
            // What changed on the way in (a resampled grid, overlaps, skipped contours) is said plainly.
            if (!imported->warnings.empty()) {
                QStringList lines;
                for (const auto& w : imported->warnings) lines << QString::fromStdString(w);
                statusBar()->showMessage(lines.join("  "), 20000);
                if (!qEnvironmentVariableIsSet("LUMEN_NO_DIALOGS")) QMessageBox::information(this, tr("Imported with changes"), lines.join("\n\n"));
            }
        });
}

void MainWindow::exportAnonymisedDialog() {
    if (!document_->hasImage()) return;
    if (!document_->image().fromDicom) return reportError(tr("Only a DICOM series can be exported anonymised."));
    const core::AnnotationSet set = logic::AnnotationExchange::snapshot(*document_).set;
    QStringList what;
    if (!set.labels.empty() && !set.labels.histogram().empty()) what << tr("labels as a DICOM SEG");
    if (!set.findings.empty() || !set.measurements.empty() || !set.classifications.empty()) what << tr("findings and measurements as a DICOM SR");
    AnonymiseDialog dialog(what.join(tr(", ")), this);
    if (dialog.exec() == QDialog::Accepted) exportAnonymised(dialog.request());
}

void MainWindow::exportAnonymised(const logic::AnonymisedExport::Request& request) {
    if (!document_->hasImage()) return;
    if (exchanging_) return reportError(tr("An export or import is still running; try again when it is done."));
    auto snapshot = std::make_shared<logic::AnnotationExchange::Snapshot>(logic::AnnotationExchange::snapshot(*document_));
    auto result = std::make_shared<logic::AnonymisedExport::Result>();
    exchanging_ = true;
    const QString folder = QString::fromStdString(request.outDir);
    statusBar()->showMessage(tr("Exporting anonymised to %1…").arg(folder));
    logic::runInBackground(
        this, [snapshot, result, request] { *result = logic::AnonymisedExport::run(*snapshot, request); },
        [this, result, folder](const QString& error) {
            exchanging_ = false;
            if (!error.isEmpty()) return reportError(error);
            QString done = tr("Exported %n de-identified image(s)", nullptr, result->images);
            if (result->annotationObjects) done += tr(" and %n annotation object(s)", nullptr, result->annotationObjects);
            done += tr(" to %1").arg(folder);
            if (!result->refused.empty()) {
                done += tr("; %n refused", nullptr, int(result->refused.size()));
                QStringList lines;
                for (const auto& why : result->refused) lines << QString::fromStdString(why);
                if (!qEnvironmentVariableIsSet("LUMEN_NO_DIALOGS")) QMessageBox::warning(this, tr("Not exported"), lines.join("\n"));
            }
            statusBar()->showMessage(done, 20000);
            emit anonymisedExported(result->images, result->annotationObjects);
        });
}

}  // namespace lumen::ui
