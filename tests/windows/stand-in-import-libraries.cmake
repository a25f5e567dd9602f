# SPDX-License-Identifier: GPL-3.0-or-later
# CMAKE_PROJECT_INCLUDE of the Windows configure check. A Windows build links a DLL through its
# import library, which this machine's Linux packages (Qt, QtKeychain) do not name, and CMake
# refuses to generate without one: their shared library stands in, as generating only needs a
# file name. Runs once the whole project is configured, before it is generated.
function(scorpiox_stand_in_import_libraries)
    get_directory_property(targets DIRECTORY ${CMAKE_SOURCE_DIR} IMPORTED_TARGETS)
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        if(NOT type STREQUAL "SHARED_LIBRARY")
            continue()
        endif()
        get_target_property(configurations ${target} IMPORTED_CONFIGURATIONS)
        foreach(suffix IN LISTS configurations ITEMS "")
            if(suffix)
                set(suffix _${suffix})
            endif()
            get_target_property(location ${target} IMPORTED_LOCATION${suffix})
            get_target_property(implib ${target} IMPORTED_IMPLIB${suffix})
            if(location AND NOT implib)
                set_property(TARGET ${target} PROPERTY IMPORTED_IMPLIB${suffix} ${location})
            endif()
        endforeach()
    endforeach()
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL scorpiox_stand_in_import_libraries)
