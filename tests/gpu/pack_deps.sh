#!/usr/bin/env bash
# Packs, from this Debian 12 machine's packages, what gpu_check.sh needs besides PyTorch and that
# a bare GPU machine may lack: nlohmann-json and OpenSSL's headers, GoogleTest's sources. Into
# build/gpu-deps (a few MB), which travels with the working tree to the GPU machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="${1:-$root/build/gpu-deps}"
"$root/installer/setup.sh" >/dev/null
dpkg-query -W googletest >/dev/null 2>&1 || { echo "needs Debian's googletest package (apt-get install googletest)"; exit 1; }
rm -rf "$dest" && mkdir -p "$dest/include" "$dest/share/cmake"
cp -r /usr/include/nlohmann "$dest/include/"
cp -r /usr/share/cmake/nlohmann_json "$dest/share/cmake/"
cp -r /usr/include/openssl "$dest/include/"
cp /usr/include/x86_64-linux-gnu/openssl/* "$dest/include/openssl/" 2>/dev/null || true  # configuration.h, opensslconf.h
cp -r /usr/src/googletest "$dest/googletest"
du -sh "$dest"
