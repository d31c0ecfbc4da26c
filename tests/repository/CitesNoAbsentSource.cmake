# Fails when a file of the repository cites a source the repository does not contain: the
# design notes the project started from (a file of that name is not in the repository) or
# a numbered issue of the project's tracker. Figures cite the publication they come from
# (docs/reference-data.md lists them); rules cite the doc that states them.
#
#   cmake -DREPO=<source dir> [-DGIT=<git executable>] -P CitesNoAbsentSource.cmake
#
# Files checked: those git tracks plus new ones it does not ignore (so a file not yet added
# is checked too), read from the working tree. The patterns are assembled from pieces so that
# this script does not match them itself.
cmake_minimum_required(VERSION 3.20)

if(NOT DEFINED REPO)
  message(FATAL_ERROR "CitesNoAbsentSource.cmake: pass -DREPO=<source dir>")
endif()
if(NOT DEFINED GIT)
  set(GIT git)
endif()

set(design_notes "DES")
string(APPEND design_notes "IGN[.]md")
set(design_section "DES")
string(APPEND design_section "IGN §")
set(numbered_ticket "[Ii]ssues?")
string(APPEND numbered_ticket " #?[0-9]+")
set(ticket_reference "[(]#")
string(APPEND ticket_reference "[0-9]+[)]")
set(pattern "${design_notes}|${design_section}|${numbered_ticket}|${ticket_reference}")

execute_process(
  COMMAND "${GIT}" -C "${REPO}" ls-files --cached --others --exclude-standard
  OUTPUT_VARIABLE listing
  ERROR_VARIABLE git_error
  RESULT_VARIABLE git_status)
if(NOT git_status EQUAL 0)
  message(FATAL_ERROR "CitesNoAbsentSource.cmake: cannot list the files of ${REPO} with git: ${git_error}")
endif()
string(REPLACE "\n" ";" files "${listing}")

set(checked 0)
set(findings "")
foreach(file IN LISTS files)
  if(file STREQUAL "" OR file MATCHES "[.](png|jpg|jpeg|gif|ico|pdf)$")
    continue()
  endif()
  set(path "${REPO}/${file}")
  if(NOT EXISTS "${path}" OR IS_DIRECTORY "${path}")
    continue() # tracked but deleted in the working tree, or a submodule
  endif()
  math(EXPR checked "${checked} + 1")
  file(READ "${path}" content)
  if(NOT content MATCHES "${pattern}")
    continue()
  endif()
  # Only files that match are split into lines, for the line numbers. Backslashes, semicolons
  # and square brackets would upset CMake's list splitting, so they are masked first.
  string(REPLACE "\\" "<backslash>" content "${content}")
  string(REPLACE ";" "<semicolon>" content "${content}")
  string(REPLACE "[" "<lbracket>" content "${content}")
  string(REPLACE "]" "<rbracket>" content "${content}")
  string(REPLACE "\n" ";" lines "${content}")
  set(number 0)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    if(line MATCHES "${pattern}")
      string(REPLACE "<backslash>" "\\" line "${line}")
      string(REPLACE "<semicolon>" ";" line "${line}")
      string(REPLACE "<lbracket>" "[" line "${line}")
      string(REPLACE "<rbracket>" "]" line "${line}")
      string(STRIP "${line}" line)
      string(APPEND findings "\n  ${file}:${number}: ${line}")
    endif()
  endforeach()
endforeach()

if(NOT findings STREQUAL "")
  message(FATAL_ERROR
    "These lines cite a source the repository does not contain; cite the publication "
    "(docs/reference-data.md) or the doc that states the rule instead:${findings}")
endif()
message(STATUS "CitesNoAbsentSource: ${checked} files cite only what the repository holds or publications")
