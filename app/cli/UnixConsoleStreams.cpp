// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsoleStreams.h"

#include <sys/ioctl.h>
#include <unistd.h>

namespace ConsoleStreams {

namespace {

int descriptorOf(Stream stream)
{
    switch (stream) {
    case Stream::Input:
        return STDIN_FILENO;
    case Stream::Output:
        return STDOUT_FILENO;
    case Stream::Error:
        break;
    }
    return STDERR_FILENO;
}

} // namespace

bool isTerminal(Stream stream)
{
    return ::isatty(descriptorOf(stream)) == 1;
}

std::pair<int, int> terminalSize()
{
    winsize size {};
    if (::ioctl(STDIN_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_row > 0 && size.ws_col > 0)
        return {size.ws_row, size.ws_col};
    return {24, 80};
}

} // namespace ConsoleStreams
