#!/usr/bin/env bash
# Installs, from Debian 12's archive only, the packages Lumen needs to build, test and run.
# Idempotent: does nothing (not even `apt-get update`) when everything is already there.
set -euo pipefail

BUILD=(cmake ninja-build g++ ccache pkg-config
       libdcmtk-dev libinsighttoolkit5-dev libgdcm-tools libopenjp2-7-dev zlib1g-dev
       nlohmann-json3-dev libcli11-dev libgtest-dev libsqlite3-dev
       qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libqt6opengl6-dev qt6-charts-dev
       libvtk9-dev libgl1-mesa-dri fonts-dejavu-core libtorch-dev libssl-dev libcurl4-openssl-dev
       qtkeychain-qt6-dev  # PACS passwords in the desktop keyring
       libyaml-cpp-dev  # MONAI bundles configured in YAML
       librsvg2-bin help2man)  # the desktop icon's PNG sizes and the man pages, made at build time
# Building and checking the Debian package (installer/package.sh).
PACKAGE=(dpkg-dev fakeroot lintian desktop-file-utils appstream)
# Oracles and real data the tests compare against, and tools the benchmarks time.
TEST=(dcmtk dcm2niix dicom3tools python3-pydicom python3-gdcm python3-nibabel python3-numpy
      python3-torch python3-scipy python3-pil mricron-data xvfb xauth time bc
      orthanc orthanc-dicomweb  # a real PACS: the net tests start their own on free loopback ports
      gnome-keyring dbus  # a real keyring for the password test, in a D-Bus session of its own
      clang libclang-rt-14-dev)  # libFuzzer and the sanitizers of the fuzz preset

missing=()
for pkg in "${BUILD[@]}" "${TEST[@]}" "${PACKAGE[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#BUILD[@]}+${#TEST[@]}+${#PACKAGE[@]} packages present"
    exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
