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

QProcessEnvironment processEnvironment(const QStringList &pairs)
{
    QProcessEnvironment env;
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq > 0)
            env.insert(pair.left(eq), pair.mid(eq + 1));
    }
    return env;
}
