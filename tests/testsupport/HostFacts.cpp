// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostFacts.h"

#include <QByteArray>
#include <QFile>

#include <unistd.h>

namespace HostFacts {

bool hasSubordinateRange()
{
    QFile subuid(QStringLiteral("/etc/subuid"));
    if (!subuid.open(QIODevice::ReadOnly) || ::access("/usr/bin/newuidmap", X_OK) != 0)
        return false;
    const QByteArray user = qgetenv("USER");
    for (const QByteArray &line : subuid.readAll().split('\n')) {
        if (!user.isEmpty() && line.startsWith(QByteArray(user + ':')))
            return true;
    }
    return false;
}

} // namespace HostFacts
