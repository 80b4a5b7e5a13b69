#pragma once
#include "logic/AnonymisedExport.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace lumen::ui {

// File ▸ Export anonymised: where to, which PS3.15 options, the new patient ID and the identity
// map. Gathers a logic::AnonymisedExport::Request; the export itself runs in the background.
class AnonymiseDialog : public QDialog {
    Q_OBJECT
public:
    // `annotations`: what the open series has to export with it ("" when nothing).
    AnonymiseDialog(const QString& annotations, QWidget* parent = nullptr);
    logic::AnonymisedExport::Request request() const;
    void setFolder(const QString& folder);

private:
    void updateOk();
    QLineEdit *folder_, *patientId_, *map_;
    QCheckBox *annotations_, *dates_, *descriptions_, *device_, *burnedIn_;
    QDialogButtonBox* buttons_;
};

}  // namespace lumen::ui
