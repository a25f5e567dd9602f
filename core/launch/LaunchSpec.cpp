// SPDX-License-Identifier: GPL-3.0-or-later
#include "LaunchSpec.h"

QString networkModeName(NetworkMode mode)
{
    switch (mode) {
    case NetworkMode::Host:
        return QStringLiteral("host");
    case NetworkMode::Isolated:
        return QStringLiteral("isolated");
    case NetworkMode::None:
        return QStringLiteral("none");
    }
    return {};
}

bool parseNetworkMode(const QString &name, NetworkMode *mode)
{
    for (NetworkMode m : {NetworkMode::Host, NetworkMode::Isolated, NetworkMode::None}) {
        if (networkModeName(m) == name) {
            *mode = m;
            return true;
        }
    }
    return false;
}
