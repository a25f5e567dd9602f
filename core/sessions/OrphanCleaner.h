// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QList>
#include <QStringList>

#include <functional>

/// Something a dead session left behind.
struct Orphan
{
    enum class Kind {
        Record,  ///< sessions/<id>.json whose owner process is gone (or that cannot be read)
        Overlay, ///< overlays/session-<id> with no live record
        Staging, ///< tmp/ entry of a pull or import nobody holds the lock for
        Distro,  ///< a WSL distribution named scorpiox-* that no live record owns
    };

    Kind kind = Kind::Record;
    QString id;     ///< the session id when known
    QString path;   ///< file or directory; the distribution name for Kind::Distro
    qint64 bytes = 0;
    QString reason; ///< why it counts as orphaned: "owner process 4242 is gone"

    static QString kindName(Kind kind);
};

/// Finds and removes what crashed or killed sessions left in the cache (and in WSL), never
/// touching a live session. Both calls block: run them on a worker thread.
class OrphanCleaner
{
public:
    /// Lists `scorpiox-*` WSL distributions, and unregisters one; absent when WSL is not used.
    struct DistroControl
    {
        std::function<Result<QStringList>()> list;
        std::function<Result<void>(const QString &name)> remove;
    };

    explicit OrphanCleaner(QString cacheDir, DistroControl distros = {});

    Result<QList<Orphan>> scan() const;

    struct Report
    {
        QList<Orphan> removed;
        QList<Error> failures;
        qint64 bytesFreed = 0;
    };
    /// Removes @p orphans, checking each again first so a session that came alive meanwhile
    /// (or a pull that took its lock) is left alone.
    Report remove(const QList<Orphan> &orphans) const;

private:
    QString m_cacheDir;
    DistroControl m_distros;
};
