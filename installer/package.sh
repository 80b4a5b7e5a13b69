#!/usr/bin/env bash
# Builds the Debian package build/package/lumen_<version>_amd64.deb (CPack, cmake/LumenPackage.cmake)
# and a relocatable tarball lumen-<version>-Linux.tar.gz from the release build, then checks them as a Debian maintainer would: lintian with no errors, the
# desktop entry (desktop-file-validate) and the AppStream metainfo (appstreamcli) as installed.
# Its checks go to stderr; stdout is the package's path alone (installer/test.sh reads it).
set -euo pipefail
exec 3>&1 1>&2
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
(cd build/release && cpack -G "DEB;TGZ" -B "$PWD/../package" >/dev/null)
deb=$(ls "$out"/lumen_"$version"_*.deb)
rm -rf "$out/_CPack_Packages"

echo "== the tarball, unpacked anywhere, finds its models beside itself"
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
tar -xzf "$out"/lumen-"$version"-Linux.tar.gz -C "$tree"
top=$(echo "$tree"/lumen-"$version"-Linux)
"$top/bin/lumen-ai" --version
env -u LUMEN_BUNDLED_MODELS "$top/bin/lumen-ai" models list --json | /usr/bin/python3 -c "
import json, sys
paths = [m['path'] for m in json.load(sys.stdin) if m['bundled']]
assert len(paths) == 3 and all(p.startswith('$top/share/lumen/models/') for p in paths), paths
print('bundled models from', '$top/share/lumen/models')"
rm -rf "$tree"/*

echo "== lintian"
# Errors fail the package; warnings are printed. Root runs lintian too (CI is root).
lintian --fail-on error --allow-root --tag-display-limit 0 "$deb"

echo "== desktop entry and metainfo, as installed"
dpkg-deb -x "$deb" "$tree"
desktop-file-validate "$tree"/usr/share/applications/*.desktop
appstreamcli validate --no-net "$tree"/usr/share/metainfo/*.metainfo.xml
dpkg-deb --field "$deb" Package Version Installed-Size Depends Recommends
echo "$deb" >&3
