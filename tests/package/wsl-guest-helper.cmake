# SPDX-License-Identifier: GPL-3.0-or-later
# The Windows package's check of SCORPIOX_WSL_GUEST_HELPER (installer/WslGuestHelper.cmake), run as
# a Windows configure would run it: refused when unset, missing, not a program or not a Linux x86-64
# one, each with the one-line how-to; accepted for the real scorpiox-no-network.
# cmake -DSOURCE_DIR=... -DHELPER=<built scorpiox-no-network> -DWORK_DIR=... -P wsl-guest-helper.cmake
foreach(required SOURCE_DIR HELPER WORK_DIR)
    if(NOT ${required})
        message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=... -DHELPER=... -DWORK_DIR=... -P wsl-guest-helper.cmake")
    endif()
endforeach()
file(MAKE_DIRECTORY ${WORK_DIR})
file(WRITE ${WORK_DIR}/script.sh "#!/bin/sh\necho not an ELF program\n")
# A Windows program's header (MZ), and an ELF for another machine (aarch64, e_machine 0xb7).
string(ASCII 77 90 windows_magic)
file(WRITE ${WORK_DIR}/program.exe "${windows_magic}")
# file() cannot write arbitrary bytes: printf does.
execute_process(COMMAND sh -c "printf '\\177ELF\\002\\001\\001\\000\\000\\000\\000\\000\\000\\000\\000\\000\\002\\000\\267\\000' > '${WORK_DIR}/foreign'"
                RESULT_VARIABLE wrote)
if(NOT wrote EQUAL 0)
    message(FATAL_ERROR "cannot write ${WORK_DIR}/foreign")
endif()

function(expect helper outcome pattern)
    execute_process(COMMAND ${CMAKE_COMMAND} -DSCORPIOX_WSL_GUEST_HELPER=${helper} -P ${SOURCE_DIR}/installer/WslGuestHelper.cmake
                    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
    # CMake wraps and indents a FATAL_ERROR's one line on output.
    string(REGEX REPLACE "[ \t\r\n]+" " " text "${out}${err}")
    if(outcome STREQUAL "accepted" AND NOT result EQUAL 0)
        message(FATAL_ERROR "'${helper}' was refused:\n${text}")
    elseif(outcome STREQUAL "refused" AND result EQUAL 0)
        message(FATAL_ERROR "'${helper}' was accepted:\n${text}")
    endif()
    if(NOT text MATCHES "${pattern}")
        message(FATAL_ERROR "'${helper}': the message does not match '${pattern}':\n${text}")
    endif()
    message(STATUS "${outcome}: '${helper}'")
endfunction()

set(how "cmake --build <linux-build> --target scorpiox-no-network")
expect("" refused "is not set.*${how}")
expect(${WORK_DIR}/missing refused "does not exist.*${how}")
expect(${WORK_DIR} refused "does not exist.*${how}")
expect(${WORK_DIR}/script.sh refused "not a Linux program.*${how}")
expect(${WORK_DIR}/program.exe refused "not a Linux program.*${how}")
expect(${WORK_DIR}/foreign refused "not an x86-64 Linux program.*${how}")
expect(${HELPER} accepted "can go into the Windows package")
