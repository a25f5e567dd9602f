// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TerminalCell.h"

#include <QColor>

/// Turns the program's colours into screen colours: xterm's 256-colour palette on a dark theme.
class TerminalPalette
{
public:
    TerminalPalette();

    QColor foreground(TerminalColor color, bool bold) const;
    QColor background(TerminalColor color) const;
    QColor defaultForeground() const { return m_defaultForeground; }
    QColor defaultBackground() const { return m_defaultBackground; }
    QColor selection() const { return m_selection; }
    QColor indexed(int index) const { return m_colors[index & 0xff]; }

private:
    QColor m_colors[256];
    QColor m_defaultForeground {0xd3, 0xd7, 0xcf};
    QColor m_defaultBackground {0x1e, 0x1e, 0x1e};
    QColor m_selection {0x44, 0x5a, 0x88};
};
