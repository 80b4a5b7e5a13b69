# One small helper so that a target is declared in a few lines (Qt Creator style).
#
#   lumen_library(lumen_io SOURCES a.cpp b.cpp PUBLIC lumen_core PRIVATE DCMTK::dcmdata)
#   lumen_executable(lumen-cli SOURCES main.cpp PRIVATE lumen_io)
#   lumen_test(core_tests SOURCES t.cpp PRIVATE lumen_core LABELS unit)
#
# Libraries put their parent folder on the include path, so code includes "core/Volume.h",
# "io/DicomIndexer.h". Toolkits a target hides go in PRIVATE.

set(LUMEN_WARNINGS -Wall -Wextra -Wpedantic -Wno-unused-parameter)

function(lumen_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  get_filename_component(parent ${CMAKE_CURRENT_SOURCE_DIR} DIRECTORY)
  target_include_directories(${name} PUBLIC ${parent})
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
  target_compile_options(${name} PRIVATE ${LUMEN_WARNINGS})
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

function(lumen_executable name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PRIVATE" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_PRIVATE})
  target_compile_options(${name} PRIVATE ${LUMEN_WARNINGS})
  # --version prints the project's version: one number, in the top CMakeLists.txt.
  target_compile_definitions(${name} PRIVATE LUMEN_VERSION="${PROJECT_VERSION}")
endfunction()

function(lumen_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;PRIVATE;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_PRIVATE} GTest::gtest GTest::gtest_main)
  target_compile_options(${name} PRIVATE ${LUMEN_WARNINGS})
  target_compile_definitions(${name} PRIVATE
    LUMEN_SOURCE_DIR="${PROJECT_SOURCE_DIR}" LUMEN_BINARY_DIR="${PROJECT_BINARY_DIR}")
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 600)
  endif()
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST
    PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT ${ARG_TIMEOUT})
endfunction()
