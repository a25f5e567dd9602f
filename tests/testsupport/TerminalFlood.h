// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/// Mixed terminal output for flood tests and the terminal benchmark: words, numbers, 16-,
/// 256- and 24-bit colour escapes, bold and underline, some CJK, in lines of varying length.
class TerminalFlood
{
public:
    /// About @p bytes of output; the last line is lastLine().
    static QByteArray generate(qint64 bytes);
    static QByteArray lastLine() { return "scorpiox flood complete"; }
    /// Writes generate(@p bytes) to @p path; false on failure.
    static bool writeFile(const QString &path, qint64 bytes);
};
