# Writes toezeg.1, toezeg.bash and _toezeg into OUT by running the built binary TOEZEG.
# The man page's date is SOURCE_DATE_EPOCH when the build is given one (reproducible builds),
# else the time of the source's last commit (SRC), so one commit always gives the same page.
file(MAKE_DIRECTORY ${OUT})
if(NOT DEFINED ENV{SOURCE_DATE_EPOCH} AND DEFINED SRC)
  execute_process(COMMAND git -C ${SRC} log -1 --format=%ct OUTPUT_VARIABLE commit_time
                  OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE git_rc ERROR_QUIET)
  if(git_rc EQUAL 0 AND commit_time MATCHES "^[0-9]+$")
    set(ENV{SOURCE_DATE_EPOCH} ${commit_time})
  endif()
endif()
foreach(pair "man;toezeg.1" "completion;bash;toezeg.bash" "completion;zsh;_toezeg")
  list(POP_BACK pair file)
  execute_process(COMMAND ${TOEZEG} ${pair} OUTPUT_FILE ${OUT}/${file}.tmp RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "toezeg ${pair} failed (${rc})")
  endif()
  file(RENAME ${OUT}/${file}.tmp ${OUT}/${file})
endforeach()
