// SPDX-License-Identifier: GPL-3.0-or-later
#include "ForeignSession.h"

#include "sessions/SessionStore.h"

QList<ForeignSession> ForeignSession::scan(const QString &cacheDir)
{
    const ProcessIdentity self = ProcessIdentity::self();
    QList<ForeignSession> found;
    for (const SessionRecord &record : SessionStore(cacheDir).list().records) {
        if (record.owner == self)
            continue;
        ForeignSession session;
        session.record = record;
        session.ownerAlive = record.isOwnerAlive();
        session.launcherAlive = record.launcher.pid > 0 && record.launcher.isAlive();
        if (session.launcherAlive)
            session.usage = ProcessUsage::ofTree(record.launcher.pid);
        found.append(session);
    }
    return found;
}
