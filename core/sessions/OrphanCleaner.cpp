// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrphanCleaner.h"

#include "Paths.h"
#include "SessionStore.h"
#include "images/DirectoryTree.h"
#include "images/ImageCache.h"
#include "images/ImageLock.h"
#include "images/PartialDownload.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace {

const QString kOverlayPrefix = QStringLiteral("session-");

bool isPartialDownload(const QString &fileName)
{
    return fileName.endsWith(PartialDownload::suffix());
}

// The image whose lock guards a tmp/ entry: `<name>@<purpose>.XXXXXX` or `<name>.download`.
QString stagingOwner(const QString &fileName)
{
    return isPartialDownload(fileName) ? fileName.chopped(PartialDownload::suffix().size())
                                       : fileName.section(QLatin1Char('@'), 0, 0);
}

/// Ids of the sessions whose owner still runs, and the distributions they own.
struct LiveSessions
{
    QSet<QString> ids;
    QSet<QString> distros;
};

LiveSessions liveSessions(const SessionStore &store)
{
    LiveSessions live;
    for (const SessionRecord &record : store.list().records) {
        if (record.isOwnerAlive()) {
            live.ids.insert(record.id);
            if (!record.distro.isEmpty())
                live.distros.insert(record.distro);
        }
    }
    return live;
}

/// A live session owns its distribution, and one with a `-N` suffix it imported when the name was taken.
bool isOwned(const QSet<QString> &liveDistros, const QString &name)
{
    const qsizetype dash = name.lastIndexOf(QLatin1Char('-'));
    return liveDistros.contains(name) || (dash > 8 && liveDistros.contains(name.left(dash)));
}

} // namespace

QString Orphan::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Record:
        return QStringLiteral("record");
    case Kind::Overlay:
        return QStringLiteral("overlay");
    case Kind::Staging:
        return QStringLiteral("staging");
    case Kind::Distro:
        return QStringLiteral("distro");
    }
    return {};
}

OrphanCleaner::OrphanCleaner(QString cacheDir, DistroControl distros)
    : m_cacheDir(std::move(cacheDir))
    , m_distros(std::move(distros))
{
}

Result<QList<Orphan>> OrphanCleaner::scan() const
{
    QList<Orphan> orphans;
    const SessionStore store(m_cacheDir);
    const SessionStore::Listing listing = store.list();
    for (const SessionRecord &record : listing.records) {
        if (record.isOwnerAlive())
            continue;
        orphans.append({Orphan::Kind::Record, record.id, store.recordPath(record.id),
                        QFileInfo(store.recordPath(record.id)).size() + QFileInfo(store.logPath(record.id)).size(),
                        ProcessIdentity::of(record.owner.pid)
                            ? QStringLiteral("owner process %1 is gone (its pid now belongs to another process)").arg(record.owner.pid)
                            : QStringLiteral("owner process %1 is gone").arg(record.owner.pid)});
    }
    for (qsizetype i = 0; i < listing.unreadable.size(); ++i) {
        const QString path = listing.unreadablePaths.at(i);
        orphans.append({Orphan::Kind::Record, QFileInfo(path).completeBaseName(), path, QFileInfo(path).size(),
                        listing.unreadable.at(i).message});
    }
    const LiveSessions live = liveSessions(store);
    // Logs without a record: the record went first and the log was left by a crash in between.
    for (const QFileInfo &log : QDir(store.recordsDir()).entryInfoList({QStringLiteral("*.log")}, QDir::Files)) {
        const QString id = log.completeBaseName();
        if (!live.ids.contains(id) && !QFileInfo::exists(store.recordPath(id)))
            orphans.append({Orphan::Kind::Record, id, log.filePath(), log.size(), QStringLiteral("log of an ended session")});
    }

    const QString overlays = m_cacheDir + QStringLiteral("/overlays");
    for (const QFileInfo &dir : QDir(overlays).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString id = dir.fileName().startsWith(kOverlayPrefix) ? dir.fileName().mid(kOverlayPrefix.size()) : QString();
        if (!id.isEmpty() && live.ids.contains(id))
            continue;
        orphans.append({Orphan::Kind::Overlay, id, dir.filePath(), DirectoryTree::diskUsage(dir.filePath()),
                        QStringLiteral("no running session owns it")});
    }

    const ImageCache cache(m_cacheDir);
    // A partial download is worth keeping for a later pull to resume, unless it is stale.
    const QDateTime stale = QDateTime::currentDateTimeUtc().addDays(-PartialDownload::kStaleDays);
    for (const QFileInfo &entry : QDir(cache.tmpDir()).entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const bool partial = isPartialDownload(entry.fileName());
        if (partial ? entry.lastModified() >= stale : !entry.fileName().contains(QLatin1Char('@')))
            continue;
        if (entry.fileName().endsWith(QLatin1String(".lock")))
            continue;
        ImageLock lock = cache.lockFor(stagingOwner(entry.fileName()));
        const Result<bool> locked = lock.tryLock();
        if (locked && *locked)
            orphans.append({Orphan::Kind::Staging, {}, entry.filePath(),
                            partial ? entry.size() : DirectoryTree::diskUsage(entry.filePath()),
                            partial ? QStringLiteral("a download interrupted more than %1 days ago").arg(PartialDownload::kStaleDays)
                                    : QStringLiteral("left by an interrupted pull or import")});
    }

    if (m_distros.list) {
        const Result<QStringList> distros = m_distros.list();
        if (!distros)
            return distros.error();
        for (const QString &name : *distros) {
            if (name.startsWith(QLatin1String("scorpiox-")) && !isOwned(live.distros, name))
                orphans.append({Orphan::Kind::Distro, name.mid(9), name, 0, QStringLiteral("no running session owns it")});
        }
    }
    return orphans;
}

