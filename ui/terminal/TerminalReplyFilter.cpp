// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalReplyFilter.h"

bool TerminalReplyFilter::allows(const QByteArray &reply)
{
    // ESC [ [?>]? digits-and-semicolons final, final being c (DA), n (DSR) or R (CPR).
    if (reply.size() < 3 || reply.size() > 32 || !reply.startsWith("\x1b["))
        return false;
    const char final = reply.back();
    if (final != 'c' && final != 'n' && final != 'R')
        return false;
    qsizetype i = 2;
    if (reply[i] == '?' || reply[i] == '>')
        ++i;
    for (; i < reply.size() - 1; ++i) {
        const char c = reply[i];
        if ((c < '0' || c > '9') && c != ';')
            return false;
    }
    return true;
}
