# SPDX-License-Identifier: GPL-3.0-or-later
# The windows_configure test: configures and generates the whole project for WIN32 with mingw-w64
# (tests/windows/mingw-w64.cmake) against this machine's Qt and libraries, then reads what CMake
# generated through its file API and checks the WIN32 branches of the build:
#   - it needs no libseccomp, and has no Linux-only target (scorpiox-unshare, scorpiox-no-network)
#     and no test suites;
#   - scorpiox-core, scorpiox-ui and scorpiox-desktop compile exactly the C++ files the Linux
#     configure listed for windows_syntax (EXPECTED_SOURCES), so the two lists cannot drift;
#   - the project's warnings (and -Werror) reach those targets;
#   - the package is NSIS, carries the Linux guest helper, and a configure without one fails;
#   - the built-in image comes from a Linux build (IMAGE), checked, and the build runs no Unix
#     tool (sh, tar, gzip) a Windows machine lacks.
# cmake -DSOURCE_DIR=... -DWORK_DIR=... -DHELPER=<scorpiox-no-network> -DIMAGE=<default.tar.gz>
#       -DEXPECTED_SOURCES=<windows-sources.txt> -P configure-check.cmake
cmake_minimum_required(VERSION 3.25)
foreach(variable SOURCE_DIR WORK_DIR HELPER IMAGE EXPECTED_SOURCES)
    if(NOT ${variable})
        message(FATAL_ERROR "configure-check.cmake needs -D${variable}=...")
    endif()
endforeach()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR}/.cmake/api/v1/query)
file(TOUCH ${WORK_DIR}/.cmake/api/v1/query/codemodel-v2)
# pkg-config sees only vterm, as in a Windows prefix (vcpkg's): no libseccomp there.
execute_process(COMMAND pkg-config --variable=pcfiledir vterm OUTPUT_VARIABLE pc_dir OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "pkg-config finds no vterm.pc: install libvterm-dev (installer/bootstrap.sh)")
endif()
file(COPY ${pc_dir}/vterm.pc DESTINATION ${WORK_DIR}/pkgconfig)
set(configure ${CMAKE_COMMAND} -E env PKG_CONFIG_LIBDIR=${WORK_DIR}/pkgconfig PKG_CONFIG_PATH=
    ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR} -G Ninja
    --toolchain ${CMAKE_CURRENT_LIST_DIR}/mingw-w64.cmake
    -DCMAKE_PROJECT_INCLUDE=${CMAKE_CURRENT_LIST_DIR}/stand-in-import-libraries.cmake
    -DSCORPIOX_WERROR=ON)
execute_process(COMMAND ${configure} -DSCORPIOX_WSL_GUEST_HELPER=${HELPER} -DSCORPIOX_DEFAULT_IMAGE_ARCHIVE=${IMAGE}
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "the WIN32 configure failed (${status}):\n${output}")
endif()

# The file API's reply: an index naming the code model, which names one file per target.
set(reply ${WORK_DIR}/.cmake/api/v1/reply)
file(GLOB index ${reply}/index-*.json)
file(READ ${index} json)
string(JSON codemodel_file GET "${json}" reply codemodel-v2 jsonFile)
file(READ ${reply}/${codemodel_file} codemodel)
string(JSON target_count LENGTH "${codemodel}" configurations 0 targets)
math(EXPR last "${target_count} - 1")
set(problems "")
set(sources "")
set(seen "")
foreach(i RANGE ${last})
    string(JSON name GET "${codemodel}" configurations 0 targets ${i} name)
    string(JSON target_file GET "${codemodel}" configurations 0 targets ${i} jsonFile)
    list(APPEND seen ${name})
    if(name MATCHES "^(scorpiox-unshare|scorpiox-unshare-core|scorpiox-no-network|scorpiox-testsupport|tst_.*)$")
        string(APPEND problems "the WIN32 build has the target ${name}, which only a Linux build may have\n")
    endif()
    if(NOT name MATCHES "^(scorpiox-core|scorpiox-ui|scorpiox-desktop)$")
        continue()
    endif()
    file(READ ${reply}/${target_file} target)
    string(JSON source_count LENGTH "${target}" sources)
    math(EXPR last_source "${source_count} - 1")
    foreach(j RANGE ${last_source})
        string(JSON path GET "${target}" sources ${j} path)
        string(JSON generated ERROR_VARIABLE not_generated GET "${target}" sources ${j} isGenerated)
        # Paths inside the source tree are relative to it; moc and rcc output is generated.
        if(path MATCHES "\\.cpp$" AND NOT IS_ABSOLUTE "${path}" AND NOT generated)
            list(APPEND sources ${path})
        endif()
    endforeach()
    string(JSON fragments ERROR_VARIABLE no_fragments GET "${target}" compileGroups 0 compileCommandFragments)
    foreach(flag -Wall -Wpedantic -Werror)
        if(NOT fragments MATCHES "\"${flag}( |\")")
            string(APPEND problems "${name} compiles without ${flag}: scorpiox-compile-options' GCC branch is wrong\n")
        endif()
    endforeach()
