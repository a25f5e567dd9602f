// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ProcessIdentity.h"
#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

/// What `sessions/<id>.json` holds: enough for any process to list a session and to tell a live
/// one from an orphan, even after its owner's PID has been reused.
struct SessionRecord
{
    QString id;      ///< six hex digits, `a1b2c3`
    QString backend; ///< namespace, wsl or host
    QString image;
    QString network;
    ProcessIdentity owner;    ///< the scorpiox-desktop process that runs the session
    ProcessIdentity launcher; ///< scorpiox-unshare / wsl.exe / the host command; pid 0 until started
    QString overlayDir;       ///< empty when the backend has none
    QString distro;           ///< WSL distribution name, empty elsewhere
    QString projectDir;
    QStringList command;
    QDateTime created;

    QString name() const { return QStringLiteral("scorpiox-") + id; }
    /// The owner still runs (same PID and start time).
    bool isOwnerAlive() const { return owner.isAlive(); }

    QJsonObject toJson() const;
    static Result<SessionRecord> fromJson(const QByteArray &bytes, const QString &path);
    static bool isValidId(const QString &id);
};
