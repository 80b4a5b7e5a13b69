#!/bin/sh
# Re-extracts the user-visible strings into the .ts files, keeping existing translations.
# Translate new entries with Qt Linguist (linguist translations/lumen_de.ts) before committing;
# the translation test fails while any entry is unfinished.
set -eu
cd "$(dirname "$0")/.."
for lang in de fr; do
    /usr/lib/qt6/bin/lupdate -no-obsolete -locations none viewer app -ts "translations/lumen_$lang.ts"
done
# English is the source language: its catalogue holds only the plural forms ("%n image(s)").
/usr/lib/qt6/bin/lupdate -no-obsolete -locations none -pluralonly viewer app -ts translations/lumen_en.ts
