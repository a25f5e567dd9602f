// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcStat.h"

#include <QFile>
#include <QString>

namespace ProcStat {

std::optional<QList<QByteArray>> fields(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may hold spaces and parentheses: fields resume after the last ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    return line.mid(close + 2).split(' ');
}

} // namespace ProcStat
