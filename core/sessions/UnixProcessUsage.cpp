// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessUsage.h"

#include "ProcStat.h"

#include <QDir>
#include <QHash>
#include <QList>

#include <unistd.h>

namespace {

struct StatLine
{
    qint64 parent = 0;
    qint64 ticks = 0;
    qint64 rssPages = 0;
};

std::optional<StatLine> readStat(qint64 pid)
{
    const std::optional<QList<QByteArray>> stat = ProcStat::fields(pid);
    if (!stat)
        return std::nullopt;
    const QList<QByteArray> &fields = *stat;
    // ppid is field 4, utime 14, stime 15, rss 24.
    if (fields.size() < 22)
        return std::nullopt;
    return StatLine{fields[1].toLongLong(), fields[11].toLongLong() + fields[12].toLongLong(), fields[21].toLongLong()};
}

} // namespace

std::optional<ProcessUsage> ProcessUsage::ofTree(qint64 pid)
{
    if (pid <= 0)
        return std::nullopt;
    QHash<qint64, StatLine> stats;
    QHash<qint64, QList<qint64>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 each = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        if (const std::optional<StatLine> stat = readStat(each)) {
            stats.insert(each, *stat);
            children[stat->parent].append(each);
        }
    }
    if (!stats.contains(pid))
        return std::nullopt;

    const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    ProcessUsage usage;
    QList<qint64> pending{pid};
    while (!pending.isEmpty()) {
        const qint64 next = pending.takeLast();
        const StatLine stat = stats.value(next);
        usage.cpuMs += stat.ticks * 1000 / ticksPerSecond;
        usage.rssBytes += stat.rssPages * pageSize;
        ++usage.processes;
        pending.append(children.value(next));
    }
    return usage;
}
