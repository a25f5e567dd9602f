// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SessionRecord.h"

#include <QList>

/// The session records under `<cache>/sessions/`, shared by every process that uses the cache.
class SessionStore
{
public:
    explicit SessionStore(QString cacheDir);

    QString cacheDir() const { return m_cacheDir; }
    QString recordsDir() const;
    QString recordPath(const QString &id) const;
    QString logPath(const QString &id) const;
    QString overlayDir(const QString &id) const;

    /// Picks a fresh id (no record, no overlay, none in @p taken) and publishes the record for it
    /// atomically and exclusively, so two processes can never claim the same id.
    Result<SessionRecord> create(SessionRecord record, const QStringList &taken = {});
    /// Replaces the record atomically.
    Result<void> update(const SessionRecord &record) const;
    /// Removes the record and its log.
    void remove(const QString &id) const;
    /// Deletes a tree a container filled (an overlay): files its full uid mapping left owned by
    /// other ids are removed from inside a user namespace by scorpiox-unshare. Blocking.
    static Result<void> removeTree(const QString &path);

    struct Listing
    {
        QList<SessionRecord> records;
        QList<Error> unreadable; ///< corrupt or unreadable records, one message each
        QStringList unreadablePaths;
    };
    Listing list() const;
    /// The record with @p id, or a NotFound error naming it.
    Result<SessionRecord> find(const QString &id) const;

private:
    QString m_cacheDir;
};
