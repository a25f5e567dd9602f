// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionStore.h"

#include "FileLink.h"
#include "Paths.h"
#include "images/DirectoryTree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTemporaryFile>

SessionStore::SessionStore(QString cacheDir)
    : m_cacheDir(std::move(cacheDir))
{
}

QString SessionStore::recordsDir() const
{
    return m_cacheDir + QStringLiteral("/sessions");
}

QString SessionStore::recordPath(const QString &id) const
{
    return recordsDir() + QLatin1Char('/') + id + QStringLiteral(".json");
}

QString SessionStore::logPath(const QString &id) const
{
    return recordsDir() + QLatin1Char('/') + id + QStringLiteral(".log");
}

QString SessionStore::overlayDir(const QString &id) const
{
    return m_cacheDir + QStringLiteral("/overlays/session-") + id;
}

Result<SessionRecord> SessionStore::create(SessionRecord record, const QStringList &taken)
{
    if (!QDir().mkpath(recordsDir()))
        return Error::io(QStringLiteral("cannot create %1: check container_cache_dir is writable").arg(recordsDir()));
    record.owner = ProcessIdentity::self();
    record.created = QDateTime::currentDateTimeUtc();
    for (int attempt = 0; attempt < 64; ++attempt) {
        record.id = QStringLiteral("%1").arg(QRandomGenerator::system()->bounded(0x1000000), 6, 16, QLatin1Char('0'));
        if (taken.contains(record.name()) || QFileInfo::exists(overlayDir(record.id)))
            continue;
        QTemporaryFile temp(recordsDir() + QStringLiteral("/.record-XXXXXX"));
        if (!temp.open())
            return Error::io(QStringLiteral("cannot write in %1: %2").arg(recordsDir(), temp.errorString()));
        temp.write(QJsonDocument(record.toJson()).toJson());
        if (!temp.flush())
            return Error::io(QStringLiteral("cannot write in %1: %2").arg(recordsDir(), temp.errorString()));
        // Closed first, so CreateHardLinkW on Windows does not meet our own handle, whose sharing
        // mode could refuse it. The temporary name stays until the QTemporaryFile goes.
        temp.close();
        // A link publishes the complete file and fails if the name exists: atomic and exclusive.
        const Result<bool> linked = FileLink::createNew(temp.fileName(), recordPath(record.id));
        if (!linked)
            return linked.error();
        if (*linked)
            return record;
    }
    return Error::io(QStringLiteral("cannot find a free session id in %1").arg(recordsDir()));
}

Result<void> SessionStore::update(const SessionRecord &record) const
{
    QSaveFile file(recordPath(record.id));
    if (!file.open(QIODevice::WriteOnly))
        return Error::io(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    file.write(QJsonDocument(record.toJson()).toJson());
    if (!file.commit())
        return Error::io(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return {};
}

void SessionStore::remove(const QString &id) const
{
    QFile::remove(recordPath(id));
    QFile::remove(logPath(id));
}

SessionStore::Listing SessionStore::list() const
{
    Listing listing;
    const QFileInfoList files = QDir(recordsDir()).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo &info : files) {
        QFile file(info.filePath());
        Result<SessionRecord> record = file.open(QIODevice::ReadOnly)
                                           ? SessionRecord::fromJson(file.readAll(), info.filePath())
                                           : Result<SessionRecord>(Error::io(
                                               QStringLiteral("cannot read %1: %2; 'cleanup' removes it").arg(info.filePath(), file.errorString())));
        if (record && record->id != info.completeBaseName())
            record = Error::invalid(QStringLiteral("%1: names session %2; 'cleanup' removes it").arg(info.filePath(), record->id));
        if (record) {
            listing.records.append(*record);
        } else {
            listing.unreadable.append(record.error());
            listing.unreadablePaths.append(info.filePath());
        }
    }
    return listing;
}

Result<SessionRecord> SessionStore::find(const QString &id) const
{
    if (!SessionRecord::isValidId(id))
        return Error::invalid(QStringLiteral("'%1' is not a session id; ids are six hex digits as 'sessions' lists them").arg(id));
    QFile file(recordPath(id));
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(QStringLiteral("no session %1; 'sessions' lists the running ones").arg(id));
    return SessionRecord::fromJson(file.readAll(), file.fileName());
}

Result<void> SessionStore::removeTree(const QString &path)
{
    if (DirectoryTree::remove(path))
        return {};
    QProcess helper;
    helper.setProcessChannelMode(QProcess::MergedChannels);
    helper.start(Paths::unshareHelper(), {QStringLiteral("--remove-tree"), path});
    if (!helper.waitForFinished(120000) || helper.exitStatus() != QProcess::NormalExit || helper.exitCode() != 0)
        return Error::permission(
            QStringLiteral("cannot remove %1: %2").arg(path, QString::fromLocal8Bit(helper.readAll()).trimmed()));
    return {};
}
