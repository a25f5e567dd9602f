// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <utility>

/// The caller's standard streams as the CLI needs to know them: whether each is a terminal (a
/// person watching) or a pipe or file (a script), and the terminal's size. UnixConsoleStreams.cpp
/// asks isatty and TIOCGWINSZ, WinConsoleStreams.cpp the console (GetConsoleMode and the screen
/// buffer), so a pipe on Windows is not mistaken for a terminal either.
namespace ConsoleStreams {

enum class Stream { Input, Output, Error };

bool isTerminal(Stream stream);
/// The caller's terminal size as {rows, columns}; {24, 80} when there is none.
std::pair<int, int> terminalSize();

} // namespace ConsoleStreams
