// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageCache.h"

#include "DiskSpace.h"

#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>

namespace {

Error systemError(int error)
{
    return Error{DiskSpace::isFull(error) ? Error::Kind::NoSpace : Error::Kind::Io,
                 QString::fromLocal8Bit(std::strerror(error))};
}

} // namespace

Result<bool> ImageCache::moveTree(const QString &from, const QString &to)
{
    const QByteArray source = QFile::encodeName(from);
    const QByteArray target = QFile::encodeName(to);
    if (::rename(source.constData(), target.constData()) == 0)
        return false;
    if (errno != ENOTEMPTY && errno != EEXIST)
        return systemError(errno);
    // An older copy is there: swap the two in one step, so a reader sees either, never neither.
    if (::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, target.constData(), RENAME_EXCHANGE) != 0)
        return systemError(errno);
    return true;
}

Result<void> ImageCache::replaceFile(const QString &from, const QString &to)
{
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        const Error reason = systemError(errno);
        return Error{reason.kind, QStringLiteral("cannot move %1 to %2: %3").arg(from, to, reason.message)};
    }
    return {};
}
