# rongou_add_test_suite(NAME <name> SOURCES <file>... [LIBRARIES <target>...] [TIMEOUT <seconds>]
#                       [DEPENDS_ON_EXECUTABLE])
#
# Adds the GoogleTest executable rongou_<name>_tests, linked with rongou::core, the
# test-support library (tests/support) and GoogleTest; its warnings are those of every target
# (top-level CMakeLists.txt). Each of its tests becomes one ctest named <name>.<Suite>.<Test>,
# run in a process of its own (SimGrid allows one engine per process) and stopped after
# TIMEOUT seconds (default 300). DEPENDS_ON_EXECUTABLE builds `rongou` first and gives the
# suite run_rongou() (support/RunCommand.hpp) through the definition RONGOU_EXECUTABLE.
function(rongou_add_test_suite)
  cmake_parse_arguments(PARSE_ARGV 0 SUITE "DEPENDS_ON_EXECUTABLE" "NAME;TIMEOUT" "SOURCES;LIBRARIES")
  if(NOT SUITE_NAME OR NOT SUITE_SOURCES)
    message(FATAL_ERROR "rongou_add_test_suite needs NAME and SOURCES")
  endif()
  if(SUITE_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "rongou_add_test_suite(${SUITE_NAME}): unknown arguments ${SUITE_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT SUITE_TIMEOUT)
    set(SUITE_TIMEOUT 300)
  endif()

  set(target rongou_${SUITE_NAME}_tests)
  add_executable(${target} ${SUITE_SOURCES})
  target_link_libraries(${target} PRIVATE rongou::core rongou_test_support GTest::gtest GTest::gtest_main
                                          ${SUITE_LIBRARIES})
  if(SUITE_DEPENDS_ON_EXECUTABLE)
    target_compile_definitions(${target} PRIVATE RONGOU_EXECUTABLE="$<TARGET_FILE:rongou>")
    add_dependencies(${target} rongou)
  endif()
  gtest_discover_tests(${target} TEST_PREFIX "${SUITE_NAME}."
                       DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT ${SUITE_TIMEOUT})
endfunction()
