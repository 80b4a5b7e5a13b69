#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Lumen (Release) and opens the demo study.
# Until the viewer exists (issue "The viewer"), "open" means: describe it with lumen-cli info.
set -euo pipefail
cd "$(dirname "$0")/.."
installer/setup.sh
cmake --preset release
cmake --build --preset release --target lumen-cli
DATA="${XDG_DATA_HOME:-$HOME/.local/share}/Lumen"
DEMO="$DATA/demo"
if [ ! -d "$DEMO/brain-mr" ] || [ ! -d "$DEMO/body-ct" ]; then
    rm -rf "$DEMO"
    mkdir -p "$DATA"
    build/release/bin/lumen-cli demo-data "$DEMO"
fi
build/release/bin/lumen-cli info "$DEMO"
