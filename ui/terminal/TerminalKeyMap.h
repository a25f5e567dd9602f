// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QKeyEvent;
class TerminalScreen;

/// Turns a key press into what a terminal sends: special keys through libvterm's encoder
/// (which knows application cursor mode), Ctrl/Alt combinations by their key, text as UTF-8.
class TerminalKeyMap
{
public:
    /// False when the event carries nothing to send (a lone modifier, a dead key).
    static bool forward(const QKeyEvent &event, TerminalScreen &screen);
};
