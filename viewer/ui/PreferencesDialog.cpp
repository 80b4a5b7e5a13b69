#include "ui/PreferencesDialog.h"

#include "logic/Preferences.h"
#include "ui/PacsServersPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lumen::ui {

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Preferences"));
    language_ = new QComboBox(this);
    language_->addItem("English", "en");
    language_->addItem("Deutsch", "de");
    language_->addItem("Français", "fr");
    // The language in use (--language may differ from the saved preference; it showed "English"
    // over a German window).
    const QString inUse = qApp->property("lumenLanguage").toString();
    language_->setCurrentIndex(std::max(0, language_->findData(inUse.isEmpty() ? logic::Preferences::language() : inUse)));
    hideIdentity_ = new QCheckBox(tr("Hide patient name and ID in the views"), this);
    hideIdentity_->setChecked(logic::Preferences::hidePatientIdentity());
    copyOnImport_ = new QCheckBox(tr("Copy imported files into Lumen's folder"), this);
    copyOnImport_->setChecked(logic::Preferences::copyOnImport());
    cineFps_ = new QSpinBox(this);
    cineFps_->setRange(1, 60);
    cineFps_->setSuffix(tr(" images/s"));
    cineFps_->setValue(logic::Preferences::cineFramesPerSecond());
    auto* general = new QWidget(this);
    auto* form = new QFormLayout(general);
    form->addRow(tr("Language"), language_);
    form->addRow(new QLabel(tr("A new language takes effect when Lumen starts again."), this));
    form->addRow(hideIdentity_);
    form->addRow(copyOnImport_);
    form->addRow(tr("Cine speed"), cineFps_);
    pacs_ = new PacsServersPage(this);
    tabs_ = new QTabWidget(this);
    tabs_->addTab(general, tr("General"));
    tabs_->addTab(pacs_, tr("PACS"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs_);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void PreferencesDialog::showPacsPage() { tabs_->setCurrentWidget(pacs_); }

void PreferencesDialog::accept() {
    if (!pacs_->save()) return showPacsPage();  // it says what is wrong with which server
    logic::Preferences::setLanguage(language_->currentData().toString());
    logic::Preferences::setHidePatientIdentity(hideIdentity_->isChecked());
    logic::Preferences::setCopyOnImport(copyOnImport_->isChecked());
    logic::Preferences::setCineFramesPerSecond(cineFps_->value());
    QDialog::accept();
}

}  // namespace lumen::ui
