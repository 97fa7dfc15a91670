# SPDX-License-Identifier: MIT
# The installed layout (cmake --install, GNUInstallDirs) and the .deb (CPack):
#   bin/dllab, bin/dlcli
#   share/applications/io.github.dlvisuallab.DLVisualLab.desktop, share/metainfo/….metainfo.xml (AppStream)
#   share/icons/hicolor/64x64/apps/dllab.png
#   share/dllab/models.manifest, share/dllab/fetch-models.sh (dllab --fetch-models runs it)
#   share/man/man1/dllab.1, dlcli.1 (help2man, from --help)
# The package ships no models: on first start the app says which are missing and offers dllab --fetch-models.
# scripts/package.sh builds it portable (-DDL_NATIVE=OFF) and checks it.
include(GNUInstallDirs)
set(DL_APP_ID io.github.dlvisuallab.DLVisualLab)
install(TARGETS dlcli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(DL_BUILD_GUI)
  install(TARGETS dllab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(FILES resources/linux/${DL_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES resources/linux/${DL_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES resources/icons/dllab.png DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/64x64/apps)
endif()
install(FILES resources/models.manifest DESTINATION ${CMAKE_INSTALL_DATADIR}/dllab)
install(PROGRAMS scripts/fetch-models.sh DESTINATION ${CMAKE_INSTALL_DATADIR}/dllab)
if(DL_OPENBLAS) # the OpenMP build of OpenBLAS sits outside the linker's default path (see DL_OPENBLAS_DIR)
  set(CMAKE_INSTALL_RPATH ${DL_OPENBLAS_DIR})
endif()

# Man pages from --help (help2man; Debian's help2man package). dllab's help lists every lab's options.
find_program(DL_HELP2MAN help2man)
if(DL_HELP2MAN AND DL_BUILD_GUI)
  set(DL_MAN ${CMAKE_BINARY_DIR}/man)
  add_custom_command(OUTPUT ${DL_MAN}/dlcli.1.gz ${DL_MAN}/dllab.1.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${DL_MAN}
    COMMAND ${DL_HELP2MAN} --no-info --version-string=${DL_VERSION}
            --name "DL Visual Lab on the command line: train, detect, sample, export" -o ${DL_MAN}/dlcli.1 $<TARGET_FILE:dlcli>
    COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=${DL_MAN}
            ${DL_HELP2MAN} --no-info --version-string=${DL_VERSION}
            --name "DL Visual Lab: see deep learning happen" -o ${DL_MAN}/dllab.1 $<TARGET_FILE:dllab>
    COMMAND gzip -9nf ${DL_MAN}/dlcli.1 ${DL_MAN}/dllab.1 # Debian's policy: compressed, no time stamp
    DEPENDS dlcli dllab VERBATIM)
  add_custom_target(manpages ALL DEPENDS ${DL_MAN}/dlcli.1.gz ${DL_MAN}/dllab.1.gz)
  install(FILES ${DL_MAN}/dlcli.1.gz ${DL_MAN}/dllab.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME dllab)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "DL Visual Lab")
set(CPACK_PACKAGE_CONTACT "DL Visual Lab <dllab@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "see deep learning happen, chapter by chapter of the Deep Learning Specialization")
set(CPACK_PACKAGE_DESCRIPTION "A desktop laboratory: every lab trains on the processor and shows what happens while it does (decision boundaries, filters and feature maps, YOLO and NMS, style transfer, RNN/GRU/LSTM, face encodings, optimisers, data labelling). Models are fetched on first start (dllab --fetch-models).")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # the libraries' packages, from dpkg-shlibdeps
# Beside the libraries: fetch-models.sh's curl; the OpenMP OpenBLAS our rpath names (shlibdeps sees only the
# libopenblas0 alternative); Qt's platform plugins (xcb, offscreen), which no library links.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "curl, ca-certificates, libopenblas0-openmp, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dataset-fashion-mnist, darknet, fonts-dejavu-core, fonts-noto-cjk, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "xvfb, python3-torch")
include(CPack)
