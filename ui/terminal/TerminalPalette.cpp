// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalPalette.h"

TerminalPalette::TerminalPalette()
{
    // The 16 colours of GNOME Terminal's Tango scheme, then xterm's 6x6x6 cube and grey ramp.
    static constexpr QRgb kBase[16] = {
        0x2e3436, 0xcc0000, 0x4e9a06, 0xc4a000, 0x3465a4, 0x75507b, 0x06989a, 0xd3d7cf,
        0x555753, 0xef2929, 0x8ae234, 0xfce94f, 0x729fcf, 0xad7fa8, 0x34e2e2, 0xeeeeec,
    };
    for (int i = 0; i < 16; ++i)
        m_colors[i] = QColor::fromRgb(kBase[i]);
    static constexpr int kLevels[6] = {0, 95, 135, 175, 215, 255};
    for (int i = 0; i < 216; ++i)
        m_colors[16 + i] = QColor(kLevels[i / 36], kLevels[i / 6 % 6], kLevels[i % 6]);
    for (int i = 0; i < 24; ++i)
        m_colors[232 + i] = QColor(8 + 10 * i, 8 + 10 * i, 8 + 10 * i);
}

QColor TerminalPalette::foreground(TerminalColor color, bool bold) const
{
    switch (color.kind()) {
    case TerminalColor::Kind::Default: return bold ? m_colors[15] : m_defaultForeground;
    case TerminalColor::Kind::Indexed:
        // Bold makes the first eight colours bright, as in xterm.
        return m_colors[bold && color.index() < 8 ? color.index() + 8 : color.index()];
    case TerminalColor::Kind::Rgb: return QColor::fromRgb(color.toRgb());
    }
    return m_defaultForeground;
}

QColor TerminalPalette::background(TerminalColor color) const
{
    switch (color.kind()) {
    case TerminalColor::Kind::Default: return m_defaultBackground;
    case TerminalColor::Kind::Indexed: return m_colors[color.index()];
    case TerminalColor::Kind::Rgb: return QColor::fromRgb(color.toRgb());
    }
    return m_defaultBackground;
}
