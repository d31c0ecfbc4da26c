# The layers of sim/: each folder is one library target and may include only the layers it
# names here. `rongou_layer` is the one place that says so: it links the target to exactly
# those layers and records the rule, which cmake/CheckLayers.cmake enforces on every build
# (an include that runs back up, or a SimGrid header outside `engine`, fails the build).

set_property(GLOBAL PROPERTY RONGOU_LAYER_RULES "")

# rongou_layer(NAME USES layer... SOURCES file... [LINKS target...] [PRIVATE_LINKS target...])
function(rongou_layer name)
  cmake_parse_arguments(L "" "" "USES;SOURCES;LINKS;PRIVATE_LINKS" ${ARGN})
  add_library(rongou_${name} STATIC ${L_SOURCES})
  add_library(rongou::${name} ALIAS rongou_${name})
  target_include_directories(rongou_${name} PUBLIC ${PROJECT_SOURCE_DIR}/sim)
  set(layer_targets "")
  foreach(used IN LISTS L_USES)
    list(APPEND layer_targets rongou_${used})
  endforeach()
  target_link_libraries(rongou_${name} PUBLIC ${layer_targets} ${L_LINKS} PRIVATE ${L_PRIVATE_LINKS})
  add_dependencies(rongou_${name} rongou_layer_check)
  list(JOIN L_USES " " used)
  set_property(GLOBAL APPEND PROPERTY RONGOU_LAYER_RULES "${name}:${used}")
endfunction()

# Writes the recorded rules for the checker, one `layer: used used ...` a line.
function(rongou_write_layer_rules file)
  get_property(rules GLOBAL PROPERTY RONGOU_LAYER_RULES)
  set(text "")
  foreach(rule IN LISTS rules)
    string(APPEND text "${rule}\n")
  endforeach()
  file(GENERATE OUTPUT ${file} CONTENT "${text}")
endfunction()
