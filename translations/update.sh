#!/bin/sh
# Re-extracts the user-visible strings into the .ts files, keeping existing translations.
# Translate new entries with Qt Linguist (linguist translations/lumen_de.ts) before committing;
# the translation test fails while any entry is unfinished.
set -eu
cd "$(dirname "$0")/.."
for ts in translations/lumen_*.ts; do
    /usr/lib/qt6/bin/lupdate -no-obsolete -locations none viewer app -ts "$ts"
done
