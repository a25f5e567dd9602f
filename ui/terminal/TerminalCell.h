// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRgb>
#include <QString>

/// A colour as the program chose it: the terminal's default, a palette index (0-255) or 24-bit RGB.
/// Packed into 32 bits because scrollback holds millions of cells.
class TerminalColor
{
public:
    enum class Kind : quint8 { Default, Indexed, Rgb };

    constexpr TerminalColor() = default;
    static constexpr TerminalColor indexed(int index) { return TerminalColor(Kind::Indexed, quint32(index & 0xff)); }
    static constexpr TerminalColor rgb(int red, int green, int blue)
    {
        return TerminalColor(Kind::Rgb, quint32((red & 0xff) << 16 | (green & 0xff) << 8 | (blue & 0xff)));
    }

    constexpr Kind kind() const { return Kind(m_value >> 24); }
    constexpr bool isDefault() const { return kind() == Kind::Default; }
    constexpr int index() const { return int(m_value & 0xff); }
    constexpr QRgb toRgb() const { return qRgb(int(m_value >> 16 & 0xff), int(m_value >> 8 & 0xff), int(m_value & 0xff)); }
    constexpr bool operator==(const TerminalColor &) const = default;

private:
    constexpr TerminalColor(Kind kind, quint32 payload) : m_value(quint32(kind) << 24 | payload) { }
    quint32 m_value = 0;
};

/// One character cell of the screen or of scrollback.
struct TerminalCell
{
    enum Attribute : quint8 {
        Bold = 1,
        Italic = 2,
        Underline = 4,
        Reverse = 8,
        Strike = 16,
        Blink = 32,
    };

    char32_t character = 0; ///< 0 for an empty cell
    char32_t combining = 0; ///< the first combining mark on it, if any
    TerminalColor foreground;
    TerminalColor background;
    quint8 width = 1; ///< 2 for a wide character; 0 for the cell a wide character's right half covers
    quint8 attributes = 0;

    bool has(Attribute attribute) const { return attributes & attribute; }
    /// The cell's text; an empty cell reads as a space.
    QString text() const
    {
        QString result = character ? QString::fromUcs4(&character, 1) : QStringLiteral(" ");
        if (combining)
            result += QString::fromUcs4(&combining, 1);
        return result;
    }
    bool operator==(const TerminalCell &) const = default;
};
