// SPDX-License-Identifier: GPL-3.0-or-later
#include "WslPath.h"

#include "launch/VolumeSpec.h"

namespace WslPath {

Result<QString> toLinux(const QString &windowsPath)
{
    if (VolumeSpec::isUnc(windowsPath))
        return Error::invalid(QStringLiteral("'%1' is a network (UNC) path, which WSL sessions cannot mount; "
                                             "map it to a drive letter or copy it to a local folder").arg(windowsPath));
    if (!VolumeSpec::isWindowsAbsolute(windowsPath))
        return Error::invalid(QStringLiteral("'%1' is not an absolute Windows path like C:\\src").arg(windowsPath));
    QString rest = windowsPath.mid(2);
    rest.replace(QLatin1Char('\\'), QLatin1Char('/'));
    while (rest.contains(QStringLiteral("//")))
        rest.replace(QStringLiteral("//"), QStringLiteral("/"));
    if (rest.size() > 1 && rest.endsWith(QLatin1Char('/')))
        rest.chop(1);
    return QString(QStringLiteral("/mnt/") + windowsPath.at(0).toLower() + rest);
}

} // namespace WslPath
