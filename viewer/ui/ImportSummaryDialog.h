#pragma once
#include "logic/ImportJob.h"

#include <QDialog>

namespace lumen::io {
class StudyDatabase;
}

namespace lumen::ui {

// What a folder import did, in one look: the series it added (modality, description, images),
// the files it skipped as not DICOM and the ones it refused, each with the reason. Non-modal, so
// the user can read the new series in the browser while it stays open.
class ImportSummaryDialog : public QDialog {
    Q_OBJECT
public:
    ImportSummaryDialog(const logic::ImportSummary& summary, const io::StudyDatabase& database, QWidget* parent = nullptr);

    // One line for the status bar: "Imported 2 series (412 files), 3 non-DICOM files skipped, 1 unreadable".
    static QString headline(const logic::ImportSummary& summary);
};

}  // namespace lumen::ui
