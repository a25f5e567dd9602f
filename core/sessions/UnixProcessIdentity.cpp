// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessIdentity.h"

#include "ProcStat.h"

std::optional<ProcessIdentity> ProcessIdentity::of(qint64 pid)
{
    if (pid <= 0)
        return std::nullopt;
    const std::optional<QList<QByteArray>> stat = ProcStat::fields(pid);
    if (!stat)
        return std::nullopt;
    const QList<QByteArray> &fields = *stat;
    // Field 22 (starttime) is fields[19].
    if (fields.size() < 20 || fields[0] == "Z" || fields[0] == "X")
        return std::nullopt; // a zombie has finished running; only its parent has yet to notice

    bool ok = false;
    const quint64 start = fields[19].toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    return ProcessIdentity{pid, start};
}