endforeach()
foreach(name scorpiox-core scorpiox-ui scorpiox-desktop)
    if(NOT name IN_LIST seen)
        string(APPEND problems "the WIN32 build has no target ${name}\n")
    endif()
endforeach()

list(SORT sources)
list(REMOVE_DUPLICATES sources)
file(STRINGS ${EXPECTED_SOURCES} expected)
list(SORT expected)
set(missing ${expected})
list(REMOVE_ITEM missing ${sources})
set(extra ${sources})
list(REMOVE_ITEM extra ${expected})
if(missing)
    list(JOIN missing "\n  " missing)
    string(APPEND problems "windows_syntax checks files the WIN32 build does not compile:\n  ${missing}\n")
endif()
if(extra)
    list(JOIN extra "\n  " extra)
    string(APPEND problems "the WIN32 build compiles files windows_syntax does not check:\n  ${extra}\n")
endif()
# Both lists wrong in the same way would still agree: the platform files must be the Windows ones.
foreach(file core/pty/ConPty.cpp core/doctor/WinHostCheck.cpp app/cli/WinInterruptSource.cpp)
    if(NOT file IN_LIST sources)
        string(APPEND problems "the WIN32 build lacks ${file}: scorpiox_platform_sources did not choose the Windows files\n")
    endif()
endforeach()
foreach(file core/pty/UnixPty.cpp core/doctor/UnixHostCheck.cpp core/launch/NamespaceLauncher.cpp)
    if(file IN_LIST sources)
        string(APPEND problems "the WIN32 build compiles the Unix-only ${file}\n")
    endif()
endforeach()

file(READ ${WORK_DIR}/CPackConfig.cmake cpack)
if(NOT cpack MATCHES "set\\(CPACK_GENERATOR \"NSIS\"\\)")
    string(APPEND problems "the WIN32 package is not NSIS (${WORK_DIR}/CPackConfig.cmake)\n")
endif()
file(READ ${WORK_DIR}/installer/cmake_install.cmake install_script)
string(FIND "${install_script}" "${HELPER}" helper_at)
if(helper_at LESS 0 OR NOT install_script MATCHES "scorpiox-no-network")
    string(APPEND problems "the WIN32 package does not install ${HELPER} as scorpiox-no-network\n")
endif()

file(READ ${WORK_DIR}/resources/default-image/cmake_install.cmake install_script)
file(STRINGS ${WORK_DIR}/build.ninja image_copy REGEX "copy ${IMAGE} ")
if(NOT install_script MATCHES "share/scorpiox/images/default\\.tar\\.gz" OR NOT image_copy)
    string(APPEND problems "the WIN32 build does not take the built-in image from ${IMAGE}\n")
endif()
# What a Windows machine does not have (the suites, which use all of them, are Linux-only).
file(STRINGS ${WORK_DIR}/build.ninja unix_tools REGEX "(sh -c |gzip |tar --create)")
if(unix_tools)
    list(JOIN unix_tools "\n  " unix_tools)
    string(APPEND problems "the WIN32 build runs Unix tools:\n  ${unix_tools}\n")
endif()

execute_process(COMMAND ${configure} -DSCORPIOX_WSL_GUEST_HELPER= -DSCORPIOX_DEFAULT_IMAGE_ARCHIVE=${IMAGE}
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(status EQUAL 0 OR NOT output MATCHES "SCORPIOX_WSL_GUEST_HELPER is not set")
    string(APPEND problems "a WIN32 configure without SCORPIOX_WSL_GUEST_HELPER did not fail as it must:\n${output}\n")
endif()
# CMake wraps a FATAL_ERROR's line on output: matched with the whitespace folded.
foreach(case "|is not set" "${HELPER}|is not a \\.tar\\.gz")
    string(REPLACE "|" ";" case "${case}")
    list(GET case 0 archive)
    list(GET case 1 expected)
    execute_process(COMMAND ${configure} -DSCORPIOX_WSL_GUEST_HELPER=${HELPER} -DSCORPIOX_DEFAULT_IMAGE_ARCHIVE=${archive}
                    RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
    string(REGEX REPLACE "[ \t\r\n]+" " " output "${output}")
    if(status EQUAL 0 OR NOT output MATCHES "SCORPIOX_DEFAULT_IMAGE_ARCHIVE.*${expected}.*--target scorpiox-default-image")
        string(APPEND problems "a WIN32 configure with SCORPIOX_DEFAULT_IMAGE_ARCHIVE='${archive}' did not fail as it must:\n${output}\n")
    endif()
endforeach()

if(problems)
    message(FATAL_ERROR "${problems}")
endif()
list(LENGTH sources count)
message(STATUS "WIN32 configure: ${target_count} targets, ${count} C++ files in scorpiox-core, -ui and -desktop, "
               "the same as windows_syntax checks; NSIS package with the guest helper and the built-in image of a Linux build")
