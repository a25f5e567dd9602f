// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionStopper.h"

#include "OrphanCleaner.h"
#include "ProcessTermination.h"
#include "Session.h"
#include "SessionStore.h"
#include "launch/WslLauncher.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

namespace {

/// Waits until @p done holds or @p ms pass.
bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms)
            return false;
        QThread::msleep(50);
    }
    return true;
}

} // namespace

SessionStopper::SessionStopper(QString cacheDir)
    : m_cacheDir(std::move(cacheDir))
{
}

Result<SessionRecord> SessionStopper::stop(const QString &id) const
{
    const SessionStore store(m_cacheDir);
    const Result<SessionRecord> record = store.find(id);
    if (!record)
        return record.error();
    const QString path = store.recordPath(record->id);
    auto gone = [&path] { return !QFileInfo::exists(path); };

    if (record->launcher.isAlive()) {
        ProcessTermination::requestEnd(record->launcher.pid);
        if (!waitFor([&] { return !record->launcher.isAlive(); }, Session::kStopGraceMs))
            ProcessTermination::force(record->launcher.pid);
    }
    // A live owner notices its launcher has ended and removes the record and overlay itself.
    if (record->isOwnerAlive() && waitFor(gone, 10000))
        return record;
    const OrphanCleaner cleaner(m_cacheDir, WslLauncher::distroControl(m_cacheDir));
    const Result<QList<Orphan>> orphans = cleaner.scan();
    if (!orphans)
        return orphans.error();
    QList<Orphan> mine;
    for (const Orphan &orphan : *orphans) {
        if (orphan.id == record->id)
            mine.append(orphan);
    }
    const OrphanCleaner::Report report = cleaner.remove(mine);
    if (!report.failures.isEmpty())
        return report.failures.first();
    if (!gone())
        return Error::io(QStringLiteral("%1 did not stop; its owner process %2 still runs")
                             .arg(record->name())
                             .arg(record->owner.pid));
    return record;
}
