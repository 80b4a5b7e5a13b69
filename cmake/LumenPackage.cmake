# The Debian package (installer/package.sh runs `cpack -G DEB` in the release build tree):
# lumen_<version>_amd64.deb, dependencies from dpkg-shlibdeps, stripped binaries, the Debian
# copyright and changelog that Debian policy (and lintian) ask for.
include(GNUInstallDirs)
set(debian_doc ${PROJECT_BINARY_DIR}/debian-doc)
file(MAKE_DIRECTORY ${debian_doc})
add_custom_command(OUTPUT ${debian_doc}/changelog.gz
  COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/installer/debian/changelog > ${debian_doc}/changelog.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/installer/debian/changelog)
add_custom_target(lumen-debian-doc ALL DEPENDS ${debian_doc}/changelog.gz)
install(FILES ${PROJECT_SOURCE_DIR}/installer/debian/copyright ${debian_doc}/changelog.gz
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/lumen)  # DOCDIR would say Lumen

set(CPACK_PACKAGE_NAME lumen)
set(CPACK_PACKAGE_VENDOR "The Lumen developers")
set(CPACK_PACKAGE_CONTACT "The Lumen developers <maintainers@users.noreply.r-seed-8425fb42.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "radiology viewer with AI assist that runs offline")
# The synopsis is the summary above; CPack indents these lines and writes the empty one as " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Lumen shows DICOM series, NIfTI, NRRD and MHA volumes in 2D slices,
oblique reformats and 3D, and runs AI models (LibTorch) on the workstation
itself, without a server or a Python environment. The models propose
segmentations, lesion findings and classifications; the user accepts,
rejects or corrects each one, and what is accepted becomes an annotation
with its provenance, exported as DICOM SEG, SR or RTSTRUCT, and usable to
fine-tune the model.

Commands: lumen (the viewer), lumen-cli (conversion, export, PACS) and
lumen-ai (models, inference, training). Three starter models are included;
they are trained from one atlas subject and are NOT for clinical use.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
# DEB installs under /usr (its default); the tarball keeps bin/ and share/ at its top.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # lumen_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://lumenviewer.org/")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Not shared libraries: what the viewer needs at run time anyway. Mesa's software OpenGL for
# machines without a GPU driver, Qt's own translations for dialogs in German and French.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libgl1-mesa-dri, qt6-translations-l10n")
# The demo study is made from mricron-data's T1 brain; the keyring holds PACS passwords.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "mricron-data, gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "orthanc, dcmtk")
include(CPack)
