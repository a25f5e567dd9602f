// SPDX-License-Identifier: GPL-3.0-or-later
#include "Win32.h"

Win32Failure Win32Failure::lastError(const char *what)
{
    Win32Failure result;
    result.code = GetLastError();
    char *text = nullptr;
    FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                   nullptr, result.code, 0, reinterpret_cast<char *>(&text), 0, nullptr);
    result.message = std::string(what) + ": " + (text ? text : "unknown error");
    while (!result.message.empty() && (result.message.back() == '\n' || result.message.back() == '\r'))
        result.message.pop_back();
    LocalFree(text);
    return result;
}

void closeWin32Handle(HANDLE &handle)
{
    if (handle && handle != INVALID_HANDLE_VALUE)
        CloseHandle(handle);
    handle = nullptr;
}

DWORD processExitCode(HANDLE process)
{
    DWORD code = STILL_ACTIVE;
    if (process)
        GetExitCodeProcess(process, &code);
    return code;
}
