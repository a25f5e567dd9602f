// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

/// What the cache knows about one image, kept as `images/<name>.json` beside its rootfs.
struct ImageMetadata
{
    QString name;
    QString source;       ///< registry URL or imported file
    QString sha256;       ///< hex digest of the archive
    QString archive;      ///< file name under `archives/`, empty when none is kept
    qint64 archiveSize = 0;
    qint64 diskSize = 0;  ///< bytes of the extracted files
    qint64 entries = 0;
    qint64 devicesSkipped = 0;
    QDateTime created;
    QDateTime lastUsed;

    QByteArray toJson() const;
    static Result<ImageMetadata> fromJson(const QByteArray &json, const QString &path);
};
