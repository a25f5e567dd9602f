// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiskSpace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <sys/statvfs.h>

namespace DiskSpace {

bool isFull(int error)
{
    return error == ENOSPC || error == EDQUOT;
}

qint64 available(const QString &path)
{
    QString existing = QDir::cleanPath(path);
    while (!existing.isEmpty() && !QFileInfo::exists(existing) && existing != QLatin1String("/"))
        existing = QFileInfo(existing).path();
    struct statvfs fs;
    if (existing.isEmpty() || ::statvfs(QFile::encodeName(existing).constData(), &fs) != 0)
        return -1;
    return qint64(fs.f_bavail) * qint64(fs.f_frsize);
}

} // namespace DiskSpace
