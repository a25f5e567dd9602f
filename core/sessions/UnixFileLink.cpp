// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileLink.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace FileLink {

Result<bool> createNew(const QString &existing, const QString &target)
{
    if (::link(QFile::encodeName(existing).constData(), QFile::encodeName(target).constData()) == 0)
        return true;
    if (errno == EEXIST)
        return false;
    return Error::io(QStringLiteral("cannot create %1: %2").arg(target, QString::fromLocal8Bit(std::strerror(errno))));
}

} // namespace FileLink
