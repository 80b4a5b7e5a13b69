#!/bin/sh
# Fails when the code has user-visible strings that the catalogues lack (update.sh was not run):
# re-extracts into copies of the .ts files and lists what would be new and untranslated.
#   translations/check_current.sh SOURCE_DIR
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
status=0
for lang in de fr en; do
    cp "translations/lumen_$lang.ts" "$tmp/"
    only=""
    [ "$lang" = en ] && only=-pluralonly
    /usr/lib/qt6/bin/lupdate -silent -no-obsolete -locations none $only viewer app -ts "$tmp/lumen_$lang.ts" >/dev/null 2>&1
    if grep -q 'type="unfinished"' "$tmp/lumen_$lang.ts"; then
        echo "lumen_$lang.ts lacks strings of the code (run translations/update.sh, then translate):"
        grep -B2 'type="unfinished"' "$tmp/lumen_$lang.ts" | sed -n 's/.*<source>\(.*\)<\/source>.*/  \1/p'
        status=1
    fi
done
exit $status
