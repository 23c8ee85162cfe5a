# Checks an installed ppsaudit: the layout that `cmake --install` makes under a prefix, and that
# the .deb has under /usr (tests/scripts/package_deb.sh unpacks it and runs this on that).
# With BUILD, installs that build into a fresh PREFIX first (and removes it after).
#   - the binary runs and prints this version;
#   - each manual page of man/ is in MANDIR/man1 or man5 as PAGE.gz, gzip -9n'd (no name or
#     time in the header), the same text when unpacked, and man renders it (NAME, then the name);
#   - both completion scripts are where bash-completion and zsh look, each the same as
#     `ppsaudit completion SHELL` prints;
#   - the service and rules schemas are in DATADIR/ppsaudit/schema/, as `ppsaudit schema` prints them;
#   - each JSON Schema of schema/ and each rule pack of rules/ is in DATADIR/ppsaudit/, the same
#     bytes;
#   - DOCDIR has the README, the copyright file and the changelog (gzip -9n'd), the same text.
# Usage: cmake [-DBUILD=build] -DPREFIX=/tmp/prefix -DSOURCE=. -DVERSION=0.1.0 -DBINDIR=bin
#          -DDATADIR=share -DMANDIR=share/man -DDOCDIR=share/doc/ppsaudit -P install_layout.cmake
if(BUILD)
  file(REMOVE_RECURSE ${PREFIX})
  execute_process(
    COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX}
    OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "cmake --install exited ${status}:\n${output}${errors}")
  endif()
endif()
find_program(GZIP gzip REQUIRED)
find_program(MAN man)
if(NOT MAN)
  message(FATAL_ERROR "man is not installed (Debian: man-db)")
endif()

function(require path)
  if(NOT EXISTS ${PREFIX}/${path} OR IS_DIRECTORY ${PREFIX}/${path})
    message(FATAL_ERROR "no file ${PREFIX}/${path}")
  endif()
endfunction()

function(require_same installed source)
  require(${installed})
  file(SHA256 ${PREFIX}/${installed} got)
  file(SHA256 ${source} want)
  if(NOT got STREQUAL want)
    message(FATAL_ERROR "${PREFIX}/${installed} is not the same as ${source}")
  endif()
endfunction()

# A gzip -9n'd copy of source: the header has no file name (flag 0x08) and no time (bytes 4-7),
# and the data unpacks to source's bytes.
function(require_gzipped installed source)
  require(${installed})
  file(READ ${PREFIX}/${installed} header HEX LIMIT 10)
  string(SUBSTRING "${header}" 0 4 magic)
  string(SUBSTRING "${header}" 6 2 flags)
  string(SUBSTRING "${header}" 8 8 mtime)
  math(EXPR name_flag "0x${flags} & 8")
  if(NOT magic STREQUAL "1f8b" OR NOT name_flag EQUAL 0 OR NOT mtime STREQUAL "00000000")
    message(FATAL_ERROR "${PREFIX}/${installed} is not gzip -9n'd (header ${header})")
  endif()
  string(MD5 unique "${installed}")
  set(unpacked ${CMAKE_CURRENT_BINARY_DIR}/install_layout_${unique}.tmp)
  execute_process(COMMAND ${GZIP} -dc ${PREFIX}/${installed} OUTPUT_FILE ${unpacked} RESULT_VARIABLE status)
  file(SHA256 ${unpacked} got)
  file(REMOVE ${unpacked})
  file(SHA256 ${source} want)
  if(NOT status EQUAL 0 OR NOT got STREQUAL want)
    message(FATAL_ERROR "${PREFIX}/${installed} does not unpack to ${source} (gzip exit ${status})")
  endif()
endfunction()

# The binary.
require(${BINDIR}/ppsaudit)
execute_process(COMMAND ${PREFIX}/${BINDIR}/ppsaudit --version OUTPUT_VARIABLE printed RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT printed MATCHES "^ppsaudit ${VERSION}[ \n]")
  message(FATAL_ERROR "${PREFIX}/${BINDIR}/ppsaudit --version exited ${status}, printing:\n${printed}")
