// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionEnvironment.h"

#include <QMap>
#include <QRegularExpression>

namespace SessionEnvironment {

const QStringList &hostOnlyVariables()
{
    static const QStringList names = {
        QStringLiteral("DISPLAY"),          QStringLiteral("WAYLAND_DISPLAY"),
        QStringLiteral("XDG_RUNTIME_DIR"),  QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("SSH_AUTH_SOCK"),    QStringLiteral("XAUTHORITY"),
        QStringLiteral("SCORPIOX_UNSHARE"), QStringLiteral("SCORPIOX_WSL_EXE"),
        QStringLiteral("LD_PRELOAD"),       QStringLiteral("LD_LIBRARY_PATH"),
    };
    return names;
}

QString containerPath()
{
    return QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
}

Result<QStringList> build(const QProcessEnvironment &host, const QHash<QString, QString> &secrets,
                          const QStringList &extra)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QMap<QString, QString> env;
    for (const QString &key : host.keys()) {
        if (!hostOnlyVariables().contains(key))
            env.insert(key, host.value(key));
    }
    env.insert(QStringLiteral("PATH"), containerPath());
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        env.insert(it.key(), it.value());
    for (const QString &item : extra) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        const QString key = eq < 0 ? item : item.left(eq);
        if (!name.match(key).hasMatch())
            return Error::invalid(QStringLiteral("bad -e '%1': expected NAME=VALUE or NAME").arg(item));
        if (eq >= 0)
            env.insert(key, item.mid(eq + 1));
        else if (host.contains(key))
            env.insert(key, host.value(key));
    }
    QStringList result;
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        result.append(it.key() + QLatin1Char('=') + it.value());
    return result;
}

} // namespace SessionEnvironment
