// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessWait.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <unistd.h>

namespace ProcessWait {

ProcessOutcome finish(QProcess &process, int timeoutMs)
{
    ProcessOutcome r;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

bool until(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

int countWithCmdline(const QByteArray &marker)
{
    int count = 0;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        QFile cmdline(QStringLiteral("/proc/") + pid + QStringLiteral("/cmdline"));
        if (pid.toInt() > 0 && pid.toInt() != getpid() && cmdline.open(QIODevice::ReadOnly)
            && cmdline.readAll().contains(marker))
            ++count;
    }
    return count;
}

qint64 reportedPid(const QString &infoFile, int timeoutMs)
{
    qint64 pid = 0;
    until(
        [&] {
            QFile file(infoFile);
            if (!file.open(QIODevice::ReadOnly))
                return false;
            const QByteArray first = file.readLine().trimmed();
            if (first.startsWith("{\"pid\":") && first.endsWith('}'))
                pid = first.mid(7).chopped(1).toLongLong();
            return pid > 0;
        },
        timeoutMs);
    return pid;
}

} // namespace ProcessWait
