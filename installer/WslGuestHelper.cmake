# SPDX-License-Identifier: GPL-3.0-or-later
# The Linux scorpiox-no-network that the Windows package carries: WSL sessions with --net none run
# it inside the distribution, and a Windows build cannot compile a static Linux program. Included
# by installer/CMakeLists.txt on WIN32; run in script mode (cmake -DSCORPIOX_WSL_GUEST_HELPER=FILE
# -P WslGuestHelper.cmake) it checks FILE alone, which the package_wsl_guest_helper test does.

# Sets @p out to a one-line reason why @p path cannot be packaged, or to "" when it can.
function(scorpiox_wsl_guest_helper_problem path out)
    set(how "build it on Linux with 'cmake --build <linux-build> --target scorpiox-no-network' and configure with \
-DSCORPIOX_WSL_GUEST_HELPER=<linux-build>/libexec/scorpiox/scorpiox-no-network")
    set(problem "")
    if(NOT path)
        set(problem "SCORPIOX_WSL_GUEST_HELPER is not set: the Windows package needs the Linux scorpiox-no-network; ${how}")
    elseif(NOT EXISTS "${path}" OR IS_DIRECTORY "${path}")
        set(problem "SCORPIOX_WSL_GUEST_HELPER=${path} does not exist; ${how}")
    else()
        # ELF magic, 64-bit class (byte 4 = 2), e_machine x86-64 (bytes 18-19 = 0x3e 0x00).
        file(READ "${path}" header LIMIT 20 HEX)
        string(SUBSTRING "${header}" 0 8 magic)
        if(NOT magic STREQUAL "7f454c46")
            set(problem "SCORPIOX_WSL_GUEST_HELPER=${path} is not a Linux program (no ELF header); ${how}")
        else()
            string(SUBSTRING "${header}" 8 2 class)
            string(SUBSTRING "${header}" 36 4 machine)
            if(NOT class STREQUAL "02" OR NOT machine STREQUAL "3e00")
                set(problem "SCORPIOX_WSL_GUEST_HELPER=${path} is not an x86-64 Linux program; ${how}")
            endif()
        endif()
    endif()
    set(${out} "${problem}" PARENT_SCOPE)
endfunction()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
    scorpiox_wsl_guest_helper_problem("${SCORPIOX_WSL_GUEST_HELPER}" problem)
    if(problem)
        message(FATAL_ERROR "${problem}")
    endif()
    message(STATUS "${SCORPIOX_WSL_GUEST_HELPER} can go into the Windows package")
endif()
