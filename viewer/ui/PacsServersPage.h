#pragma once
#include "net/PacsServerList.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace lumen::ui {

// Preferences → PACS: the configured servers (the file the CLI's --server reads too), each one's
// DIMSE side (AE titles, host, ports, DICOM TLS) or DICOMweb side (URL, authentication, CA file), the retrieve
// method, a Test connection that says what failed, and which server File ▸ Save also sends the
// annotations to. Passwords and tokens go to the desktop keyring (logic::SecretStore).
class PacsServersPage : public QWidget {
    Q_OBJECT
public:
    explicit PacsServersPage(QWidget* parent = nullptr);
    // Writes the list; false (and the reason shown) when a server is incomplete or the file cannot be written.
    bool save();

private:
    void showServer(int row);
    void storeForm();  // the form into the list's current server
    net::PacsServer formServer() const;
    net::PacsServerList list_;
    int row_ = -1;
    QListWidget* names_;
    QLineEdit* name_;
    QLineEdit* aet_;
    QLineEdit* host_;
    QSpinBox* port_;
    QLineEdit* ownAet_;
    QSpinBox* listenPort_;
    QComboBox* method_;
    QSpinBox* timeout_;
    QPushButton* test_;
    QLabel* status_;
    QComboBox* afterSave_;
    QLineEdit* webUrl_;
    QComboBox* auth_;
    QLineEdit* user_;
    QLineEdit* secret_;
    QLineEdit* caFile_;
    QCheckBox* tls_;
    QCheckBox* deidentify_;  // what is sent to this PACS is de-identified first
    QLineEdit* certificate_;
    QLineEdit* key_;
    QHash<QString, QString> secrets_;  // typed here, written to the keyring by save()
    QWidget* details_;
    QCheckBox* receive_;  // the always-on C-STORE listener
    QLineEdit* receiveAet_;
    QSpinBox* receivePort_;
};

}  // namespace lumen::ui
