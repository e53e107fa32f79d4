# The engine's folders in the order data flows through them. A file may include from its own
# folder and from folders before it, never from one after it, and two folders never include
# each other. Fails (and says where) on any #include "..." in engine/ that does, on a file
# sitting loose in engine/, and on a folder the order does not name.
#   cmake -DENGINE=path/to/engine -P engine_deps.cmake
cmake_minimum_required(VERSION 3.20)
#
# core ... recognize: the engine the CLI and the wasm module ship (bytes -> image -> ink ->
# digits -> model -> result). The rest: native tools only (training, evaluation, test data).
set(ORDER core decode segment nn recognize data real synth train learn evaluate)
# Known exceptions, "from>to", each to be removed when the include that needs it goes: one
# listed here that no include uses any more fails too, so that the list only shrinks.
set(EXCEPTIONS "")

if(NOT DEFINED ENGINE OR NOT IS_DIRECTORY "${ENGINE}")
  message(FATAL_ERROR "engine_deps.cmake: -DENGINE=<the engine folder> missing")
endif()

list(JOIN ORDER " < " order_text)
set(problems "")
set(edges "")
file(GLOB_RECURSE files RELATIVE "${ENGINE}" "${ENGINE}/*.h" "${ENGINE}/*.hpp" "${ENGINE}/*.cpp" "${ENGINE}/*.cc")
list(SORT files)
foreach(file IN LISTS files)
  if(NOT file MATCHES "^([^/]+)/")
    list(APPEND problems "engine/${file}: a file loose in engine/; it belongs in the folder of its stage")
    continue()
  endif()
  set(from "${CMAKE_MATCH_1}")
  list(FIND ORDER "${from}" from_index)
  if(from_index LESS 0)
    list(APPEND problems "engine/${from}/: a folder the order in tests/deps/engine_deps.cmake does not name")
    continue()
  endif()
  get_filename_component(dir "${file}" DIRECTORY)
  file(STRINGS "${ENGINE}/${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[^\"]+\"")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*$" "\\1" name "${line}")
    # As the compiler looks: beside the including file first, then from engine/.
    cmake_path(SET beside NORMALIZE "${dir}/${name}")
    cmake_path(SET rooted NORMALIZE "${name}")
    if(EXISTS "${ENGINE}/${beside}" AND NOT beside MATCHES "^\\.\\./")
      set(target "${beside}")
    elseif(EXISTS "${ENGINE}/${rooted}" AND NOT rooted MATCHES "^\\.\\./")
      set(target "${rooted}")
    else()
      continue()  # not the engine's: a generated file or a library's
    endif()
    if(NOT target MATCHES "^([^/]+)/")
      continue()  # a loose file, reported above
    endif()
    set(to "${CMAKE_MATCH_1}")
    if(to STREQUAL from)
      continue()
    endif()
    list(FIND ORDER "${to}" to_index)
    set(edge "${from}>${to}")
    list(FIND EXCEPTIONS "${edge}" excepted)
    if(NOT "${edge}" IN_LIST edges)
      list(APPEND edges "${edge}")
    endif()
    if(excepted GREATER_EQUAL 0)
      list(APPEND used_exceptions "${edge}")
    elseif(to_index GREATER from_index)
      list(APPEND problems "engine/${file}: #include \"${name}\": ${from}/ includes from ${to}/, which comes after it (order: ${order_text})")
    endif()
  endforeach()
endforeach()

# Two folders that include each other (whichever way the order puts them).
foreach(edge IN LISTS edges)
  string(REPLACE ">" ";" pair "${edge}")
  list(GET pair 0 a)
  list(GET pair 1 b)
  if("${b}>${a}" IN_LIST edges AND a STRLESS b AND NOT "${a}>${b}" IN_LIST EXCEPTIONS AND NOT "${b}>${a}" IN_LIST EXCEPTIONS)
    list(APPEND problems "engine/${a}/ and engine/${b}/ include each other")
  endif()
endforeach()
foreach(edge IN LISTS EXCEPTIONS)
  if(NOT edge IN_LIST used_exceptions)
    list(APPEND problems "the exception ${edge} is no longer needed: remove it from tests/deps/engine_deps.cmake")
  endif()
endforeach()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "The engine's includes go against the pipeline's order:\n  ${text}")
endif()
list(SORT edges)
list(JOIN edges " " text)
list(LENGTH files count)
message(STATUS "engine includes point one way (${count} files): ${text}")
