// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiskSpace.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>

#include <windows.h>

namespace DiskSpace {

bool isFull(int error)
{
    // The C runtime has no EDQUOT: a full quota is ENOSPC too.
    return error == ENOSPC;
}

qint64 available(const QString &path)
{
    QString existing = QDir::cleanPath(path);
    while (!existing.isEmpty() && !QFileInfo::exists(existing)) {
        const QString parent = QFileInfo(existing).path();
        if (parent == existing)
            return -1;
        existing = parent;
    }
    // What the caller may use, quotas included, like statvfs's f_bavail.
    ULARGE_INTEGER forCaller {};
    const std::wstring native = QDir::toNativeSeparators(existing).toStdWString();
    if (existing.isEmpty() || !GetDiskFreeSpaceExW(native.c_str(), &forCaller, nullptr, nullptr))
        return -1;
    return qint64(forCaller.QuadPart);
}

} // namespace DiskSpace
