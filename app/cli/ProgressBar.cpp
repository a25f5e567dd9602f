// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProgressBar.h"

#include "ConsoleStreams.h"

ProgressBar::ProgressBar(QTextStream &err)
    : m_err(err)
    , m_terminal(ConsoleStreams::isTerminal(ConsoleStreams::Stream::Error))
{
}

QString ProgressBar::humanSize(qint64 bytes)
{
    if (bytes < 1000)
        return QStringLiteral("%1 B").arg(bytes);
    static const char *const units[] = {"kB", "MB", "GB", "TB"};
    double value = double(bytes);
    int unit = -1;
    while (value >= 1000 && unit < 3) {
        value /= 1000;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

void ProgressBar::draw(qint64 received, qint64 total, double bytesPerSecond, int etaSeconds)
{
    if (!m_terminal)
        return;
    constexpr int width = 30;
    QString line;
    if (total > 0) {
        const int filled = int(double(width) * double(received) / double(total));
        line = QLatin1Char('[') + QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char(' '))
               + QStringLiteral("] %1% %2/%3")
                     .arg(int(100.0 * double(received) / double(total)), 3)
                     .arg(humanSize(received), humanSize(total));
    } else {
        line = humanSize(received);
    }
    if (bytesPerSecond > 0)
        line += QStringLiteral("  %1/s").arg(humanSize(qint64(bytesPerSecond)));
    if (etaSeconds >= 0)
        line += QStringLiteral("  ETA %1:%2").arg(etaSeconds / 60).arg(etaSeconds % 60, 2, 10, QLatin1Char('0'));
    m_err << '\r' << line << "\033[K";
    m_err.flush();
    m_drawn = true;
}

void ProgressBar::message(const QString &text)
{
    finish();
    m_err << text << '\n';
    m_err.flush();
}

void ProgressBar::outputLine(const QString &text)
{
    if (!m_terminal) {
        m_err << text << '\n';
        m_err.flush();
        return;
    }
    // Over the bar's line: the next draw() puts the bar back below.
    m_err << '\r' << "\033[K\033[2m" << text << "\033[0m\n";
    m_err.flush();
    m_drawn = false;
}

void ProgressBar::finish()
{
    if (m_drawn) {
        m_err << '\n';
        m_err.flush();
        m_drawn = false;
    }
}
