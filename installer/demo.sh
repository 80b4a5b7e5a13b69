#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Lumen (Release) and opens the viewer on the demo
# study (a real T1 brain MRI and a synthetic chest-abdomen CT, written into the user's data
# folder on first use), with the AI engine and its three starter models. Without a display it
# renders the window under Xvfb to lumen-demo.png.
set -euo pipefail
cd "$(dirname "$0")/.."
installer/setup.sh
cmake --preset release
cmake --build --preset release --target demo  # lumen, lumen-cli, lumen-ai and the models (app/CMakeLists.txt)
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec build/release/bin/lumen --demo "$@"
fi
echo "demo: no display; rendering the viewer under Xvfb into $PWD/lumen-demo.png"
xvfb-run -a -s "-screen 0 1600x1000x24" build/release/bin/lumen --demo --screenshot lumen-demo.png "$@"
echo "demo: wrote lumen-demo.png"
