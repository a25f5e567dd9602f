// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

/// Decides which answers to the program's queries may go back into its input.
/// Only fixed-format numeric status reports pass — device attributes (DA1/DA2), status (DSR)
/// and cursor position (CPR) — because programs such as vim and fish wait for them and they
/// cannot carry text. Anything that could echo content (DECRQSS, titles, OSC replies) is
/// dropped, so output can never make the terminal type something back.
class TerminalReplyFilter
{
public:
    static bool allows(const QByteArray &reply);
};
