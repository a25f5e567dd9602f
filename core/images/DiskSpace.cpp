// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiskSpace.h"

#include <QLocale>

// isFull() and available() ask the platform: UnixDiskSpace.cpp, WinDiskSpace.cpp.

namespace DiskSpace {

namespace {

QString human(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace

Error fullError(const QString &what, const QString &path, qint64 needed)
{
    const qint64 free = available(path);
    QString room;
    if (needed > 0 && free >= 0)
        room = QStringLiteral(" (%1 needed, %2 free)").arg(human(needed), human(free));
    else if (free >= 0)
        room = QStringLiteral(" (%1 free)").arg(human(free));
    return Error::noSpace(QStringLiteral("the disk is full: cannot write %1 in %2%3; free some space there, or move "
                                         "the image cache to a bigger disk with container_cache_dir (or SCORPIOX_HOME)")
                              .arg(what, path, room));
}

} // namespace DiskSpace
