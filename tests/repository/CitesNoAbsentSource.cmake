# Fails when a file of the repository cites a source the repository does not contain: the
# design notes the project started from (a file of that name is not in the repository) or
# a numbered issue of the project's tracker. Figures cite the publication they come from
# (docs/reference-data.md lists them); rules cite the doc that states them.
#
#   cmake -DREPO=<source dir> [-DGIT=<git executable>] -P CitesNoAbsentSource.cmake
#
# Files checked: those git tracks plus new ones it does not ignore (so a file not yet added
# is checked too), read from the working tree; binary files are skipped. The patterns are assembled from pieces so that
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

# git grep reads the same files as `git ls-files --cached --others --exclude-standard`
# (--untracked), skips binary ones (-I), and exits 1 when nothing matches.
execute_process(
  COMMAND "${GIT}" -C "${REPO}" grep --untracked -I -n -E "${pattern}" -- .
  OUTPUT_VARIABLE findings
  ERROR_VARIABLE git_error
  RESULT_VARIABLE git_status)
if(git_status EQUAL 1)
  message(STATUS "CitesNoAbsentSource: the files of ${REPO} cite only what the repository holds or publications")
elseif(git_status EQUAL 0)
  message(FATAL_ERROR
    "These lines cite a source the repository does not contain; cite the publication "
    "(docs/reference-data.md) or the doc that states the rule instead:\n${findings}")
else()
  message(FATAL_ERROR "CitesNoAbsentSource.cmake: git grep failed in ${REPO}: ${git_error}")
endif()