endif()

# The manual pages.
file(GLOB pages ${SOURCE}/man/*.[15])
if(NOT pages)
  message(FATAL_ERROR "no manual page in ${SOURCE}/man")
endif()
foreach(page ${pages})
  get_filename_component(name ${page} NAME)
  get_filename_component(title ${page} NAME_WLE)
  string(REGEX REPLACE ".*\\." "" section "${name}")
  set(installed ${MANDIR}/man${section}/${name}.gz)
  require_gzipped(${installed} ${page})
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env MANWIDTH=80 ${MAN} -l ${PREFIX}/${installed}
    OUTPUT_VARIABLE rendered ERROR_VARIABLE errors RESULT_VARIABLE status)
  if(NOT status EQUAL 0 OR NOT rendered MATCHES "\nNAME\n +${title} +- ")
    message(FATAL_ERROR "man -l ${PREFIX}/${installed} exited ${status}, without NAME and ${title}:\n"
                        "${errors}${rendered}")
  endif()
endforeach()

# The completion scripts.
foreach(entry "bash=${DATADIR}/bash-completion/completions/ppsaudit" "zsh=${DATADIR}/zsh/vendor-completions/_ppsaudit")
  string(REPLACE "=" ";" entry "${entry}")
  list(GET entry 0 shell)
  list(GET entry 1 path)
  require(${path})
  execute_process(
    COMMAND ${PREFIX}/${BINDIR}/ppsaudit completion ${shell}
    OUTPUT_VARIABLE printed RESULT_VARIABLE status)
  file(READ ${PREFIX}/${path} installed)
  if(NOT status EQUAL 0 OR NOT installed STREQUAL printed)
    message(FATAL_ERROR "${PREFIX}/${path} is not what 'ppsaudit completion ${shell}' prints")
  endif()
endforeach()

# The JSON Schemas and the rule packs' sources.
foreach(entry "schema=*.json" "rules=*.yaml")
  string(REPLACE "=" ";" entry "${entry}")
  list(GET entry 0 folder)
  list(GET entry 1 pattern)
  file(GLOB sources ${SOURCE}/${folder}/${pattern})
  if(NOT sources)
    message(FATAL_ERROR "no ${pattern} in ${SOURCE}/${folder}")
  endif()
  foreach(source ${sources})
    get_filename_component(name ${source} NAME)
    require_same(${DATADIR}/ppsaudit/${folder}/${name} ${source})
  endforeach()
endforeach()

# The service file and rule pack schemas, written at build time by the program itself.
foreach(format service rules)
  set(path ${PREFIX}/${DATADIR}/ppsaudit/schema/ppsaudit-${format}.schema.json)
  execute_process(
    COMMAND ${PREFIX}/${BINDIR}/ppsaudit schema ${format}
    OUTPUT_VARIABLE printed RESULT_VARIABLE status)
  if(NOT EXISTS ${path})
    message(FATAL_ERROR "${path}: no file")
  endif()
  file(READ ${path} installed)
  if(NOT status EQUAL 0 OR NOT installed STREQUAL printed)
    message(FATAL_ERROR "${path} is not what 'ppsaudit schema ${format}' prints")
  endif()
endforeach()

# The documents.
require_same(${DOCDIR}/README.md ${SOURCE}/README.md)
require_same(${DOCDIR}/copyright ${SOURCE}/package/copyright)
require_gzipped(${DOCDIR}/changelog.gz ${SOURCE}/package/changelog)

if(BUILD)
  file(REMOVE_RECURSE ${PREFIX})
endif()
list(LENGTH pages count)
message(STATUS "${PREFIX}: the binary, ${count} manual pages, the completion scripts, the schemas, "
               "the rule packs and the documents are in place")
