// SPDX-License-Identifier: GPL-3.0-or-later
// Checks the Windows side of ConsoleStreams (app/cli/WinConsoleStreams.cpp) with the real Win32
// calls: run with standard input, output and error redirected to files, none of them may pass for
// a terminal (as _isatty would say for NUL), and the terminal size falls back to 24x80. Built
// with mingw-w64 and run under wine by tests/conpty/conpty-wine-smoke.sh.
#include "cli/ConsoleStreams.h"

#include <cstdio>

int main()
{
    using ConsoleStreams::Stream;
    const bool input = ConsoleStreams::isTerminal(Stream::Input);
    const bool output = ConsoleStreams::isTerminal(Stream::Output);
    const bool error = ConsoleStreams::isTerminal(Stream::Error);
    const auto [rows, columns] = ConsoleStreams::terminalSize();
    std::printf("streams: input %d, output %d, error %d are terminals; size %dx%d\n", input, output, error, rows,
                columns);
    if (input || output || error) {
        std::printf("console streams smoke: a redirected stream passed for a terminal\n");
        return 1;
    }
    if (rows != 24 || columns != 80) {
        std::printf("console streams smoke: without a console the size must be 24x80\n");
        return 1;
    }
    return 0;
}
