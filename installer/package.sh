#!/usr/bin/env bash
# Builds the Debian package build/package/lumen_<version>_amd64.deb (CPack, cmake/LumenPackage.cmake)
# from the release build, then checks it as a Debian maintainer would: lintian with no errors, the
# desktop entry (desktop-file-validate) and the AppStream metainfo (appstreamcli) as installed.
# Prints the package's path on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
installer/setup.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target lumen lumen-cli lumen-ai lumen-models lumen-desktop-files lumen-debian-doc

version=$(sed -n 's/^project(Lumen VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
changelog=$(sed -n '1s/^lumen (\([^)]*\)).*/\1/p' installer/debian/changelog)
if [ "$version" != "$changelog" ]; then
    echo "package: installer/debian/changelog's top entry is $changelog, the project is $version: add an entry" >&2
    exit 1
fi

out=build/package
rm -rf "$out" && mkdir -p "$out"
(cd build/release && cpack -G DEB -B "$PWD/../package" >/dev/null)
deb=$(ls "$out"/lumen_"$version"_*.deb)
rm -rf "$out/_CPack_Packages"

echo "== lintian"
# Errors fail the package; warnings are printed. Root runs lintian too (CI is root).
lintian --fail-on error --allow-root --tag-display-limit 0 "$deb"

echo "== desktop entry and metainfo, as installed"
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
dpkg-deb -x "$deb" "$tree"
desktop-file-validate "$tree"/usr/share/applications/*.desktop
appstreamcli validate --no-net "$tree"/usr/share/metainfo/*.metainfo.xml
dpkg-deb --field "$deb" Package Version Installed-Size Depends Recommends
echo "$deb"
