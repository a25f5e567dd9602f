// SPDX-License-Identifier: GPL-3.0-or-later
#include "Paths.h"

#include <QCoreApplication>
#include <QDir>

namespace Paths {

QString scorpioxHome()
{
    const QString fromEnv = qEnvironmentVariable("SCORPIOX_HOME");
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(expandTilde(fromEnv));
    return QDir::homePath() + QStringLiteral("/.scorpiox");
}

QString globalEnvFile(const QString &home)
{
    return home + QStringLiteral("/scorpiox-env.txt");
}

QString projectEnvFile(const QString &projectDir)
{
    return QDir(projectDir).absoluteFilePath(QStringLiteral("scorpiox-env.txt"));
}

QString expandTilde(const QString &path)
{
    if (path == QLatin1String("~"))
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

QString unshareHelper()
{
    const QString fromEnv = qEnvironmentVariable("SCORPIOX_UNSHARE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir::cleanPath(QCoreApplication::applicationDirPath()
                           + QStringLiteral("/../libexec/scorpiox/scorpiox-unshare"));
}

QString wslNoNetworkHelper()
{
    const QString fromEnv = qEnvironmentVariable("SCORPIOX_WSL_NO_NETWORK");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir::cleanPath(QCoreApplication::applicationDirPath()
                           + QStringLiteral("/../libexec/scorpiox/scorpiox-no-network"));
}

QString builtinImage(const QString &name)
{
    const QString fromEnv = qEnvironmentVariable("SCORPIOX_BUILTIN_IMAGES");
    const QString dir = !fromEnv.isEmpty() ? fromEnv
                                           : QCoreApplication::applicationDirPath()
                                                 + QStringLiteral("/../share/scorpiox/images");
    return QDir::cleanPath(dir + QLatin1Char('/') + name + QStringLiteral(".tar.gz"));
}

} // namespace Paths
