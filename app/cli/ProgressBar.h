// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextStream>

/// A one-line progress bar on stderr (bytes, rate, ETA), drawn only when stderr is a terminal.
class ProgressBar
{
public:
    explicit ProgressBar(QTextStream &err);

    bool isTerminal() const { return m_terminal; }
    void draw(qint64 received, qint64 total, double bytesPerSecond, int etaSeconds);
    /// A line of its own (a status message), after ending any bar being drawn.
    void message(const QString &text);
    /// A line of a tool's output (a package manager's): dim on a terminal, above the bar; plain
    /// otherwise, so a log file gets it too.
    void outputLine(const QString &text);
    /// Ends the bar's line so that later output starts on a fresh one.
    void finish();

    /// A byte count for people: `12.3 MB`.
    static QString humanSize(qint64 bytes);

private:
    QTextStream &m_err;
    bool m_terminal = false;
    bool m_drawn = false;
};
