# CEL: the conformance runner, and `ppsaudit rules eval` through the real binary.
include(${CMAKE_CURRENT_SOURCE_DIR}/conformance/conformance.cmake)
