#!/usr/bin/env bash
# The `demo` target (what installer/demo.sh builds) must hold every program the viewer starts
# from its own folder and every bundled model lumen-ai reads beside itself. A program added to the
# viewer without being added to `demo` fails here, not in front of a newcomer.
#   demo_target_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2

# Everything `demo` brings in: follow ninja's phony edges down to real files.
declare -A seen
closure=()
queue=(demo)
while [ ${#queue[@]} -gt 0 ]; do
    node=${queue[0]}; queue=("${queue[@]:1}")
    [ -n "${seen[$node]:-}" ] && continue
    seen[$node]=1
    out=$(ninja -C "$build" -t query "$node" 2>/dev/null) || { closure+=("$node"); continue; }
    if grep -q "^  input: phony" <<<"$out"; then
        while read -r dep; do queue+=("$dep"); done < <(sed -n '/^  input: phony/,/^  outputs:/{/^    /s/^    //p}' <<<"$out")
    else
        closure+=("$node")
    fi
done
has() { printf '%s\n' "${closure[@]}" | grep -qx "$1"; }

fail=0
# The programs the viewer starts: QDir(applicationDirPath()).filePath("NAME") anywhere in viewer/.
programs=$(grep -rhoE 'applicationDirPath\(\)\)\.filePath\("[^"]+"\)' "$src/viewer" | sed -E 's/.*filePath\("([^"]+)"\)/\1/' | sort -u)
[ -n "$programs" ] || { echo "found no program the viewer starts: has the code moved?"; exit 1; }
for p in lumen $programs; do
    if has "bin/$p"; then echo "ok: bin/$p"; else echo "MISSING from demo: bin/$p (the viewer starts it)"; fail=1; fi
done
# The bundled models lumen-ai lists: share/lumen/models, the installed layout.
for f in "$src"/resources/models/*/*/model.pt "$src"/resources/models/*/*/model.json; do
    rel=share/lumen/models/${f#"$src/resources/models/"}
    if has "$rel"; then echo "ok: $rel"; else echo "MISSING from demo: $rel (the AI panel lists it)"; fail=1; fi
done
exit $fail
