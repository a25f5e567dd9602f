// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsoleStreams.h"

#include <windows.h>

namespace ConsoleStreams {

namespace {

HANDLE handleOf(Stream stream)
{
    switch (stream) {
    case Stream::Input:
        return GetStdHandle(STD_INPUT_HANDLE);
    case Stream::Output:
        return GetStdHandle(STD_OUTPUT_HANDLE);
    case Stream::Error:
        break;
    }
    return GetStdHandle(STD_ERROR_HANDLE);
}

} // namespace

bool isTerminal(Stream stream)
{
    // _isatty() is also true for NUL and serial devices; only a console has a console mode.
    DWORD mode = 0;
    return GetConsoleMode(handleOf(stream), &mode) != 0;
}

std::pair<int, int> terminalSize()
{
    CONSOLE_SCREEN_BUFFER_INFO info {};
    if (!GetConsoleScreenBufferInfo(GetStdHandle(STD_OUTPUT_HANDLE), &info))
        return {24, 80};
    // The visible window, not the scroll-back buffer behind it.
    const int rows = info.srWindow.Bottom - info.srWindow.Top + 1;
    const int columns = info.srWindow.Right - info.srWindow.Left + 1;
    if (rows <= 0 || columns <= 0)
        return {24, 80};
    return {rows, columns};
}

} // namespace ConsoleStreams