OrphanCleaner::Report OrphanCleaner::remove(const QList<Orphan> &orphans) const
{
    Report report;
    const SessionStore store(m_cacheDir);
    const LiveSessions live = liveSessions(store);
    for (const Orphan &orphan : orphans) {
        if (!orphan.id.isEmpty() && live.ids.contains(orphan.id) && orphan.kind != Orphan::Kind::Staging)
            continue; // it came alive (or was misjudged): never touch a live session
        Result<void> removed;
        switch (orphan.kind) {
        case Orphan::Kind::Record:
            if (orphan.path.endsWith(QLatin1String(".json")) && SessionRecord::isValidId(orphan.id)
                && orphan.path == store.recordPath(orphan.id))
                store.remove(orphan.id);
            else
                QFile::remove(orphan.path);
            if (QFileInfo::exists(orphan.path))
                removed = Error::io(QStringLiteral("cannot remove %1").arg(orphan.path));
            break;
        case Orphan::Kind::Overlay:
            removed = SessionStore::removeTree(orphan.path);
            break;
        case Orphan::Kind::Staging: {
            const ImageCache cache(m_cacheDir);
            ImageLock lock = cache.lockFor(stagingOwner(QFileInfo(orphan.path).fileName()));
            const Result<bool> locked = lock.tryLock();
            if (!locked || !*locked)
                continue; // a pull has started meanwhile
            if (isPartialDownload(orphan.path)) {
                PartialDownload(orphan.path).discard();
                if (QFileInfo::exists(orphan.path))
                    removed = Error::io(QStringLiteral("cannot remove %1").arg(orphan.path));
                break;
            }
            removed = SessionStore::removeTree(orphan.path);
            break;
        }
        case Orphan::Kind::Distro:
            if (isOwned(live.distros, orphan.path))
                continue;
            removed = m_distros.remove ? m_distros.remove(orphan.path)
                                       : Result<void>(Error::unsupported(QStringLiteral("WSL is not available here")));
            break;
        }
        if (removed) {
            report.removed.append(orphan);
            report.bytesFreed += orphan.bytes;
        } else {
            report.failures.append(removed.error());
        }
    }
    return report;
}
