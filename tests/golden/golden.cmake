# Runs `scrawl recognize --json` on the committed inputs and the generated ones and compares its
# output, byte for byte, with the expected file. With SCRAWL_UPDATE_GOLDEN=1 in the environment
# it writes the expected file instead (on purpose only: when the output is meant to change).
#   cmake -DSCRAWL=... -DMAKE_INPUTS=... -DINPUTS=... -DEXPECTED=... -DWORK=... -P golden.cmake
# -DLOOSE_FLOATS=ON (the sanitizer build, -O1 without -march=native, whose float sums round
# differently in the last digit) compares everything but the numbers with a decimal point.
foreach(var SCRAWL MAKE_INPUTS INPUTS EXPECTED WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "golden.cmake: -D${var}=... missing")
  endif()
endforeach()

# One folder with every input, so that the file names in the output are bare and the same on
# every machine.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
execute_process(COMMAND "${MAKE_INPUTS}" "${WORK}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "scrawl_golden_inputs failed (${rc})")
endif()
file(GLOB committed RELATIVE "${INPUTS}" "${INPUTS}/*")
list(REMOVE_ITEM committed README.md)
foreach(name IN LISTS committed)
  file(COPY "${INPUTS}/${name}" DESTINATION "${WORK}")
endforeach()
file(GLOB names RELATIVE "${WORK}" "${WORK}/*")
list(SORT names)

execute_process(COMMAND "${SCRAWL}" recognize --json ${names}
  WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
# Exit status 1: the inputs hold files that are no image.
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "scrawl recognize exited with ${rc}, expected 1\n${err}")
endif()

if("$ENV{SCRAWL_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE "${EXPECTED}" "${out}")
  list(LENGTH names count)
  message(STATUS "wrote ${EXPECTED} (${count} files)")
  return()
endif()
if(NOT EXISTS "${EXPECTED}")
  message(FATAL_ERROR "${EXPECTED} is missing: make it with SCRAWL_UPDATE_GOLDEN=1")
endif()
file(READ "${EXPECTED}" expected)
set(actual "${out}")
if(LOOSE_FLOATS)
  set(float "-?[0-9]+\\.[0-9]+(e[-+]?[0-9]+)?|-?[0-9]+e[-+]?[0-9]+")
  string(REGEX REPLACE "${float}" "#" expected "${expected}")
  string(REGEX REPLACE "${float}" "#" actual "${actual}")
endif()
if(NOT actual STREQUAL expected)
  file(WRITE "${WORK}/recognize.actual.json" "${out}")
  find_program(DIFF diff)
  if(DIFF)
    execute_process(COMMAND "${DIFF}" -u "${EXPECTED}" "${WORK}/recognize.actual.json" OUTPUT_VARIABLE delta)
  endif()
  message(FATAL_ERROR "scrawl recognize --json differs from ${EXPECTED}\n"
                      "(this run's output: ${WORK}/recognize.actual.json)\n${delta}")
endif()
